package io.volvault.greeks.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * An implied-volatility surface made of raw SVI slices, one per expiry.
 *
 * <p>Between expiries the surface is linear in total variance {@code w = iv^2 T} at fixed
 * log-moneyness {@code k = ln(K / F(T))}, where the forward F(T) is itself linear in T between the
 * slices' forwards. Before the first expiry and after the last, the implied volatility is held flat
 * in T at fixed k (the nearest slice's vol) and the forward is held at that slice's forward.
 *
 * <p>{@link #arbitrage()} scans every slice for butterfly arbitrage (Durrleman's g(k) < 0) and every
 * pair of neighbouring expiries for calendar arbitrage (total variance falling in T at fixed k),
 * over {@code |k| <= }{@value #SCAN_STANDARD_DEVIATIONS} ATM standard deviations
 * {@code sqrt(w(0))} of the slice (of the later slice for a pair).
 */
public final class VolSurface {

    /** Half-width of the arbitrage scan, in ATM standard deviations sqrt(w(0)) of the slice. */
    public static final double SCAN_STANDARD_DEVIATIONS = 10.0;
    private static final int SCAN_POINTS_PER_SIDE = 800;

    private final List<SviSlice> slices;

    private VolSurface(List<SviSlice> slicesByExpiry) {
        this.slices = List.copyOf(slicesByExpiry);
    }

    /**
     * Fits raw SVI to each expiry of an option chain (least squares on implied vol, equal weights,
     * see {@link SviFitter}), refusing the chain when one expiry cannot be fitted; to skip and report
     * such expiries instead, use {@link ChainFitter}. Quotes of one expiry must share their forward;
     * each expiry needs at least {@value SviFitter#MIN_QUOTES} distinct strikes.
     */
    public static VolSurface fit(List<ChainQuote> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("chain is empty: need quotes to fit a surface");
        }
        Map<Double, List<ChainQuote>> byExpiry = new TreeMap<>();
        for (ChainQuote quote : chain) {
            byExpiry.computeIfAbsent(quote.expiry(), expiry -> new ArrayList<>()).add(quote);
        }
        List<SviSlice> fitted = new ArrayList<>();
        byExpiry.forEach((expiry, quotes) -> fitted.add(SviFitter.fit(expiry, quotes)));
        return new VolSurface(fitted);
    }

    /** A surface from given slices, in any order; two slices may not share an expiry. */
    public static VolSurface of(List<SviSlice> slices) {
        if (slices == null || slices.isEmpty()) {
            throw new IllegalArgumentException("slices is empty: a surface needs at least one expiry");
        }
        List<SviSlice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble(SviSlice::expiry));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).expiry() == sorted.get(i - 1).expiry()) {
                throw new IllegalArgumentException("two slices share expiry " + sorted.get(i).expiry());
            }
        }
        return new VolSurface(sorted);
    }

    /** The slices, by increasing expiry. */
    public List<SviSlice> slices() {
        return slices;
    }

    /** The forward at {@code expiry}: linear between slices, flat outside. */
    public double forward(double expiry) {
        return blend(expiry).forward();
    }

    /** Total implied variance w(k, T) at log-moneyness {@code k = ln(K / F(T))}. */
    public double totalVariance(double logMoneyness, double expiry) {
        Blend blend = blend(expiry);
        return blend.lowerWeight() * blend.lower().params().totalVariance(logMoneyness)
            + blend.upperWeight() * blend.upper().params().totalVariance(logMoneyness);
    }

    /** Black implied volatility at a strike and an expiry (years). */
    public double iv(double strike, double expiry) {
        if (!(strike > 0.0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike = " + strike + " must be positive and finite");
        }
        double k = Math.log(strike / forward(expiry));
        return Math.sqrt(totalVariance(k, expiry) / expiry);
    }

    /** Implied volatility at the money forward (k = 0). */
    public double atmVol(double expiry) {
        return Math.sqrt(totalVariance(0.0, expiry) / expiry);
    }

    /**
     * The ATM skew {@code d iv / d k} at k = 0, per unit of log-moneyness:
     * {@code w'(0) / (2 sqrt(w(0) T))}. Negative when puts are dearer than calls. A 10% move of
     * strike (k ~ 0.1) changes the vol by about 0.1 * skew.
     */
    public double skew(double expiry) {
        Blend blend = blend(expiry);
        double slope = blend.lowerWeight() * blend.lower().params().slope(0.0)
            + blend.upperWeight() * blend.upper().params().slope(0.0);
        return slope / (2.0 * Math.sqrt(totalVariance(0.0, expiry) * expiry));
    }

    /** Every butterfly and calendar violation found by the scan described in the class comment. */
    public List<ArbitrageViolation> arbitrage() {
        List<ArbitrageViolation> found = new ArrayList<>();
        for (SviSlice slice : slices) {
            SviParams params = slice.params();
            found.addAll(scan(ArbitrageViolation.Kind.BUTTERFLY, slice.expiry(), scanHalfWidth(params),
                params::durrlemanG,
                String.format("butterfly arbitrage at T = %s: g(k) < 0", slice.expiry())));
        }
        for (int i = 1; i < slices.size(); i++) {
            SviParams earlier = slices.get(i - 1).params();
            SviParams later = slices.get(i).params();
            found.addAll(scan(ArbitrageViolation.Kind.CALENDAR, slices.get(i).expiry(), scanHalfWidth(later),
                k -> later.totalVariance(k) - earlier.totalVariance(k),
                String.format("calendar arbitrage between T = %s and T = %s: total variance falls",
                    slices.get(i - 1).expiry(), slices.get(i).expiry())));
        }
        return found;
    }

    private static double scanHalfWidth(SviParams params) {
        return SCAN_STANDARD_DEVIATIONS * Math.sqrt(params.totalVariance(0.0));
    }

    /** One violation per contiguous run of grid points where {@code value(k) < 0}, at its worst point. */
    private static List<ArbitrageViolation> scan(ArbitrageViolation.Kind kind, double expiry, double halfWidth,
                                                 DoubleUnaryOperator value, String what) {
        List<ArbitrageViolation> found = new ArrayList<>();
        double step = halfWidth / SCAN_POINTS_PER_SIDE;
        int runStart = Integer.MIN_VALUE;
        double worstK = Double.NaN;
        double worst = 0.0;
        // One point past the grid counts as clean, so that a run reaching the edge is closed too.
        for (int i = -SCAN_POINTS_PER_SIDE; i <= SCAN_POINTS_PER_SIDE + 1; i++) {
            double k = i * step;
            double v = i <= SCAN_POINTS_PER_SIDE ? value.applyAsDouble(k) : 0.0;
            if (v < 0.0) {
                if (runStart == Integer.MIN_VALUE) {
                    runStart = i;
                    worst = v;
                    worstK = k;
                } else if (v < worst) {
                    worst = v;
                    worstK = k;
                }
            } else if (runStart != Integer.MIN_VALUE) {
                found.add(new ArbitrageViolation(kind, expiry, worstK, worst, String.format(
                    "%s for k in [%.4f, %.4f] (of the scanned [%.4f, %.4f]), worst %.6g at k = %.4f",
                    what, runStart * step, (i - 1) * step, -halfWidth, halfWidth, worst, worstK)));
                runStart = Integer.MIN_VALUE;
            }
        }
        return found;
    }

    /** How a point in T mixes the slices: w(k, T) = lowerWeight w_lower(k) + upperWeight w_upper(k). */
    private record Blend(SviSlice lower, double lowerWeight, SviSlice upper, double upperWeight, double forward) {
    }

    private Blend blend(double expiry) {
        if (!(expiry > 0.0) || !Double.isFinite(expiry)) {
            throw new IllegalArgumentException("expiry = " + expiry + " must be positive and finite (years)");
        }
        SviSlice first = slices.get(0);
        SviSlice last = slices.get(slices.size() - 1);
        if (expiry <= first.expiry()) {
            return new Blend(first, expiry / first.expiry(), first, 0.0, first.forward());
        }
        if (expiry >= last.expiry()) {
            return new Blend(last, expiry / last.expiry(), last, 0.0, last.forward());
        }
        int upperIndex = 1;
        while (slices.get(upperIndex).expiry() < expiry) {
            upperIndex++;
        }
        SviSlice lower = slices.get(upperIndex - 1);
        SviSlice upper = slices.get(upperIndex);
        double upperWeight = (expiry - lower.expiry()) / (upper.expiry() - lower.expiry());
        return new Blend(lower, 1.0 - upperWeight, upper, upperWeight,
            lower.forward() + upperWeight * (upper.forward() - lower.forward()));
    }
}
