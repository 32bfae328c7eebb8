package io.volvault.greeks.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * A parametric smile for when no option-chain history exists: builds a {@link VolSurface} from a
 * single ATM implied-vol level (a vol index such as Deribit's 30-day DVOL) and a forward.
 *
 * <p>The model is Gatheral and Jacquier's (2014) SSVI with the power-law curvature function:
 * <pre>
 *   w(k, T) = theta_T / 2 (1 + rho phi k + sqrt((phi k + rho)^2 + 1 - rho^2)),
 *   phi(theta) = eta / (theta^gamma (1 + theta)^(1 - gamma))
 * </pre>
 * <ul>
 *   <li>term structure: {@code theta_T = atmVol^2 T} with the ATM vol given per expiry; from a
 *       30-day level, {@link #slice(double, double, double, TermStructure)} sets it by a
 *       {@link TermStructure} (flat, or the calibrated power law);</li>
 *   <li>{@code rho}: the skew, negative when puts are dearer than calls;</li>
 *   <li>{@code eta}, {@code gamma}: the curvature, and how it decays with total variance (short
 *       expiries get steeper smiles in k).</li>
 * </ul>
 * Each expiry is an exact raw SVI slice ({@code a = theta (1 - rho^2) / 2, b = theta phi / 2,
 * m = -rho / phi, sigma = sqrt(1 - rho^2) / phi}). The surface is free of static arbitrage when
 * {@code eta (1 + |rho|) <= 2} and {@code 0 < gamma <= 1/2} (Gatheral and Jacquier 2014, Remark
 * 4.4 with Theorem 4.2, and theta increasing in T for calendar), which the constructor enforces.
 *
 * @param rho   skew correlation, in (-1, 1)
 * @param eta   curvature level, positive
 * @param gamma curvature decay, in (0, 1/2]
 */
public record SkewModel(double rho, double eta, double gamma) {

    /**
     * Stated assumptions, not a calibration: a mild put skew (rho = -0.15), eta = 1, gamma = 1/2.
     * At a 60% ATM vol and 30 days this gives 64.5% at k = -0.1 and 71.0% at k = -0.2 on the put
     * side, 59.8% at k = +0.1 and 63.4% at k = +0.2 on the call side.
     */
    public static final SkewModel CRYPTO_DEFAULT = new SkewModel(-0.15, 1.0, 0.5);

    public SkewModel {
        if (!(Math.abs(rho) < 1.0)) {
            throw new IllegalArgumentException("rho = " + rho + " must be in (-1, 1)");
        }
        if (!(eta > 0.0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta = " + eta + " must be positive and finite");
        }
        if (!(gamma > 0.0 && gamma <= 0.5)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be in (0, 0.5]");
        }
        if (eta * (1.0 + Math.abs(rho)) > 2.0) {
            throw new IllegalArgumentException("eta (1 + |rho|) = " + eta * (1.0 + Math.abs(rho))
                + " is above 2: the smile could admit butterfly arbitrage (eta = " + eta + ", rho = " + rho + ")");
        }
    }

    /** The SVI slice of one expiry whose ATM (k = 0) vol is {@code atmVol}. */
    public SviSlice slice(double atmVol, double forward, double expiry) {
        if (!(atmVol > 0.0) || !Double.isFinite(atmVol)) {
            throw new IllegalArgumentException("atmVol = " + atmVol + " must be positive and finite");
        }
        if (!(expiry > 0.0) || !Double.isFinite(expiry)) {
            throw new IllegalArgumentException("expiry = " + expiry + " must be positive and finite (years)");
        }
        double theta = atmVol * atmVol * expiry;
        double phi = eta / (Math.pow(theta, gamma) * Math.pow(1.0 + theta, 1.0 - gamma));
        double rootOneMinusRho2 = Math.sqrt(1.0 - rho * rho);
        SviParams params = new SviParams(theta * (1.0 - rho * rho) / 2.0, theta * phi / 2.0, rho,
            -rho / phi, rootOneMinusRho2 / phi);
        return new SviSlice(expiry, forward, params);
    }

    /**
     * The slice at {@code expiry} from a 30-day ATM level: its ATM vol is
     * {@code term.atmVol(atm30, expiry)} ({@link TermStructure#FLAT} gives {@link #slice(double, double, double)}).
     */
    public SviSlice slice(double atm30, double forward, double expiry, TermStructure term) {
        if (term == null) {
            throw new IllegalArgumentException("term is missing (null): use TermStructure.FLAT for a flat term structure");
        }
        return slice(term.atmVol(atm30, expiry), forward, expiry);
    }

    /** A surface with one slice per expiry (years), all at the same ATM vol and forward. */
    public VolSurface surface(double atmVol, double forward, double... expiries) {
        if (expiries == null || expiries.length == 0) {
            throw new IllegalArgumentException("expiries is empty: need at least one expiry");
        }
        List<SviSlice> slices = new ArrayList<>();
        for (double expiry : expiries) {
            slices.add(slice(atmVol, forward, expiry));
        }
        return VolSurface.of(slices);
    }
}
