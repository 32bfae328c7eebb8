package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TermStructureTest {

    private static final double DAY = 1.0 / 365.25;

    @Test
    void powerLawOfTheTenor() {
        // 0.5 (7/30)^0.032 = 0.477249257577552 (Python: 0.5 * (7 / 30) ** 0.032)
        assertEquals(0.477249257577552, TermStructure.CRYPTO_DEFAULT.atmVol(0.5, 7 * DAY), 1e-15);
        // 0.8 (1 year / 30 days)^-0.1 = 0.623078965259790
        assertEquals(0.623078965259790, new TermStructure(-0.1).atmVol(0.8, 1.0), 1e-15);
        assertEquals(0.5, TermStructure.CRYPTO_DEFAULT.atmVol(0.5, 30 * DAY), 1e-15);
        assertEquals(0.5, TermStructure.FLAT.atmVol(0.5, 7 * DAY), 0.0);
        assertEquals(30.0 / 365.25, TermStructure.THIRTY_DAYS, 0.0);
        assertEquals(0.032, TermStructure.CRYPTO_DEFAULT.beta(), 0.0);
    }

    @Test
    void totalVarianceRisesWithTheTenorDownToBetaMinusOneHalf() {
        TermStructure steep = new TermStructure(-0.4);
        // theta(T) = 0.36 (T / 30d)^-0.8 T: 0.014976 at 1 day, 0.022102 at 7 days, 0.029569 at 30 days.
        double[] days = {1, 7, 30};
        double[] theta = {0.014976463760194049, 0.022101863272887805, 0.02956878850102669};
        for (int i = 0; i < days.length; i++) {
            double vol = steep.atmVol(0.6, days[i] * DAY);
            assertEquals(theta[i], vol * vol * days[i] * DAY, 1e-15);
        }
        assertTrue(new TermStructure(-0.4999).atmVol(0.6, 1.0) > 0.0);
        assertEquals("beta = -0.5 must be finite and above -1/2 (total ATM variance must rise with the tenor)",
            assertThrows(IllegalArgumentException.class, () -> new TermStructure(-0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TermStructure(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TermStructure(Double.POSITIVE_INFINITY));
    }

    @Test
    void refusesBadLevelsAndTenors() {
        assertEquals("atm30 = 0.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> TermStructure.FLAT.atmVol(0.0, 1.0)).getMessage());
        assertEquals("tenorYears = -1.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> TermStructure.FLAT.atmVol(0.5, -1.0)).getMessage());
        assertEquals("tenorYears = 0.0 must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> TermStructure.FLAT.atmVol(0.5, 0.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TermStructure.FLAT.atmVol(Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> TermStructure.FLAT.atmVol(0.5, Double.POSITIVE_INFINITY));
    }

    @Test
    void skewModelSlicesAtTheTenorsVol() {
        SkewModel model = SkewModel.CRYPTO_DEFAULT;
        SviSlice sevenDays = model.slice(0.5, 100.0, 7 * DAY, TermStructure.CRYPTO_DEFAULT);
        assertEquals(0.477249257577552, sevenDays.iv(100.0), 1e-14);
        assertEquals(model.slice(0.477249257577552, 100.0, 7 * DAY).params().b(), sevenDays.params().b(), 1e-15);
        assertEquals(-0.15, sevenDays.params().rho(), 0.0);
        assertEquals(model.slice(0.5, 100.0, 7 * DAY), model.slice(0.5, 100.0, 7 * DAY, TermStructure.FLAT));
        assertEquals("term is missing (null): use TermStructure.FLAT for a flat term structure",
            assertThrows(IllegalArgumentException.class, () -> model.slice(0.5, 100.0, 0.1, null)).getMessage());
    }

    @Test
    void aSurfaceBuiltThroughTheTermStructureHasNoCalendarArbitrage() {
        double[] tenors = {1 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY, 1.0};
        java.util.List<SviSlice> slices = new java.util.ArrayList<>();
        for (double tenor : tenors) {
            slices.add(SkewModel.CRYPTO_DEFAULT.slice(0.6, 100.0, tenor, new TermStructure(-0.3)));
        }
        assertEquals(java.util.List.of(), VolSurface.of(slices).arbitrage());
    }
}
