package io.volvault.strategy.backtest;

import static io.volvault.strategy.backtest.ChainDayTest.DAY;
import static io.volvault.strategy.backtest.ChainDayTest.E7;
import static io.volvault.strategy.backtest.ChainDayTest.NOW;
import static io.volvault.strategy.backtest.ChainDayTest.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.market.MarketHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain value types' own rules: fills by side, years, and what a chain market must line up. */
class ChainValuesTest {

    @Test
    void aMidNeedsBothSidesAndABidFillOnlyTheBid() {
        ChainOption bidOnly = option(OptionType.CALL, 105_000, E7, 100_000, 0.004, Double.NaN, 100_000);
        assertEquals(0.004, ChainFill.BID.price(bidOnly));
        assertTrue(Double.isNaN(ChainFill.MID.price(bidOnly)));
        ChainOption both = option(OptionType.CALL, 105_000, E7, 100_000, 0.004, 0.005, 100_000);
        assertEquals(0.0045, ChainFill.MID.price(both), 1e-18);
        ChainOption zeroBid = option(OptionType.CALL, 105_000, E7, 100_000, 0.0, 0.005, 100_000);
        assertTrue(Double.isNaN(ChainFill.BID.price(zeroBid)), "a zero bid is no bid");
        assertEquals((E7 - NOW) / (365.0 * DAY), both.years(NOW), 1e-15);
    }

    @Test
    void aSnapshotNeedsAPositiveIndex() {
        assertThrows(IllegalArgumentException.class, () -> new ChainDay("BTC", NOW, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ChainDay("BTC", NOW, Double.NaN, List.of()));
    }

    @Test
    void aChainMarketRefusesBarsThatAreNotItsSnapshots() {
        long[] t = {NOW, NOW + DAY};
        double[] close = {100_000, 101_000};
        double[] vol = {0.5, 0.5};
        MarketHistory h = new MarketHistory(PriceBars.ofCloses(t, close), 365, vol, vol, new boolean[2], new double[2],
            new double[2], new double[2], 0);
        VolSurface s = SkewModel.CRYPTO_DEFAULT.surface(0.5, 100_000, 7 / 365.0);
        ChainDay d0 = new ChainDay("BTC", NOW, 100_000, List.of());
        assertEquals(2, new ChainMarket(h, List.of(d0, new ChainDay("BTC", NOW + DAY, 101_000, List.of())),
            List.of(s, s)).days().size());
        assertThrows(IllegalArgumentException.class, () -> new ChainMarket(h, List.of(d0), List.of(s, s)));
        assertThrows(IllegalArgumentException.class, () -> new ChainMarket(h,
            List.of(d0, new ChainDay("BTC", NOW + DAY, 101_000, List.of())), List.of(s)));
        String e = assertThrows(IllegalArgumentException.class, () -> new ChainMarket(h,
            List.of(d0, new ChainDay("BTC", NOW + DAY, 101_001, List.of())), List.of(s, s))).getMessage();
        assertTrue(e.contains("is not snapshot 1"), e);
        assertThrows(IllegalArgumentException.class, () -> new ChainMarket(h,
            List.of(d0, new ChainDay("BTC", NOW + 2 * DAY, 101_000, List.of())), List.of(s, s)));
    }
}
