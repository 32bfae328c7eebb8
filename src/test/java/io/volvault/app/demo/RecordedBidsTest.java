package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.io.DeribitChainCsvTest;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.app.marketdata.MarketDataServer;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The market maker's bid on a recorded day, through the shipped server over HTTP, against the rows
 * of the shipped BTC chain file read here by plain line splitting.
 */
class RecordedBidsTest {

    /** 2026-01-05, the demo's first day in the README. */
    private static final String DAY = "2026-01-05";

    @Test
    void aListedOptionIsBidAtItsRecordedBidInUsdAndAnUnlistedOneNearIt() throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> raw = DeribitChainCsvTest.lines(DeribitChainCsvTest.BTC);
        for (String line : raw.subList(1, raw.size())) {
            if (line.startsWith(DAY)) {
                rows.add(line.split(",", -1));
            }
        }
        long snapshot = OffsetDateTime.parse(rows.get(0)[0]).toEpochSecond();
        try (MarketDataServer server = MarketDataServer.start(0)) {
            server.setClock(Instant.ofEpochSecond(snapshot + 600));
            DeribitClient client = DeribitClient.builder(server.apiUrl()).build();
            RecordedBids bids = RecordedBids.read(client, "BTC").orElseThrow();
            int checked = 0;
            int interpolated = 0;
            for (String[] f : rows) {
                if (f[8].isEmpty() || !(Double.parseDouble(f[8]) > 0)) {
                    continue;
                }
                OptionType type = f[4].equals("call") ? OptionType.CALL : OptionType.PUT;
                double strike = Double.parseDouble(f[5]);
                long expiry = OffsetDateTime.parse(f[6]).toEpochSecond();
                // column 8 is the bid in BTC, column 21 the index price in USD
                double usd = Double.parseDouble(f[8]) * Double.parseDouble(f[21]);
                assertEquals(usd, bids.bidUsd(type, strike, expiry, snapshot + 600), 1e-9 * usd, f[1]);
                checked++;
                // an out-of-the-money call a dollar over a listed strike is bid on the fitted bid side:
                // close to (within a tenth of) the listed option's bid (the fit need not pass through every bid)
                boolean otmCall = type == OptionType.CALL && strike > Double.parseDouble(f[2]) * 1.02;
                double days = (expiry - snapshot) / 86_400.0;
                if (otmCall && days > 5 && days < 40 && usd > 200) {
                    double near = bids.bidUsd(type, strike + 1, expiry, snapshot);
                    assertTrue(Math.abs(near / usd - 1) < 0.1, f[1] + ": " + near + " against " + usd);
                    interpolated++;
                }
            }
            assertTrue(checked > 100, checked + " rows with a bid");
            assertTrue(interpolated > 5, interpolated + " unlisted strikes checked");
            server.setClock(Instant.parse("2025-06-01T08:00:00Z"));
            assertTrue(RecordedBids.read(client, "BTC").isEmpty(), "a synthetic chain has no recorded bids");
        }
    }
}
