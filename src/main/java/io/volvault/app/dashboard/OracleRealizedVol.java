package io.volvault.app.dashboard;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Realized volatility of the oracle's price, annualised, from updates at uneven times: the sum of
 * squared log returns over the time they span (a 365-day year), the estimator that stays unbiased
 * when the gaps between prices differ.
 */
final class OracleRealizedVol {

    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    /** One oracle answer: USD price and its unix time. */
    record Observation(long time, double price) {}

    private OracleRealizedVol() {}

    /** The realized vol over the observations (chain order); empty without two prices at distinct times. */
    static OptionalDouble annualised(List<Observation> observations) {
        double sumSquares = 0;
        long seconds = 0;
        for (int i = 1; i < observations.size(); i++) {
            Observation previous = observations.get(i - 1);
            Observation current = observations.get(i);
            double r = Math.log(current.price() / previous.price());
            sumSquares += r * r;
            seconds += current.time() - previous.time();
        }
        return seconds > 0 ? OptionalDouble.of(Math.sqrt(sumSquares / (seconds / SECONDS_PER_YEAR))) : OptionalDouble.empty();
    }
}
