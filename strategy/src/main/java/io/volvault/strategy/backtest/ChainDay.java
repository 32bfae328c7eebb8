package io.volvault.strategy.backtest;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.OptionQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One recorded snapshot of one currency's chain: its time, the index price then (the median of its
 * rows' index prices), and every listed option (all expiring after {@code epochSeconds}).
 */
public record ChainDay(String currency, long epochSeconds, double index, List<ChainOption> options) {

    public ChainDay {
        options = List.copyOf(options);
        if (!(index > 0) || !Double.isFinite(index)) {
            throw new IllegalArgumentException("index = " + index + " must be positive and finite");
        }
        for (ChainOption o : options) {
            if (o.expiryEpochSeconds() <= epochSeconds) {
                throw new IllegalArgumentException(o.instrument() + " expires at or before its snapshot "
                    + java.time.Instant.ofEpochSecond(epochSeconds));
            }
        }
    }

    /**
     * Every option as a fitting quote (USD on the forward, years from the snapshot). A slice has one
     * forward, but the rows of one expiry were recorded over some seconds and their forwards differ
     * (by up to about 0.01%): each expiry takes the median of its rows' forwards.
     */
    public List<OptionQuote> quotes() {
        Map<Long, List<Double>> forwards = new TreeMap<>();
        for (ChainOption o : options) {
            forwards.computeIfAbsent(o.expiryEpochSeconds(), e -> new ArrayList<>()).add(o.forward());
        }
        List<OptionQuote> quotes = new ArrayList<>(options.size());
        for (ChainOption o : options) {
            quotes.add(o.quote(epochSeconds, median(forwards.get(o.expiryEpochSeconds()))));
        }
        return quotes;
    }

    /** The median of some values (the mean of the middle two for an even count). */
    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
    }

    /**
     * The listed option the vault sells for a wanted series: of the listed expiries, the one nearest
     * {@code wantedExpiry} (the earlier on a tie); of that expiry's options of {@code type}, the
     * strike nearest {@code wantedStrike} (the one further out of the money on a tie: higher for a
     * call, lower for a put; of rows with one strike, the first). Null if none of that type is listed.
     */
    public ChainOption nearest(OptionType type, long wantedExpiry, double wantedStrike) {
        long expiry = Long.MIN_VALUE;
        for (ChainOption o : options) {
            if (o.type() == type && (expiry == Long.MIN_VALUE || closer(o.expiryEpochSeconds(), expiry, wantedExpiry))) {
                expiry = o.expiryEpochSeconds();
            }
        }
        ChainOption best = null;
        for (ChainOption o : options) {
            if (o.type() != type || o.expiryEpochSeconds() != expiry) {
                continue;
            }
            if (best == null) {
                best = o;
                continue;
            }
            double d = Math.abs(o.strike() - wantedStrike);
            double bestD = Math.abs(best.strike() - wantedStrike);
            boolean furtherOut = type == OptionType.CALL ? o.strike() > best.strike() : o.strike() < best.strike();
            if (d < bestD || d == bestD && furtherOut) {
                best = o;
            }
        }
        return best;
    }

    private static boolean closer(long candidate, long current, long wanted) {
        long dc = Math.abs(candidate - wanted);
        long d = Math.abs(current - wanted);
        return dc < d || dc == d && candidate < current;
    }
}
