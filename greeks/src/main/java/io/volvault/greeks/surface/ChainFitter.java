package io.volvault.greeks.surface;

import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.OptionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits raw SVI to every expiry of a listed option chain, one slice at a time: a slice that cannot
 * be fitted is reported with its reason and skipped, never the whole chain.
 *
 * <p>Per expiry and strike the fit uses one option, the out-of-the-money one (the put below the
 * forward, the call at or above it; the other when the out-of-the-money one has no usable quote),
 * at its mid implied vol: the Black-76 (r = 0) implied vols of the bid and the ask are averaged
 * when both invert. An option with a one-sided or non-invertible book falls back to the exchange's
 * mark IV (or, without one, to the implied vol of the mark price). Points are weighted by the
 * inverse of their bid/ask width in vol (see {@link #weights}), so the fit follows the tight quotes
 * near the money more than the wide wings; the RMS errors reported are unweighted. A crossed book (bid above ask) is
 * dropped. Each quote's IV is taken on its own forward; the slice's forward is the median of them,
 * which must agree within {@value #FORWARD_TOLERANCE} (relative).
 */
public final class ChainFitter {

    /**
     * How far apart the quotes of one expiry may put its forward, relative: recorded chains stamp
     * each instrument with the forward of its own ticker, up to 0.27% apart within one expiry of a Deribit snapshot (median 5e-6).
     */
    static final double FORWARD_TOLERANCE = 1e-2;
    /** Floor of the bid/ask width in vol used for weights: half a vol point. */
    static final double MIN_SPREAD = 0.005;

    private ChainFitter() {
    }

    /** Fits every expiry of a chain of listed options; see the class comment for which quotes are used. */
    public static ChainFit fit(List<OptionQuote> quotes) {
        if (quotes == null || quotes.isEmpty()) {
            throw new IllegalArgumentException("quotes is empty: need a chain to fit");
        }
        Map<Double, List<OptionQuote>> byExpiry = new TreeMap<>();
        for (OptionQuote quote : quotes) {
            byExpiry.computeIfAbsent(quote.expiryYears(), expiry -> new ArrayList<>()).add(quote);
        }
        List<SliceFit> fits = new ArrayList<>();
        byExpiry.forEach((expiry, ofExpiry) -> fits.add(fitSlice(expiry, ofExpiry)));
        return assemble(fits);
    }

    /** Fits every expiry of a chain given as implied vols (one per strike), skipping and reporting slices that do not fit. */
    public static ChainFit fitIvs(List<ChainQuote> quotes) {
        if (quotes == null || quotes.isEmpty()) {
            throw new IllegalArgumentException("quotes is empty: need a chain to fit");
        }
        Map<Double, List<ChainQuote>> byExpiry = new TreeMap<>();
        for (ChainQuote quote : quotes) {
            byExpiry.computeIfAbsent(quote.expiry(), expiry -> new ArrayList<>()).add(quote);
        }
        List<SliceFit> fits = new ArrayList<>();
        byExpiry.forEach((expiry, ofExpiry) -> {
            List<Point> points = ofExpiry.stream()
                .map(q -> new Point(q.strike(), q.iv(), Double.NaN, Double.NaN)).toList();
            fits.add(fitPoints(expiry, ofExpiry.stream().mapToDouble(ChainQuote::forward).toArray(), points, 0));
        });
        return assemble(fits);
    }

    private static ChainFit assemble(List<SliceFit> fits) {
        List<SviSlice> fitted = fits.stream().filter(SliceFit::fitted).map(SliceFit::slice).toList();
        return new ChainFit(fitted.isEmpty() ? null : VolSurface.of(fitted), fits);
    }

    /**
     * One strike's target implied vol, the width of its bid/ask in vol (NaN when not both sides
     * invert), and the exchange's mark IV there (NaN when absent).
     */
    record Point(double strike, double iv, double spread, double markIv) {
    }

    /** The points one expiry's quotes give (one per strike), and how many crossed quotes were dropped. */
    record Usable(List<Point> points, int crossed) {
    }

    private static SliceFit fitSlice(double expiry, List<OptionQuote> quotes) {
        Usable usable = usable(quotes);
        return fitPoints(expiry, quotes.stream().mapToDouble(OptionQuote::forward).toArray(), usable.points(),
            usable.crossed());
    }

    /** One point per strike: the out-of-the-money option's target IV, else the other option's; crossed books dropped. */
    static Usable usable(List<OptionQuote> quotes) {
        Map<Double, List<OptionQuote>> byStrike = new TreeMap<>();
        for (OptionQuote quote : quotes) {
            byStrike.computeIfAbsent(quote.strike(), strike -> new ArrayList<>()).add(quote);
        }
        List<Point> points = new ArrayList<>();
        int crossed = 0;
        for (List<OptionQuote> ofStrike : byStrike.values()) {
            for (OptionQuote quote : outOfTheMoneyFirst(ofStrike)) {
                if (quote.bid() > quote.ask()) {
                    crossed++;
                    continue;
                }
                Point point = point(quote);
                if (point != null) {
                    points.add(point);
                    break;
                }
            }
        }
        return new Usable(points, crossed);
    }

    private static List<OptionQuote> outOfTheMoneyFirst(List<OptionQuote> ofStrike) {
        OptionType outOfTheMoney = ofStrike.get(0).strike() < ofStrike.get(0).forward() ? OptionType.PUT : OptionType.CALL;
        List<OptionQuote> ordered = new ArrayList<>(ofStrike.stream().filter(q -> q.type() == outOfTheMoney).toList());
        ordered.addAll(ofStrike.stream().filter(q -> q.type() != outOfTheMoney).toList());
        return ordered;
    }

    /**
     * The point of one quote: the mid of the bid and ask IVs when both invert, else the mark IV,
     * else the mark price's IV; null when none.
     */
    static Point point(OptionQuote quote) {
        double markIv = quote.markIv() > 0.0 ? quote.markIv() : Double.NaN;
        double bidIv = impliedVol(quote, quote.bid());
        double askIv = impliedVol(quote, quote.ask());
        if (bidIv > 0.0 && askIv > 0.0) {
            return new Point(quote.strike(), 0.5 * (bidIv + askIv), askIv - bidIv, markIv);
        }
        double iv = markIv > 0.0 ? markIv : impliedVol(quote, quote.mark());
        return iv > 0.0 ? new Point(quote.strike(), iv, Double.NaN, markIv) : null;
    }

    private static double impliedVol(OptionQuote quote, double price) {
        if (!(price > 0.0)) {
            return Double.NaN;
        }
        try {
            return ImpliedVol.black76(quote.type(), price, quote.forward(), quote.strike(), quote.expiryYears(), 0.0);
        } catch (IllegalArgumentException outsideBounds) {
            return Double.NaN;
        }
    }

    private static SliceFit fitPoints(double expiry, double[] forwards, List<Point> points, int crossed) {
        double[] sorted = forwards.clone();
        Arrays.sort(sorted);
        double forward = sorted[sorted.length / 2];
        if (sorted[sorted.length - 1] - sorted[0] > FORWARD_TOLERANCE * forward) {
            return failed(expiry, points.size(), "quotes disagree on the forward (" + sorted[0] + " to "
                + sorted[sorted.length - 1] + ", more than " + FORWARD_TOLERANCE + " of it apart); one expiry has one forward");
        }
        long strikes = points.stream().mapToDouble(Point::strike).distinct().count();
        if (strikes < SviFitter.MIN_QUOTES) {
            return failed(expiry, points.size(), strikes + " strikes with a usable quote"
                + (crossed > 0 ? " (" + crossed + " crossed quotes dropped)" : "")
                + ": raw SVI has 5 parameters and needs at least " + SviFitter.MIN_QUOTES);
        }
        double[] k = points.stream().mapToDouble(p -> Math.log(p.strike() / forward)).toArray();
        double[] iv = points.stream().mapToDouble(Point::iv).toArray();
        SviSlice slice;
        try {
            slice = SviFitter.fit(expiry, forward, k, iv, weights(points));
        } catch (IllegalArgumentException unfit) {
            return failed(expiry, points.size(), unfit.getMessage());
        }
        double squared = 0.0;
        double squaredVsMark = 0.0;
        int marks = 0;
        for (Point point : points) {
            double model = slice.iv(point.strike());
            squared += (model - point.iv()) * (model - point.iv());
            if (point.markIv() > 0.0) {
                squaredVsMark += (model - point.markIv()) * (model - point.markIv());
                marks++;
            }
        }
        return new SliceFit(expiry, slice, points.size(), Math.sqrt(squared / points.size()),
            marks > 0 ? Math.sqrt(squaredVsMark / marks) : Double.NaN, null);
    }

    /**
     * Each point's weight in the fit: 1 / its bid/ask width in vol, the width floored at
     * {@value #MIN_SPREAD} so that no single tight quote dominates; a point without a two-sided
     * book counts as wide as the widest quoted one; all equal when none is quoted.
     */
    static double[] weights(List<Point> points) {
        double widest = points.stream().mapToDouble(Point::spread).filter(spread -> spread >= 0.0).max().orElse(1.0);
        return points.stream()
            .mapToDouble(p -> 1.0 / Math.max(p.spread() >= 0.0 ? p.spread() : widest, MIN_SPREAD)).toArray();
    }

    private static SliceFit failed(double expiry, int points, String reason) {
        return new SliceFit(expiry, null, points, Double.NaN, Double.NaN, "expiry " + expiry + ": " + reason);
    }
}
