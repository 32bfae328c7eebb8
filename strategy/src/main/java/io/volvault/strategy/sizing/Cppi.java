package io.volvault.strategy.sizing;

/** Constant-proportion portfolio insurance (Black and Jones 1987; Perold and Sharpe 1988). */
public final class Cppi {

    private Cppi() {}

    /**
     * Risky exposure = multiplier x cushion, cushion = max(0, NAV - floor), capped at
     * {@code maxLeverage x nav}.
     */
    public static double exposure(double nav, double floor, double multiplier, double maxLeverage) {
        double cushion = Math.max(0, nav - floor);
        return Math.min(multiplier * cushion, maxLeverage * nav);
    }
}
