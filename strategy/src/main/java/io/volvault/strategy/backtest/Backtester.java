package io.volvault.strategy.backtest;

import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.Action;
import io.volvault.strategy.Decision;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.OptionMarks;
import io.volvault.strategy.PortfolioGreeks;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.cost.ConstantProductPool;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.MarketStates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Event-driven backtest over bars: at each bar's close it settles expired options, builds the
 * market state ({@link MarketStates#at}: spot, forecast, a {@link SkewModel} surface around the ATM implied vol), asks
 * {@link Strategy#decide} what to do, executes the actions with their costs, and marks the book.
 * Bar {@code i} sees only entries {@code <= i} of the history.
 *
 * <p>Execution ({@link Holdings}): swaps go through the constant-product pool at the bar's close;
 * options are sold at their limit premium (the surface's mark less the spread); call premium and
 * call settlement are paid in base (the covered-call vault's asset), put premium and settlement in
 * quote. Every swap and every option write pays the gas cost.
 */
public final class Backtester {

    private final MarketStates markets;

    /**
     * @param skew the smile around each expiry's ATM vol
     * @param term the ATM vol at each expiry from the 30-day level the history gives (DVOL, or the
     *     proxy standing for it)
     */
    public Backtester(SkewModel skew, TermStructure term) {
        this.markets = new MarketStates(skew, term);
    }

    /** Runs {@code config} over bars {@code [from, to)} of the history. */
    public BacktestRun run(String name, StrategyConfig config, MarketHistory h, int from, int to,
                           boolean recordDecisions) {
        if (from < h.firstTradableBar() || to > h.size() || to - from < 2) {
            throw new IllegalArgumentException("backtest bars [" + from + ", " + to + ") must lie within ["
                + h.firstTradableBar() + ", " + h.size() + ") and hold at least 2 bars");
        }
        Strategy strategy = new Strategy(config);
        ConstantProductPool pool = strategy.pool();
        double gas = config.costs().gasPerTransaction();
        double spread = config.options().premiumSpread();
        double tenorYears = config.options().tenorDays() / 365.0;
        long[] time = h.bars().epochSeconds();
        double[] close = h.bars().close();

        int n = to - from;
        double[] nav = new double[n];
        double[] intrinsicNav = new double[n];
        double[] weight = new double[n];
        double[] shortVega = new double[n];
        List<Decision> decisions = recordDecisions ? new ArrayList<>(n) : List.of();
        Holdings book = new Holdings(config.initialNav(), pool, gas);

        for (int i = from; i < to; i++) {
            double spot = close[i];
            long now = time[i];
            double forecast = h.forecastVol()[i];
            if (!(forecast > 0) || !(h.impliedVol()[i] > 0)) {
                throw new IllegalArgumentException("bar " + i + " (" + Instant.ofEpochSecond(now)
                    + "): forecast vol " + forecast + " or implied vol " + h.impliedVol()[i]
                    + " is not positive (flat prices over the whole estimator window?)");
            }
            book.settleExpired(now, spot);
            MarketState market = markets.at(h, i, book.shorts(), tenorYears);
            Decision decision = strategy.decide(book.state(), market);
            if (recordDecisions) {
                decisions.add(decision);
            }
            for (Action a : decision.actions()) {
                if (a instanceof Action.Swap swap) {
                    book.swap(swap.baseAmount(), spot, now);
                } else if (a instanceof Action.Write w) {
                    double received = w.size() * w.limitPremium();
                    book.write(new ShortOption(w.type(), w.strike(), w.expiryEpochSeconds(), w.size()), received,
                        received * spread / (1 - spread), spot);
                }
            }
            book.requireFunded("bar " + i);
            // New series expire at now + tenor, whose slice the market already has (tenorDays x 86,400 s
            // over a 365-day year is the same double as tenorDays / 365): the same surface marks them.
            PortfolioGreeks marked = PortfolioGreeks.of(book.state(), market);
            nav[i - from] = marked.nav();
            intrinsicNav[i - from] = intrinsicNav(book.base(), book.quote(), book.shorts(), spot);
            weight[i - from] = marked.weight(spot);
            shortVega[i - from] = marked.vega() / 100 / marked.nav();
        }
        return new BacktestRun(name, from, nav, intrinsicNav, weight, shortVega, book.costs(), book.premium(),
            book.traded(), decisions);
    }

    /**
     * NAV with every open option marked at its intrinsic value, max(S - K, 0) or max(K - S, 0), as
     * the vault contract's {@code totalAssets} marks a live round; the surface mark and this meet
     * at expiry.
     */
    static double intrinsicNav(double base, double quote, List<ShortOption> shorts, double spot) {
        double owed = 0;
        for (ShortOption o : shorts) {
            owed += o.size() * OptionMarks.payoff(o.type(), o.strike(), spot);
        }
        return base * spot + quote - owed;
    }
}
