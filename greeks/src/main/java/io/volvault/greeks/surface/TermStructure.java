package io.volvault.greeks.surface;

/**
 * The at-the-money implied vol at tenor T from the 30-day ATM level (a 30-day vol index such as
 * Deribit's DVOL is a 30-day level):
 * <pre>
 *   sigma_ATM(T) = sigma_30 (T / 30 days)^beta
 * </pre>
 * Total ATM variance {@code sigma_30^2 (T / 30d)^(2 beta) T} rises with T exactly when
 * {@code beta > -1/2}, the calendar no-arbitrage condition the constructor enforces.
 *
 * @param beta the power of the tenor; 0 is a flat term structure
 */
public record TermStructure(double beta) {

    /** Thirty days in years (ACT/365.25, as Deribit's time_to_maturity). */
    public static final double THIRTY_DAYS = 30.0 / 365.25;

    /** Flat: every tenor at the 30-day level. */
    public static final TermStructure FLAT = new TermStructure(0.0);

    /**
     * Calibrated, not assumed: beta = 0.032 by least squares of ln(sigma_ATM(T) / sigma_ATM(30d))
     * on ln(T / 30d) over the SVI-fitted ATM vols of 366 daily Deribit snapshots (BTC and ETH,
     * 2025-12-30 .. 2026-06-30, tenors 2 days to 1 year, 3,616 slices). By asset 0.028 (BTC) and
     * 0.036 (ETH); by calendar month from -0.017 to 0.088: flat or slightly inverted in the
     * stressed February and March, upward in calm months. A 7-day option gets
     * (7/30)^0.032 = 0.954 of the 30-day level.
     */
    public static final TermStructure CRYPTO_DEFAULT = new TermStructure(0.032);

    public TermStructure {
        if (!(beta > -0.5) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta = " + beta
                + " must be finite and above -1/2 (total ATM variance must rise with the tenor)");
        }
    }

    /** ATM vol at {@code tenorYears} given the 30-day ATM vol {@code atm30}. */
    public double atmVol(double atm30, double tenorYears) {
        if (!(atm30 > 0.0) || !Double.isFinite(atm30)) {
            throw new IllegalArgumentException("atm30 = " + atm30 + " must be positive and finite");
        }
        if (!(tenorYears > 0.0) || !Double.isFinite(tenorYears)) {
            throw new IllegalArgumentException("tenorYears = " + tenorYears + " must be positive and finite");
        }
        return atm30 * Math.pow(tenorYears / THIRTY_DAYS, beta);
    }
}
