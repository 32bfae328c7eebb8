package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.index.IndexedEvent;
import io.volvault.app.keeper.DecisionRecord;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.Keepers;
import io.volvault.app.keeper.VaultKind;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * A covered-call vault holding 100 WETH and no option, after 60 days of prices swinging 5 % a day
 * around 3,000 USD (about 93 % a year, above the vault's target, so calls are written to bring the
 * book's vol down: at a vol under the target the calls give way): the backtester writes a call; the chain's round, struck 1 % higher and half the
 * size, tracks it with errors of exactly +1 % and -50 %.
 */
class BacktestReplayTest {

    private static final long DAY = 86_400;
    private static final long START = 1_700_000_000L;

    private static DecisionRecord.Inputs inputs() {
        long[] times = new long[60];
        double[] closes = new double[60];
        for (int i = 0; i < 60; i++) {
            times[i] = START + i * DAY;
            closes[i] = 3000 * (i % 2 == 0 ? 1 : 1.05);
        }
        StrategyConfig config = VaultKind.COVERED_CALL.config(StrategyConfig.defaults());
        return new DecisionRecord.Inputs("classes 0xabc", config, times[59], closes[59], 0.6, List.of(),
            new PortfolioState(100, 0, List.of(), Long.MIN_VALUE), PriceBars.ofCloses(times, closes));
    }

    private static Action.Write decided(DecisionRecord.Inputs in) {
        return Keeper.decide(new Strategy(in.config()), Keepers.MARKETS, in).decision().actions()
            .stream().filter(Action.Write.class::isInstance).map(Action.Write.class::cast).findFirst().orElseThrow();
    }

    private static IndexedEvent opened(BigDecimal strikeUsd, BigDecimal size, long expiry) {
        return new IndexedEvent(9, 0, "0x9", expiry - 7 * DAY, "0xvault", "RoundOpened", Map.of("round", "4",
            "strike", strikeUsd.movePointRight(8).toBigIntegerExact().toString(),
            "size", size.movePointRight(18).toBigIntegerExact().toString(), "expiry", String.valueOf(expiry)));
    }

    @Test
    void replaysTheRecordedInputsAndMeasuresTheTrackingError() {
        DecisionRecord.Inputs in = inputs();
        String json = DecisionRecord.of(in, decided(in)).inputsJson();
        String hash = Numeric.toHexString(DecisionRecord.keccak(json));
        Action.Write w = decided(in);
        // the chain's strike 1 % above the backtester's, to the oracle's 8 decimals, half its size
        BigDecimal strike = BigDecimal.valueOf(w.strike()).multiply(new BigDecimal("1.01")).setScale(8, RoundingMode.HALF_UP);
        BigDecimal size = BigDecimal.valueOf(w.size()).divide(BigDecimal.valueOf(2)).setScale(18, RoundingMode.HALF_UP);

        BacktestReplay.Replay r = BacktestReplay.of(hash, Optional.of(json), opened(strike, size, w.expiryEpochSeconds() + 60), 18, 8);

        assertEquals("replayed", r.status());
        assertEquals(w.strike(), r.backtestStrikeUsd());
        assertEquals(0.01, r.strikeError(), 1e-10);
        assertEquals(-0.5, r.sizeError(), 1e-12);
        assertEquals(60L, r.expiryDifference());
        assertTrue(r.backtestWrite().startsWith("call "), r.backtestWrite());
        assertEquals(in.code(), r.code(), "the code version the inputs carry, for the page to compare with its own");
    }

    @Test
    void saysWhyARoundIsNotReplayed() {
        DecisionRecord.Inputs in = inputs();
        String json = DecisionRecord.of(in, decided(in)).inputsJson();
        String hash = Numeric.toHexString(DecisionRecord.keccak(json));
        assertEquals("inputs not available to this dashboard (they are kept in the keeper's journal: --journal)",
            BacktestReplay.of(hash, Optional.empty(), null, 18, 8).status());
        assertEquals("the inputs kept do not hash to the recorded " + hash + ": not replayed",
            BacktestReplay.of(hash, Optional.of(json + " "), null, 18, 8).status());
        BacktestReplay.Replay none = BacktestReplay.of(hash, Optional.of(json), null, 18, 8);
        assertEquals("no round opened on chain", none.status());
        assertNull(none.strikeError());
        assertEquals(in.code(), none.code());
        assertNull(BacktestReplay.of(hash, Optional.empty(), null, 18, 8).code(), "no inputs, no code version");
    }
}
