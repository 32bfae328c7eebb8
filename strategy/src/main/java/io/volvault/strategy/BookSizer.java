package io.volvault.strategy;

import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.sizing.BookRisk;

/**
 * Sizes spot and the new options together for one decision. For a target book delta E (quote):
 * the new puts carry {@code put_delta_share x E} of delta, as far as the free cash secures them; spot
 * carries the rest of E net of the open options' delta and of the new calls (written on
 * {@code call_fraction} of the base, or on less when the cash cannot buy the base that E needs under
 * them); the new options are then scaled by the largest k in [0, 1] that keeps the vega and gamma
 * caps. Volatility targeting finds E by bisection so that the book's forecast volatility equals the
 * target: the book's variance only grows with E. Where even the largest book the cash holds (all of
 * it in spot, up to {@code max_leverage}) forecasts less than the target, that book is the plan and
 * says so ({@link Plan#outOfReach}).
 */
final class BookSizer {

    private static final int BISECTIONS = 60;

    /**
     * The positions for one E.
     *
     * @param base base to hold after the trade
     * @param calls new calls to write
     * @param puts new puts to write
     * @param dollarDelta the whole book's delta x spot
     * @param variance the book's forecast annual variance (quote^2)
     * @param capScale the k the caps allowed (1: no cap bound)
     * @param bindingCap "vega" or "gamma" when k is below 1, else empty
     * @param outOfReach true when this is the largest book the caps and the cash allow and it
     *     forecasts less than the target vol
     */
    record Plan(double base, double calls, double puts, double dollarDelta, double variance, double capScale,
                String bindingCap, boolean outOfReach) {
        Plan bound(String cap) {
            return new Plan(base, calls, puts, dollarDelta, variance, capScale, cap, outOfReach);
        }

        Plan unreachable() {
            return new Plan(base, calls, puts, dollarDelta, variance, capScale, bindingCap, true);
        }
    }

    private final StrategyConfig config;
    private final PortfolioGreeks book;
    private final Strategy.Series call;
    private final Strategy.Series put;
    private final double spot;
    private final double nav;
    private final double sqrtTenor;
    private final double sizeScale;
    private final double wealth;
    private final BookRisk risk;
    private final double gammaLimit;
    private final double vegaLimit;

    /**
     * @param call the new call series, null when no call round
     * @param put the new put series, null when no put round
     * @param sizeScale the VRP rule's scale on new option sizes
     * @param gasReserve quote kept back for gas
     */
    BookSizer(StrategyConfig config, PortfolioState p, PortfolioGreeks book, MarketState m, Strategy.Series call,
              Strategy.Series put, double tenorYears, double sizeScale, double gasReserve) {
        this.config = config;
        this.book = book;
        this.call = call;
        this.put = put;
        this.spot = m.spot();
        this.nav = book.nav();
        this.sqrtTenor = BookRisk.horizon(tenorYears, m.dailyExcessKurtosis());
        this.sizeScale = sizeScale;
        // What spot and the new puts' collateral may use: all holdings but gas and the quote open
        // puts lock (none in a put round: new puts are written only when none is open).
        this.wealth = p.base() * spot + p.quote() - book.putCollateral() - gasReserve;
        this.risk = new BookRisk(m.forecastVol(), m.ivVol(), m.spotIvCorrelation());
        double targetRisk = config.sizing().targetVol() * nav;
        this.gammaLimit = config.risk().maxGammaShare() * targetRisk;
        this.vegaLimit = config.risk().maxVegaShare() * targetRisk;
    }

