package io.volvault.strategy.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    /**
     * The numerical example of Bailey and López de Prado (2014), section 5: annual Sharpe 2.5 over
     * 5 years of daily returns (T = 1250, 250 a year), 100 trials whose annual Sharpe ratios have
     * variance 0.5, skewness -3, kurtosis 10. The paper gives E[max SR] = 0.1132 per day and
     * DSR = 0.9004; the full-precision figures come from scipy.stats.norm on the same formulas.
     */
    @Test
    void thePapersExample() {
        double variance = 0.5 / 250;
        assertEquals(0.11317200186513214, DeflatedSharpe.expectedMaxSharpe(variance, 100), 1e-12);
        double dsr = DeflatedSharpe.deflated(2.5 / Math.sqrt(250), 1250, -3, 10, variance, 100);
        assertEquals(0.9003968344493903, dsr, 1e-10);
        assertEquals(0.9004, dsr, 5e-5);
    }

    @Test
    void probabilisticSharpeAgainstZero() {
        // scipy: norm.cdf(sr sqrt(1249) / sqrt(1 + 3 sr + 9/4 sr^2)), sr = 2.5 / sqrt(250).
        assertEquals(0.9999968595078976, DeflatedSharpe.probabilisticSharpe(2.5 / Math.sqrt(250), 0, 1250, -3, 10), 1e-12);
        // At the benchmark it is one half whatever the moments.
        assertEquals(0.5, DeflatedSharpe.probabilisticSharpe(0.1, 0.1, 100, -1, 6), 1e-15);
        // Below the benchmark it is below one half.
        assertTrue(DeflatedSharpe.probabilisticSharpe(0.05, 0.1, 100, 0, 3) < 0.5);
    }

    @Test
    void moreTrialsRaiseTheBarAndLowerTheDsr() {
        double few = DeflatedSharpe.deflated(0.1, 1000, 0, 3, 0.001, 10);
        double many = DeflatedSharpe.deflated(0.1, 1000, 0, 3, 0.001, 1000);
        assertTrue(many < few, few + " vs " + many);
        // With no dispersion across trials the bar is zero: the DSR is the PSR against 0.
        assertEquals(DeflatedSharpe.probabilisticSharpe(0.1, 0, 1000, 0, 3),
            DeflatedSharpe.deflated(0.1, 1000, 0, 3, 0, 1000), 1e-15);
    }

    @Test
    void badInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaxSharpe(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaxSharpe(-0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.expectedMaxSharpe(Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.probabilisticSharpe(0.1, 0, 1, 0, 3));
        // 1 - 5 x 0.5 + 0 < 0: no valid variance of the estimate.
        assertThrows(IllegalArgumentException.class, () -> DeflatedSharpe.probabilisticSharpe(0.5, 0, 100, 5, 1));
    }
}
