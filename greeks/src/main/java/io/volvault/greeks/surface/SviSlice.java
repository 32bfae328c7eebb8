package io.volvault.greeks.surface;

/** One expiry of a surface: time to expiry in years, the forward, and its raw SVI smile. */
public record SviSlice(double expiry, double forward, SviParams params) {

    public SviSlice {
        if (!(expiry > 0.0) || !Double.isFinite(expiry)) {
            throw new IllegalArgumentException("expiry = " + expiry + " must be positive and finite (years)");
        }
        if (!(forward > 0.0) || !Double.isFinite(forward)) {
            throw new IllegalArgumentException("forward = " + forward + " must be positive and finite");
        }
        if (params == null) {
            throw new IllegalArgumentException("params is missing (null)");
        }
    }

    /** Log-moneyness ln(K / F) of a strike. */
    public double logMoneyness(double strike) {
        if (!(strike > 0.0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike = " + strike + " must be positive and finite");
        }
        return Math.log(strike / forward);
    }

    /** Black implied volatility at a strike: sqrt(w(k) / T). */
    public double iv(double strike) {
        return Math.sqrt(params.totalVariance(logMoneyness(strike)) / expiry);
    }
}
