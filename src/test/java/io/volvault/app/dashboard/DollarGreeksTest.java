package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.greeks.OptionType;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The vault's dollar Greeks against the closed-form Black-Scholes expressions (r = q = 0), written out here. */
class DollarGreeksTest {

    private static final NormalDistribution N = new NormalDistribution();

    private static double d1(double s, double k, double t, double vol) {
        return (Math.log(s / k) + vol * vol / 2 * t) / (vol * Math.sqrt(t));
    }

    @Test
    void coveredCallIsSpotLessShortCalls() {
        double s = 3000, k = 3300, t = 7 / 365.0, vol = 0.8, shortSize = 3, owned = 10;
        double d1 = d1(s, k, t, vol);
        double pdf = N.density(d1);
        DollarGreeks g = DollarGreeks.of(OptionType.CALL, s, k, t, vol, shortSize, owned);
        assertEquals((owned - shortSize * N.cumulativeProbability(d1)) * s, g.deltaUsd(), 1e-9);
        assertEquals(-shortSize * pdf / (s * vol * Math.sqrt(t)) * s * s / 100, g.gammaUsdPerPct(), 1e-9);
        assertEquals(-shortSize * s * pdf * Math.sqrt(t) / 100, g.vegaUsdPerVolPoint(), 1e-9);
        // A long call loses s pdf vol / (2 sqrt t) a year with no rates; the writer earns it.
        assertEquals(shortSize * s * pdf * vol / (2 * Math.sqrt(t)) / 365, g.thetaUsdPerDay(), 1e-9);
    }

    @Test
    void cashSecuredPutIsLongDeltaThroughTheShortPut() {
        double s = 3000, k = 2700, t = 5 / 365.0, vol = 0.6, shortSize = 2;
        double d1 = d1(s, k, t, vol);
        DollarGreeks g = DollarGreeks.of(OptionType.PUT, s, k, t, vol, shortSize, 0);
        double putDelta = N.cumulativeProbability(d1) - 1;
        assertEquals(-shortSize * putDelta * s, g.deltaUsd(), 1e-9);
        assertEquals(-shortSize * N.density(d1) / (s * vol * Math.sqrt(t)) * s * s / 100, g.gammaUsdPerPct(), 1e-9);
    }

    @Test
    void expiredOutOfTheMoneyOptionLeavesOnlySpot() {
        // Exact equality of records also tells 0.0 from -0.0, which the page would print as "-0".
        assertEquals(new DollarGreeks(30_000, 0, 0, 0), DollarGreeks.of(OptionType.CALL, 3000, 3300, 0, 0.8, 3, 10));
    }

    @Test
    void betweenRoundsOnlySpotCounts() {
        assertEquals(new DollarGreeks(4.5 * 2000, 0, 0, 0), DollarGreeks.spotOnly(2000, 4.5));
    }
}
