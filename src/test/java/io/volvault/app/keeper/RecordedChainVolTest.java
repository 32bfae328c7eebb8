package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.io.DeribitChainCsvTest;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.app.marketdata.MarketDataServer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The keeper's implied vol from the recorded chain, through the shipped server over HTTP. */
class RecordedChainVolTest {

    /**
     * On 2026-02-02 the fitted 30-day ATM vol sits between the mark IVs of the at-the-money options
     * (strike nearest the forward) of the two expiries around 30 days, read from the raw file.
     */
    @Test
    void theThirtyDayAtmVolLiesBetweenTheRecordedAtmMarkIvsAroundThirtyDays() throws IOException {
        List<String> raw = DeribitChainCsvTest.lines(DeribitChainCsvTest.BTC);
        long snapshot = 0;
        // expiry -> (|strike - forward|, mark IV) of the nearest-the-money call
        TreeMap<Long, double[]> atm = new TreeMap<>();
        for (String line : raw.subList(1, raw.size())) {
            if (!line.startsWith("2026-02-02")) {
                continue;
            }
            String[] f = line.split(",", -1);
            snapshot = OffsetDateTime.parse(f[0]).toEpochSecond();
            long expiry = OffsetDateTime.parse(f[6]).toEpochSecond();
            double distance = Math.abs(Double.parseDouble(f[5]) - Double.parseDouble(f[2]));
            double[] best = atm.get(expiry);
            if (f[4].equals("call") && (best == null || distance < best[0])) {
                atm.put(expiry, new double[] {distance, Double.parseDouble(f[14])});
            }
        }
        long thirty = snapshot + 30 * 86_400;
        double below = atm.floorEntry(thirty).getValue()[1];
        double above = atm.ceilingEntry(thirty).getValue()[1];
        try (MarketDataServer server = MarketDataServer.start(0)) {
            server.setClock(Instant.ofEpochSecond(snapshot + 600));
            ImpliedVolSource source = ImpliedVolSource.recordedChain(DeribitClient.builder(server.apiUrl()).build(), "BTC");
            double iv = source.impliedVol(snapshot + 600, 0.5);
            assertTrue(iv > Math.min(below, above) - 0.01 && iv < Math.max(below, above) + 0.01,
                iv + " against ATM mark IVs " + below + " and " + above);
            server.setClock(Instant.parse("2025-06-01T08:00:00Z"));
            String e = assertThrows(IOException.class,
                () -> source.impliedVol(Instant.parse("2025-06-01T08:00:00Z").getEpochSecond(), 0.5)).getMessage();
            assertTrue(e.contains("is not recorded: synthetic"), e);
        }
        assertEquals(30 / 365.0, ImpliedVolSource.THIRTY_DAYS_YEARS);
    }
}
