package io.volvault.strategy.sizing;

/** Volatility targeting: hold the exposure whose forecast volatility equals the target. */
public final class VolTarget {

    private VolTarget() {}

    /**
     * The delta exposure (in quote, i.e. delta x spot) that gives a book with this dollar gamma a
     * forecast volatility equal to the target, floored at zero and capped at
     * {@code maxLeverage x nav}. Without options it is the classic weight = target / forecast.
     *
     * <p>Over one bar of length dt, P&amp;L = D dS/S + G/2 (dS/S)^2 with D the delta exposure and
     * G = gamma x spot^2. With dS/S ~ N(0, vol^2 dt) its variance is D^2 vol^2 dt + G^2 vol^4 dt^2 / 2,
     * so the annualised variance is D^2 vol^2 + G^2 vol^4 dt / 2. Solving for D leaves the gamma
     * share of the target variance out of the delta budget.
     *
     * @param dollarGamma gamma x spot^2 of the option book (its sign does not matter)
     * @param dt bar length in years
     */
    public static double deltaExposure(double targetVol, double forecastVol, double maxLeverage,
                                       double nav, double dollarGamma, double dt) {
        double targetVariance = targetVol * nav * targetVol * nav;
        double gammaVariance = 0.5 * dollarGamma * dollarGamma * Math.pow(forecastVol, 4) * dt;
        if (!(forecastVol > 0)) {
            throw new IllegalArgumentException("forecast vol must be positive, got " + forecastVol);
        }
        double delta = Math.sqrt(Math.max(0, targetVariance - gammaVariance)) / forecastVol;
        return Math.min(delta, maxLeverage * nav);
    }
}