    /**
     * The book for the sizing rule's delta {@code exposure} (quote), or, when it is NaN, the book
     * whose forecast vol is the target (E in [0, max_leverage x NAV]).
     */
    Plan plan(double exposure) {
        if (!Double.isNaN(exposure)) {
            return capped(exposure);
        }
        double targetVariance = Math.pow(config.sizing().targetVol() * nav, 2);
        double hi = config.sizing().maxLeverage() * nav;
        Plan top = capped(hi);
        if (top.variance() < targetVariance) {
            return top.unreachable();
        }
        double lo = 0;
        Plan bottom = capped(0);
        if (bottom.variance() >= targetVariance) {
            return bottom;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = 0.5 * (lo + hi);
            if (capped(mid).variance() > targetVariance) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return capped(lo);
    }

    /** The positions for {@code exposure} with the new options at the largest k the caps allow. */
    Plan capped(double exposure) {
        Plan full = at(exposure, 1);
        if (withinCaps(full)) {
            return full;
        }
        String binding = gammaRisk(full) > gammaLimit ? "gamma" : "vega";
        Plan none = at(exposure, 0);
        if (!withinCaps(none)) {
            return none.bound(binding);
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = 0.5 * (lo + hi);
            if (withinCaps(at(exposure, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return at(exposure, lo).bound(binding);
    }

    private boolean withinCaps(Plan plan) {
        return gammaRisk(plan) <= gammaLimit && vegaRisk(plan) <= vegaLimit;
    }

    double gammaRisk(Plan plan) {
        return risk.gammaVol(horizonGamma(plan));
    }

    double vegaRisk(Plan plan) {
        return risk.vegaVol(vega(plan));
    }

    /**
     * The positions for delta {@code exposure} with the new options scaled by {@code k}. With c the
     * calls, p the puts, b the base and d the open options' delta: b S = E - d S + c dc S - p dp S
     * and c = f b, so b S (1 - f dc) = E - d S - p dp S. The puts need p K of cash beside b S, so
     * p (K - dp S / (1 - f dc)) <= wealth - (E - d S) / (1 - f dc) bounds them. When (E - d S) / (1 - f dc)
     * is more than the wealth (no puts then), the base is what the wealth buys and the calls shrink to
     * c = (wealth - (E - d S)) / (dc S), down to none: the vol target comes before the call premium.
     */
    Plan at(double exposure, double k) {
        double callDelta = call == null ? 0 : call.greeks().delta();
        double putDelta = put == null ? 0 : -put.greeks().delta();
        double callFraction = call == null ? 0 : config.options().callFraction() * sizeScale * k;
        double denominator = 1 - callFraction * callDelta;
        boolean buyAndHold = config.sizing().rule() == SizingRule.BUY_AND_HOLD;
        double beyondOpen = buyAndHold ? exposure : exposure - book.optionDelta() * spot;
        double puts = 0;
        if (put != null && exposure > 0) {
            puts = config.options().putDeltaShare() * sizeScale * k * exposure / (putDelta * spot);
            double cashPerPut = put.strike() - putDelta * spot / denominator;
            if (cashPerPut > 0) {
                puts = Math.min(puts, Math.max(0, (wealth - beyondOpen / denominator) / cashPerPut));
            }
        }
        double base = buyAndHold
            ? exposure / spot
            : Math.max(book.callCollateral(), (beyondOpen - puts * putDelta * spot) / denominator / spot);
        double calls = callFraction * base;
        if (!buyAndHold && base * spot > wealth) {
            base = Math.max(book.callCollateral(), wealth / spot);
            calls = callDelta > 0 ? Math.max(0, Math.min(calls, (base * spot - beyondOpen) / (callDelta * spot))) : 0;
        }
        double dollarDelta = (base + book.optionDelta() - calls * callDelta + puts * putDelta) * spot;
        Plan sized = new Plan(base, calls, puts, dollarDelta, 0, k, "", false);
        double variance = risk.variance(dollarDelta, vega(sized), horizonGamma(sized));
        return new Plan(base, calls, puts, dollarDelta, variance, k, "", false);
    }

    private double vega(Plan plan) {
        return book.vega() - plan.calls() * vega(call) - plan.puts() * vega(put);
    }

    private double horizonGamma(Plan plan) {
        double perOption = plan.calls() * gamma(call) + plan.puts() * gamma(put);
        return book.horizonGamma() - perOption * spot * spot * sqrtTenor;
    }

    private static double gamma(Strategy.Series s) {
        return s == null ? 0 : s.greeks().gamma();
    }

    private static double vega(Strategy.Series s) {
        return s == null ? 0 : s.greeks().vega();
    }
}
