package io.volvault.strategy.sizing;

/**
 * Ex-ante risk of a book of spot and options, annualised, in quote units. A delta-gamma-vega model
 * with joint spot and implied-vol moves:
 * <ul>
 *   <li>spot returns are normal with the forecast vol {@code spotVol}; the ATM implied vol moves as a
 *       random walk with vol {@code ivVol} (vol units per sqrt(year)), correlated {@code correlation}
 *       with spot returns;</li>
 *   <li>spot and the options' delta are linear, so their variance rate does not depend on how long
 *       they are held;</li>
 *   <li>an option's gamma acts over its whole remaining life T (the book is not re-hedged inside the
 *       no-trade region): its P&amp;L is 1/2 gamma S^2 (R^2 - sigma^2 T) with R the return over T.
 *       Var(R^2) = (kappa_T - 1) sigma^4 T^2 with kappa_T the kurtosis of R; for iid daily returns of
 *       excess kurtosis k, kappa_T = 3 + k / (365 T), so Var(R^2) = 2 sigma^4 (T^2 + k T / 730) and the
 *       variance a year is 1/2 gamma^2 S^4 sigma^4 (T + k / 730) ({@link #horizon}); normal returns
 *       (k = 0) give 1/2 (gamma S^2 sqrt(T))^2 sigma^4. The options' terms are added before squaring
 *       (the same R: the conservative aggregation);</li>
 *   <li>vega P&amp;L is vega x the implied-vol change.</li>
 * </ul>
 * Z^2 - 1 is uncorrelated with the normal spot and vol shocks, so the annual variance is
 * {@code (D sigma + rho eta V)^2 + (1 - rho^2) eta^2 V^2 + 1/2 sigma^4 G^2}, with D the dollar delta,
 * V the vega per 1.00 of vol and G the horizon gamma sum(gamma_i S^2 horizon(T_i, k)).
 *
 * @param spotVol annualised spot volatility (the forecast)
 * @param ivVol annualised volatility of the implied vol, in vol units
 * @param correlation correlation of spot returns and implied-vol changes
 */
public record BookRisk(double spotVol, double ivVol, double correlation) {

    private static final double SQRT_HALF = Math.sqrt(0.5);

    /**
     * The square root of the years one option's gamma acts over, fattened by the tails:
     * sqrt(T + k / 730) for T years left and daily excess kurtosis k.
     */
    public static double horizon(double years, double dailyExcessKurtosis) {
        return Math.sqrt(years + dailyExcessKurtosis / 730);
    }

    /**
     * Annual variance of the book's P&amp;L.
     *
     * @param dollarDelta delta x spot, quote
     * @param vega d value / d vol per 1.00 of vol, quote
     * @param horizonGamma sum of gamma x spot^2 x {@link #horizon}, quote
     */
    public double variance(double dollarDelta, double vega, double horizonGamma) {
        double correlated = dollarDelta * spotVol + correlation * ivVol * vega;
        double independent = ivVol * vega;
        double gammaVol = gammaVol(horizonGamma);
        return correlated * correlated + (1 - correlation * correlation) * independent * independent
            + gammaVol * gammaVol;
    }

    /** The gamma term alone as a standard deviation: sqrt(1/2) sigma^2 |G|. */
    public double gammaVol(double horizonGamma) {
        return SQRT_HALF * spotVol * spotVol * Math.abs(horizonGamma);
    }

    /** The vega term alone as a standard deviation: eta |V|. */
    public double vegaVol(double vega) {
        return ivVol * Math.abs(vega);
    }
}
