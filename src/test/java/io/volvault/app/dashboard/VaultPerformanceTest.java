package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A WETH vault valued in USD by hand: closes at 1 WETH/share with WETH at 3,000 USD (3,000 USD a
 * share) and 1.02 WETH/share at 2,900 USD (2,958 USD), now 1.03 WETH/share at 3,100 USD (3,193 USD).
 */
class VaultPerformanceTest {

    private static final long DAY = 86_400;

    private static RoundHistory.Round close(long round, long time, String price, String premiumWei) {
        return new RoundHistory.Round(round, null, Instant.ofEpochSecond(time).toString(), null, null, null, null, null,
            Amount.of(new BigInteger(premiumWei), 18, "WETH"), null, null, null, null, new BigDecimal(price), null, null, null);
    }

    private static IndexedEvent answer(long time, String usd) {
        return new IndexedEvent(time, 0, "0x", time, "0xoracle", "AnswerUpdated",
            Map.of("current", usd + "00000000", "roundId", "1", "updatedAt", String.valueOf(time)));
    }

    @Test
    void valuesEachCloseAtTheOraclePriceThenAndCountsEveryRound() {
        List<RoundHistory.Round> rounds = List.of(close(1, DAY, "1", "0"), close(2, 8 * DAY, "1.02", "60000000000000000"));
        List<IndexedEvent> oracle = List.of(answer(DAY - 10, "3000"), answer(8 * DAY - 10, "2900"), answer(8 * DAY + 10, "5000"));
        Amount fees = Amount.of(BigInteger.valueOf(3), 18, "WETH");

        VaultView.Returns r = VaultPerformance.of(rounds, oracle, true, 8, new BigDecimal("1.03"), 9 * DAY,
            new BigDecimal("3100"), 0.4, 18, fees);

        assertEquals(3, r.chart().size());
        assertEquals(3000, r.chart().get(0).valueUsd(), 1e-9);
        assertEquals(2958, r.chart().get(1).valueUsd(), 1e-9);    // 1.02 x 2,900: the answer after the close is not used
        assertEquals(3193, r.chart().get(2).valueUsd(), 1e-9);    // 1.03 x 3,100
        assertEquals(193 / 3000.0, r.sinceInception(), 1e-12);    // 3,193 / 3,000 - 1
        assertEquals(0.014, r.maxDrawdown(), 1e-12);              // 1 - 2,958 / 3,000
        assertEquals(0.014, r.chart().get(1).drawdown(), 1e-12);
        assertEquals(8, r.days(), 1e-12);
        assertNull(r.annualized(), "8 days are not annualized");
        assertNull(r.last30Days());
        assertEquals("0.06 WETH", r.premium().toString());
        assertEquals(fees, r.fees());
        assertEquals(0.4, r.targetVol());
    }

    @Test
    void aQuoteAssetVaultIsWorthItsSharePriceInUsd() {
        List<RoundHistory.Round> rounds = List.of(close(1, DAY, "1", "0"), close(2, 8 * DAY, "0.95", "0"));
        VaultView.Returns r = VaultPerformance.of(rounds, List.of(answer(0, "3000")), false, 8, new BigDecimal("0.95"),
            8 * DAY, BigDecimal.ONE, 0.4, 6, Amount.of(BigInteger.ZERO, 6, "USDC"));
        assertEquals(2, r.chart().size(), "now adds no point at the last close's time");
        assertEquals(-0.05, r.sinceInception(), 1e-12);
        assertEquals(0.05, r.maxDrawdown(), 1e-12);
    }
}
