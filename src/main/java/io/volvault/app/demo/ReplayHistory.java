package io.volvault.app.demo;

import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.PriceBars;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The slice of shipped history a demo replays: warm-up bars (pushed to the oracle so the keeper's
 * volatility forecast has its window) followed by the traded bars. Prices are rounded to the
 * oracle's 8 decimals here, once, so that the chain and the backtest see the same numbers.
 *
 * @param asset       BTC (daily, with the DVOL index) or ETH (hourly, implied vol by the stated proxy)
 * @param bars        warm-up and traded bars, oldest first
 * @param firstTraded index of the first traded bar
 */
public record ReplayHistory(String asset, PriceBars bars, int firstTraded) {

    /** DVOL starts on 2022-11-06: a BTC replay before it would have no implied vol. */
    static final LocalDate DVOL_START = LocalDate.of(2022, 11, 6);

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
            throw new IllegalArgumentException("--days must be at least 2, was " + days);
        }
        String file = switch (asset) {
            case "BTC" -> {
                if (hourly) {
                    throw new IllegalArgumentException("--hourly: the shipped BTC history is daily; hourly replays run on --asset ETH");
                }
                if (from != null && from.isBefore(DVOL_START)) {
                    throw new IllegalArgumentException("--from " + from + " is before the DVOL history starts (" + DVOL_START
                        + "): the keeper would have no implied vol");
                }
                yield "btc_usd_daily.csv";
            }
            case "ETH" -> "eth_usd_hourly.csv";
            default -> throw new IllegalArgumentException("--asset must be BTC or ETH, was " + asset);
        };
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
            throw new IllegalArgumentException(String.format("--from %s --days %d: %s history covers %s .. %s, and the replay"
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
        return new ReplayHistory(asset, PriceBars.ofCloses(times, closes), warmupBars);
    }
}
