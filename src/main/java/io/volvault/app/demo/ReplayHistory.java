package io.volvault.app.demo;

import io.volvault.app.UserInputException;
import io.volvault.app.io.DeribitChainCsv;
import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.backtest.ChainDay;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * The slice of shipped history a demo replays: warm-up bars (pushed to the oracle so the keeper's
 * volatility forecast has its window) followed by the traded bars. Prices are rounded to the
 * oracle's 8 decimals here, once, so that the chain and the backtest see the same numbers.
 *
 * @param asset       BTC (daily, with the DVOL index) or ETH (hourly, implied vol by the stated proxy)
 * @param bars        warm-up and traded bars, oldest first
 * @param firstTraded index of the first traded bar
 * @param recordedChains true when the bars are the recorded chains' snapshots (BTC from 2025-12-30)
 */
public record ReplayHistory(String asset, PriceBars bars, int firstTraded, boolean recordedChains) {

    /** DVOL starts on 2022-11-06: a BTC replay before it would have no implied vol. */
    static final LocalDate DVOL_START = LocalDate.of(2022, 11, 6);
    /** The recorded BTC chain file; a BTC replay from its first day on runs on its snapshots. */
    static final String BTC_CHAINS = "options/deribit_btc_options_daily_2025-12-30_to_2026-06-30.csv.gz";
    static final LocalDate CHAINS_START = LocalDate.of(2025, 12, 30);

    public int size() {
        return bars.size();
    }

    public int tradedBars() {
        return size() - firstTraded;
    }

    public long time(int i) {
        return bars.epochSeconds()[i];
    }

    public double close(int i) {
        return bars.close()[i];
    }

    public boolean hourly() {
        return asset.equals("ETH");
    }

    public long barSeconds() {
        return hourly() ? 3_600 : 86_400;
    }

    public double periodsPerYear() {
        return hourly() ? 8_760 : 365;
    }

    /**
     * Selects {@code days} of history from the shipped data, starting at {@code from} or, without
     * it, ending at the last bar; {@code warmupBars} more bars before it feed the forecast.
     */
    public static ReplayHistory select(Path dataDir, String asset, boolean hourly, int days, LocalDate from, int warmupBars)
            throws IOException {
        if (days < 2) {
            throw new UserInputException("--days must be at least 2, was " + days);
        }
        String file = switch (asset) {
            case "BTC" -> {
                if (hourly) {
                    throw new UserInputException("--hourly: the shipped BTC history is daily; hourly replays run on --asset ETH");
                }
                if (from != null && from.isBefore(DVOL_START)) {
                    throw new UserInputException("--from " + from + " is before the DVOL history starts (" + DVOL_START
                        + "): the keeper would have no implied vol");
                }
                yield "btc_usd_daily.csv";
            }
            case "ETH" -> "eth_usd_hourly.csv";
            default -> throw new UserInputException("--asset must be BTC or ETH, was " + asset);
        };
        if (asset.equals("BTC") && from != null && !from.isBefore(CHAINS_START)) {
            return recorded(dataDir, days, from, warmupBars);
        }
        PriceBars all = PriceBarsCsv.read(dataDir.resolve(file));
        long[] t = all.epochSeconds();
        int traded = days * (asset.equals("ETH") ? 24 : 1);
        int start;
        if (from == null) {
            start = t.length - traded;
        } else {
            long fromEpoch = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            start = Arrays.binarySearch(t, fromEpoch);
            if (start < 0) {
                start = -start - 1;
            }
        }
        if (start - warmupBars < 0 || start + traded > t.length) {
            throw new UserInputException(String.format("--from %s --days %d: %s history covers %s .. %s, and the replay"
                    + " needs %d warm-up bars before its start", from == null ? "(latest)" : from, days, asset,
                Instant.ofEpochSecond(t[0]), Instant.ofEpochSecond(t[t.length - 1]), warmupBars));
        }
        int first = start - warmupBars;
        int n = warmupBars + traded;
        long[] times = Arrays.copyOfRange(t, first, first + n);
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = BigDecimal.valueOf(all.close()[first + i]).setScale(8, RoundingMode.HALF_UP).doubleValue();
        }
        return new ReplayHistory(asset, PriceBars.ofCloses(times, closes), warmupBars, false);
    }

    /**
     * A BTC replay on the recorded chains: one bar per snapshot, at the snapshot's time, closing at
     * its index (the median of its rows' index prices). The warm-up is the snapshots before
     * {@code from}, at most {@code warmupBars} of them: the recorded days start on
     * 2025-12-30 and the daily price file ends on 2025-11-09, so a replay from early
     * January has only a few days to warm up on (the caller shortens the forecast window to fit).
     */
    static ReplayHistory recorded(Path dataDir, int days, LocalDate from, int warmupBars) throws IOException {
        List<ChainDay> snapshots = DeribitChainCsv.read(List.of(dataDir.resolve(BTC_CHAINS)), "BTC");
        long fromEpoch = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int start = 0;
        while (start < snapshots.size() && snapshots.get(start).epochSeconds() < fromEpoch) {
            start++;
        }
        int warmup = Math.min(warmupBars, start);
        if (start + days > snapshots.size() || warmup < 3) {
            throw new UserInputException(String.format("--from %s --days %d: the recorded BTC chains cover %s .. %s"
                    + " (%d snapshots) and the replay needs at least 3 of them before its start to warm up on", from, days,
                Instant.ofEpochSecond(snapshots.get(0).epochSeconds()),
                Instant.ofEpochSecond(snapshots.get(snapshots.size() - 1).epochSeconds()), snapshots.size()));
        }
        int first = start - warmup;
        int n = warmup + days;
        long[] times = new long[n];
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            ChainDay d = snapshots.get(first + i);
            times[i] = d.epochSeconds();
            closes[i] = BigDecimal.valueOf(d.index()).setScale(8, RoundingMode.HALF_UP).doubleValue();
        }
        return new ReplayHistory("BTC", PriceBars.ofCloses(times, closes), warmup, true);
    }
}
