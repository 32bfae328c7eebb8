package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.VolSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book's Greeks as the sum of its legs, each short leg with the opposite sign of the long option. */
class PortfolioGreeksTest {

    private static final long NOW = 1_700_000_000L;
    private static final double SPOT = 3000;
    private static final double RATE = 0.03;
    private static final long MONTH = 30L * 86_400;

    @Test
    void sumsTheShortLegsWithTheVaultsSignAndSettlesExpiredOnesAtThePayoff() {
        double years = MONTH / (365.0 * 86_400);
        VolSurface surface = SkewModel.CRYPTO_DEFAULT.surface(0.6, SPOT, years);
        MarketState m = new MarketState(NOW, SPOT, 0.5, surface, RATE, 0.5, 0.0, 0.0);
        List<ShortOption> shorts = List.of(
            new ShortOption(OptionType.CALL, 3300, NOW + MONTH, 1.5),
            new ShortOption(OptionType.CALL, 3600, NOW + MONTH, 0.5),
            new ShortOption(OptionType.PUT, 2700, NOW + MONTH, 2),
            new ShortOption(OptionType.PUT, 3100, NOW, 1));   // expires now, 100 in the money
        PortfolioGreeks g = PortfolioGreeks.of(new PortfolioState(2, 10_000, shorts, NOW), m);

        double value = 0;
        double delta = 0;
        double gamma = 0;
        double vega = 0;
        double theta = 0;
        for (ShortOption o : shorts.subList(0, 3)) {
            Greeks leg = BlackScholes.greeks(new BsOption(o.type(), SPOT, o.strike(), years,
                surface.iv(o.strike(), years), RATE, 0.0));
            value += o.size() * leg.price();
            delta += o.size() * leg.delta();
            gamma += o.size() * leg.gamma();
            vega += o.size() * leg.vega();
            theta += o.size() * leg.theta();
        }
        assertEquals(2 * SPOT + 10_000 - value - 100, g.nav(), 1e-9);
        assertEquals(2 - delta, g.delta(), 1e-12);
        assertEquals(-delta, g.optionDelta(), 1e-12);
        assertEquals(-gamma, g.gamma(), 1e-15);
        assertEquals(-vega, g.vega(), 1e-9);
        assertEquals(-theta, g.theta(), 1e-9);
        assertEquals(1.5 + 0.5, g.callCollateral(), 0.0);
        assertEquals(2 * 2700 + 3100, g.putCollateral(), 0.0);
        assertEquals((2 - delta) * SPOT / g.nav(), g.weight(SPOT), 1e-12);
    }

    @Test
    void legsAndMarketsRefuseMissingOrNonPositiveFields() {
        VolSurface surface = SkewModel.CRYPTO_DEFAULT.surface(0.6, SPOT, 0.1);
        assertEquals("strike must be a positive number, got 0.0", assertThrows(IllegalArgumentException.class,
            () -> new ShortOption(OptionType.CALL, 0, NOW, 1)).getMessage());
        assertEquals("size must be a positive number, got -1.0", assertThrows(IllegalArgumentException.class,
            () -> new ShortOption(OptionType.CALL, 1, NOW, -1)).getMessage());
        assertEquals("type is missing", assertThrows(IllegalArgumentException.class,
            () -> new ShortOption(null, 1, NOW, 1)).getMessage());
        assertEquals("spot must be a positive number, got 0.0", assertThrows(IllegalArgumentException.class,
            () -> new MarketState(NOW, 0, 0.5, surface, RATE, 0.5, 0.0, 0.0)).getMessage());
        assertEquals("forecast_vol must be a positive number, got 0.0", assertThrows(IllegalArgumentException.class,
            () -> new MarketState(NOW, SPOT, 0, surface, RATE, 0.5, 0.0, 0.0)).getMessage());
        assertEquals("surface is missing", assertThrows(IllegalArgumentException.class,
            () -> new MarketState(NOW, SPOT, 0.5, null, RATE, 0.5, 0.0, 0.0)).getMessage());
    }
}
