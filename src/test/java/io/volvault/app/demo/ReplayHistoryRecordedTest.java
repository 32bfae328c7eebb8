package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.io.DeribitChainCsvTest;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A BTC demo replay on the recorded chains: bars from the snapshots' index, and the warm-up they allow. */
class ReplayHistoryRecordedTest {

    private static final Path DATA = DeribitChainCsvTest.ROOT.resolve("src/data");

    @Test
    void barsAreTheSnapshotsMedianIndexAndTheWarmUpIsTheSnapshotsBefore() throws IOException {
        TreeMap<Long, List<Double>> indexes = new TreeMap<>();
        List<String> raw = DeribitChainCsvTest.lines(DeribitChainCsvTest.BTC);
        for (String line : raw.subList(1, raw.size())) {
            String[] f = line.split(",", -1);
            indexes.computeIfAbsent(OffsetDateTime.parse(f[0]).toEpochSecond(), k -> new ArrayList<>())
                .add(Double.parseDouble(f[21]));
        }
        ReplayHistory h = ReplayHistory.select(DATA, "BTC", false, 10, LocalDate.of(2026, 1, 5), 40);
        assertTrue(h.recordedChains());
        assertEquals(6, h.firstTraded(), "2025-12-30 .. 2026-01-04");
        assertEquals(16, h.size());
        PriceBars bars = h.bars();
        int i = 0;
        for (Map.Entry<Long, List<Double>> e : indexes.entrySet()) {
            if (i == bars.size()) {
                break;
            }
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            assertEquals(e.getKey(), bars.epochSeconds()[i]);
            assertEquals(BigDecimal.valueOf(median).setScale(8, RoundingMode.HALF_UP).doubleValue(), bars.close()[i]);
            i++;
        }
        assertEquals("2026-01-05", java.time.Instant.ofEpochSecond(bars.epochSeconds()[6]).toString().substring(0, 10));
    }

    @Test
    void tooLittleWarmUpOrTooManyDaysIsRefused() {
        String early = assertThrows(IllegalArgumentException.class,
            () -> ReplayHistory.select(DATA, "BTC", false, 10, LocalDate.of(2025, 12, 31), 40)).getMessage();
        assertTrue(early.contains("needs at least 3 of them before its start"), early);
        assertThrows(IllegalArgumentException.class,
            () -> ReplayHistory.select(DATA, "BTC", false, 200, LocalDate.of(2026, 1, 5), 40));
    }

    @Test
    void theForecastWindowShrinksToHalfTheWarmUpOnlyWhenItMust() throws IOException {
        StrategyConfig defaults = StrategyConfig.defaults();
        assertEquals(20, defaults.forecast().windowDays());
        ReplayHistory shortWarmUp = ReplayHistory.select(DATA, "BTC", false, 10, LocalDate.of(2026, 1, 5), 40);
        assertEquals(3, DemoRun.warmedUp(defaults, shortWarmUp).forecast().windowDays());
        ReplayHistory enough = ReplayHistory.select(DATA, "BTC", false, 10, LocalDate.of(2026, 3, 1), 40);
        assertEquals(40, enough.firstTraded());
        assertSame(defaults, DemoRun.warmedUp(defaults, enough));
    }
}
