package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.OptionType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Durrleman's g against prices: the density implied by Black-76 call prices on an SVI slice,
 * d2C/dK2 by finite differences, equals g(k) n(d_-) / (K sqrt(w)) (Gatheral and Jacquier 2014,
 * eq. 2.1, forward 1, undiscounted). So g < 0 is exactly where the call prices are not convex.
 */
class SviDensityTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.6, -0.2, 0.0, 0.3, 0.5, 0.7, 0.879, 1.1, 1.5})
    void densityFromBlack76PricesMatchesDurrleman(double k) {
        for (SviParams params : new SviParams[] {SviParamsTest.VOGT, SviParamsTest.EQUITY_LIKE}) {
            SviSlice slice = new SviSlice(1.0, 1.0, params);
            double strike = Math.exp(k);
            double h = 1e-3 * strike;
            double density = (call(slice, strike + h) - 2 * call(slice, strike) + call(slice, strike - h)) / (h * h);

            double w = params.totalVariance(k);
            double dMinus = -k / Math.sqrt(w) - Math.sqrt(w) / 2;
            double expected = params.durrlemanG(k) * Math.exp(-dMinus * dMinus / 2)
                / (Math.sqrt(2 * Math.PI) * strike * Math.sqrt(w));
            assertEquals(expected, density, 1e-4 * Math.abs(expected) + 1e-9, params + " at k = " + k);
            assertTrue(Math.signum(density) == Math.signum(params.durrlemanG(k)), "sign at k = " + k);
        }
    }

    private static double call(SviSlice slice, double strike) {
        return Black76.price(new B76Option(OptionType.CALL, slice.forward(), strike, slice.expiry(), slice.iv(strike), 0.0));
    }
}
