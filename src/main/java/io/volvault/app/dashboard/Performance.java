package io.volvault.app.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A vault's performance from its share price over time (assets per share, so returns are in the
 * vault's own asset, net of fees because round prices are struck after them). Pure functions.
 *
 * <p>Annualizing rule: a return is annualized, (1 + r)^(365 days / span) - 1, only when it spans at
 * least 365 days; a shorter period would extrapolate a few rounds to a year (the GIPS rule).
 */
public final class Performance {

    static final long YEAR_SECONDS = 365L * 86_400;

    /** A share price at a unix time. */
    public record Point(long time, double price) {
        public Point {
            if (!(price > 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("share price must be positive and finite, was " + price + " at " + time);
            }
        }
    }

    private Performance() {}

    /** last / first - 1 over the points (chain order); empty without two points. */
    public static OptionalDouble totalReturn(List<Point> points) {
        return points.size() < 2 ? OptionalDouble.empty()
            : OptionalDouble.of(points.get(points.size() - 1).price() / points.get(0).price() - 1);
    }

    /**
     * The return over the last {@code seconds}: the last price against the last one at or before
     * (last time - seconds). Empty when the history does not reach that far back.
     */
    public static OptionalDouble windowReturn(List<Point> points, long seconds) {
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        Point last = points.get(points.size() - 1);
        long start = last.time() - seconds;
        Point base = null;
        for (Point p : points) {
            if (p.time() <= start) {
                base = p;
            }
        }
        return base == null ? OptionalDouble.empty() : OptionalDouble.of(last.price() / base.price() - 1);
    }

    /** {@code periodReturn} compounded to a year when {@code seconds} spans at least one; else empty. */
    public static OptionalDouble annualized(double periodReturn, long seconds) {
        return seconds < YEAR_SECONDS ? OptionalDouble.empty()
            : OptionalDouble.of(Math.pow(1 + periodReturn, (double) YEAR_SECONDS / seconds) - 1);
    }

    /** At each point, how far the price is under its highest so far: 1 - price / running peak (0 at a peak). */
    public static List<Double> drawdowns(List<Point> points) {
        List<Double> out = new ArrayList<>(points.size());
        double peak = 0;
        for (Point p : points) {
            peak = Math.max(peak, p.price());
            out.add(1 - p.price() / peak);
        }
        return out;
    }

    /** The largest drawdown of the points, 0 for none or for a price that never fell. */
    public static double maxDrawdown(List<Point> points) {
        return drawdowns(points).stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Annualized realized vol of the share price: squared log returns over the time they span. */
    public static OptionalDouble realizedVol(List<Point> points) {
        return OracleRealizedVol.annualised(points.stream()
            .map(p -> new OracleRealizedVol.Observation(p.time(), p.price())).toList());
    }
}
