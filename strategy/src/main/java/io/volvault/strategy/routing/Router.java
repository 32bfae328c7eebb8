package io.volvault.strategy.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits one exact-in order over venues for the most output after gas. Every venue's output is concave
 * in its input, so for a fixed set of venues, handing out the order in equal steps, each to the venue
 * whose next step pays most, is optimal for that step size (the greedy rule for separable concave
 * allocation). Gas is a fixed cost per venue used, which is not concave: every non-empty set of venues
 * is tried and the best net output wins.
 */
public final class Router {

    /** One venue's part of a route. */
    public record Leg(int venue, double amountIn, double amountOut) {}

    /**
     * A route: its legs (venues with a positive input, in the venues' order), the output before gas
     * and after it.
     */
    public record Route(List<Leg> legs, double amountOut, double netOut) {}

    /** At most this many venues: every subset is tried. */
    public static final int MAX_VENUES = 10;

    private Router() {}

    /**
     * The route for {@code amountIn} over {@code venues}, the order cut into {@code steps} equal parts.
     * Ties go to the earlier venue: a step to the first of equally paying venues, a route to the first
     * of equally netting sets.
     */
    public static Route best(List<Venue> venues, double amountIn, int steps) {
        if (venues.isEmpty() || venues.size() > MAX_VENUES) {
            throw new IllegalArgumentException("venues must number 1.." + MAX_VENUES + ", were " + venues.size());
        }
        if (!(amountIn > 0)) {
            throw new IllegalArgumentException("amountIn must be positive, was " + amountIn);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, was " + steps);
        }
        Route best = null;
        for (int set = 1; set < 1 << venues.size(); set++) {
            Route r = split(venues, set, amountIn, steps);
            if (r != null && (best == null || r.netOut() > best.netOut())) {
                best = r;
            }
        }
        return best;
    }

    /** The greedy split over the venues in bit set {@code set}, or null when one of them gets nothing. */
    private static Route split(List<Venue> venues, int set, double amountIn, int steps) {
        double step = amountIn / steps;
        int[] members = IntStream.range(0, venues.size()).filter(i -> (set & 1 << i) != 0).toArray();
        int[] parts = new int[venues.size()];
        for (int s = 0; s < steps; s++) {
            int pick = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i : members) {
                VenueCurve c = venues.get(i).curve();
                double gain = c.amountOut((parts[i] + 1) * step) - c.amountOut(parts[i] * step);
                if (gain > bestGain) {
                    bestGain = gain;
                    pick = i;
                }
            }
            parts[pick]++;
        }
        List<Leg> legs = new ArrayList<>();
        double out = 0;
        double gas = 0;
        for (int i : members) {
            if (parts[i] == 0) {
                return null;
            }
            double in = parts[i] * step;
            double o = venues.get(i).curve().amountOut(in);
            legs.add(new Leg(i, in, o));
            out += o;
            gas += venues.get(i).gasCostOut();
        }
        return new Route(List.copyOf(legs), out, out - gas);
    }
}
