package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkewModelTest {

    private static final double[] EXPIRIES = {1.0 / 365, 7.0 / 365, 30.0 / 365, 90.0 / 365, 1.0};

    @Test
    void everyExpiryHasTheIndexAsItsAtmVol() {
        VolSurface surface = SkewModel.CRYPTO_DEFAULT.surface(0.6, 30_000.0, EXPIRIES);
        for (double expiry : EXPIRIES) {
            assertEquals(0.6, surface.atmVol(expiry), 1e-15);
            assertEquals(0.6, surface.iv(30_000.0, expiry), 1e-15);
        }
        assertEquals(0.6, surface.atmVol(45.0 / 365), 1e-15);
    }

    @Test
    void slicesAreTheSsviSmile() {
        SkewModel model = new SkewModel(-0.3, 1.2, 0.4);
        double atmVol = 0.55;
        double expiry = 0.2;
        SviParams params = model.slice(atmVol, 100.0, expiry).params();
        double theta = atmVol * atmVol * expiry;
        double phi = 1.2 / (Math.pow(theta, 0.4) * Math.pow(1 + theta, 0.6));
        for (double k = -0.8; k <= 0.8; k += 0.05) {
            double ssvi = theta / 2 * (1 - 0.3 * phi * k + Math.sqrt(Math.pow(phi * k - 0.3, 2) + 1 - 0.09));
            assertEquals(ssvi, params.totalVariance(k), 1e-15, "k = " + k);
        }
        // The ATM skew of SSVI is rho sqrt(theta) phi / (2 sqrt(T)) (Gatheral and Jacquier 2014).
        assertEquals(-0.3 * Math.sqrt(theta) * phi / (2 * Math.sqrt(expiry)),
            VolSurface.of(List.of(model.slice(atmVol, 100.0, expiry))).skew(expiry), 1e-14);
    }

    /**
     * The documented smile (CRYPTO_DEFAULT's Javadoc: 64.5%, 71.0%, 59.8%, 63.4%) and its exact
     * values. The 17-digit references are the SSVI formula of the class comment evaluated by hand in
     * mpmath at 40 digits (rho = -0.15, eta = 1, gamma = 1/2, theta = 0.6^2 x 30/365,
     * phi = 1 / sqrt(theta (1 + theta)), vol = sqrt(w(k) / T)), not this code's output.
     */
    @Test
    void defaultSmileMatchesItsDocumentedValues() {
        double expiry = 30.0 / 365;
        VolSurface surface = SkewModel.CRYPTO_DEFAULT.surface(0.6, 1.0, expiry);
        double[] k = {-0.2, -0.1, 0.1, 0.2};
        double[] documented = {0.710, 0.645, 0.598, 0.634};
        double[] mpmath = {0.71016235867357023, 0.64492849127943034, 0.59840896872677313, 0.63376271055671704};
        for (int i = 0; i < k.length; i++) {
            double vol = Math.sqrt(surface.totalVariance(k[i], expiry) / expiry);
            assertEquals(documented[i], vol, 5e-4, "documented vol at k = " + k[i]);
            assertEquals(mpmath[i], vol, 4e-16, "vol at k = " + k[i]);
        }
    }

    @Test
    void isFreeOfStaticArbitrageUpToTheBoundOfTheTheorem() {
        for (SkewModel model : new SkewModel[] {SkewModel.CRYPTO_DEFAULT, new SkewModel(-0.6, 1.25, 0.5),
                new SkewModel(0.9, 2.0 / 1.9, 0.1), new SkewModel(0.0, 2.0, 0.5)}) {
            for (double atmVol : new double[] {0.2, 0.6, 1.5}) {
                assertEquals(List.of(), model.surface(atmVol, 1.0, EXPIRIES).arbitrage(), model + " at " + atmVol);
            }
        }
    }

    @Test
    void refusesParametersOutsideTheArbitrageFreeRegion() {
        assertEquals("eta (1 + |rho|) = 2.25 is above 2: the smile could admit butterfly arbitrage (eta = 1.5, rho = -0.5)",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(-0.5, 1.5, 0.5)).getMessage());
        assertEquals("gamma = 0.7 must be in (0, 0.5]",
            assertThrows(IllegalArgumentException.class, () -> new SkewModel(0, 1, 0.7)).getMessage());
        assertEquals("atmVol = 0.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> SkewModel.CRYPTO_DEFAULT.surface(0.0, 1.0, 0.1)).getMessage());
    }
}
