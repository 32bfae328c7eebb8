package io.volvault.strategy.backtest;

import io.volvault.greeks.OptionType;
import io.volvault.strategy.Action;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.OptionMarks;
import io.volvault.strategy.PortfolioGreeks;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.market.MarketHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backtest on recorded option chains: at each snapshot it settles what expired, asks
 * {@link Strategy#decide} on the surface fitted to that snapshot (spot = the snapshot's index), and executes
 * with {@link Holdings}, as {@link Backtester} does, except that options are the listed ones at
 * recorded prices:
 * <ul>
 *   <li>the strategy's series (its target-delta strike, now + tenor) becomes the listed option
 *       {@link ChainDay#nearest} picks: the listed expiry nearest now + tenor, then the listed strike
 *       nearest the wanted strike;</li>
 *   <li>it sells at the recorded bid ({@link ChainFill#BID}) or mid; no sale without one. The
 *       strategy's limit premium (a model price) is not used. A put's size is scaled by
 *       wanted strike / listed strike, so its collateral never exceeds what the strategy reserved;</li>
 *   <li>premium in USD = coin price x the index recorded with that option's row (what the coins
 *       received are worth at the sale); the cost counted is the spread given up against the
 *       recorded mark, (mark - fill) x index x size;</li>
 *   <li>an option is settled at the index of the first snapshot at or after its expiry, paying
 *       max(S - K, 0) or max(K - S, 0) per option in USD (Deribit's own delivery price is a 30-minute
 *       average of the index before 08:00 UTC; the snapshots are taken after it).</li>
 * </ul>
 * Open options are marked on the fitted surface, as the strategy marks them. A snapshot whose
 * surface the strategy cannot decide on (no strike has the target delta) holds, and is reported.
 */
public final class ChainBacktester {

    /**
     * One strategy's path, its option trades, the sales the chain could not fill, and the snapshots
     * where the strategy could not decide on the fitted surface (it held), with why.
     */
    public record ChainRun(BacktestRun run, List<ChainTrade> trades, int unfilled, List<String> undecided) {
        public ChainRun {
            trades = List.copyOf(trades);
            undecided = List.copyOf(undecided);
        }
    }

    private ChainBacktester() {}

    /** Runs {@code config} over snapshots {@code [from, to)}. */
    public static ChainRun run(String name, StrategyConfig config, ChainMarket market, int from, int to,
                               ChainFill fill) {
        MarketHistory h = market.history();
        if (from < h.firstTradableBar() || to > h.size() || to - from < 2) {
            throw new IllegalArgumentException("backtest snapshots [" + from + ", " + to + ") must lie within ["
                + h.firstTradableBar() + ", " + h.size() + ") and hold at least 2 snapshots");
        }
        Strategy strategy = new Strategy(config);
        Holdings book = new Holdings(config.initialNav(), strategy.pool(), config.costs().gasPerTransaction());
        int n = to - from;
        double[] nav = new double[n];
        double[] intrinsicNav = new double[n];
        double[] weight = new double[n];
        double[] shortVega = new double[n];
        List<ChainTrade> trades = new ArrayList<>();
        Map<ShortOption, String> names = new HashMap<>();
        int unfilled = 0;
        List<String> undecided = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ChainDay day = market.days().get(i);
            double spot = day.index();
            long now = day.epochSeconds();
            for (ShortOption o : book.settleExpired(now, spot)) {
                trades.add(new ChainTrade(now, name, names.get(o), ChainTrade.SETTLE, o.size(),
                    OptionMarks.payoff(o.type(), o.strike(), spot), Double.NaN, Double.NaN, spot));
            }
            MarketState m = new MarketState(now, spot, h.forecastVol()[i], market.surfaces().get(i), h.rate(),
                h.ivVol()[i], h.spotIvCorrelation()[i], h.dailyExcessKurtosis()[i]);
            PortfolioState held = book.state(); // outside the catch: a bad book is not a bad surface
            List<Action> actions;
            try {
                actions = strategy.decide(held, m).actions();
            } catch (IllegalArgumentException unusableSurface) {
                // One snapshot's surface (e.g. wings past Lee's bound) must not end the run: hold.
                undecided.add(java.time.Instant.ofEpochSecond(now) + ": " + unusableSurface.getMessage());
                actions = List.of();
            }
            for (Action a : actions) {
                if (a instanceof Action.Swap swap) {
                    book.swap(swap.baseAmount(), spot, now);
                } else if (a instanceof Action.Write w) {
                    ChainOption listed = day.nearest(w.type(), w.expiryEpochSeconds(), w.strike());
                    double price = listed == null ? Double.NaN : fill.price(listed);
                    if (!(price > 0)) {
                        unfilled++;
                        continue;
                    }
                    double size = w.type() == OptionType.PUT ? w.size() * Math.min(1, w.strike() / listed.strike())
                        : w.size();
                    double priceUsd = price * listed.index();
                    ShortOption sold = new ShortOption(w.type(), listed.strike(), listed.expiryEpochSeconds(), size);
                    names.put(sold, listed.instrument());
                    book.write(sold, size * priceUsd, size * (listed.mark() - price) * listed.index(), spot);
                    trades.add(new ChainTrade(now, name, listed.instrument(), ChainTrade.SELL, size, priceUsd,
                        listed.bid() * listed.index(), listed.ask() * listed.index(), listed.index()));
                }
            }
            book.requireFunded("snapshot " + i);
            PortfolioGreeks marked = PortfolioGreeks.of(book.state(), m);
            nav[i - from] = marked.nav();
            intrinsicNav[i - from] = Backtester.intrinsicNav(book.base(), book.quote(), book.shorts(), spot);
            weight[i - from] = marked.weight(spot);
            shortVega[i - from] = marked.vega() / 100 / marked.nav();
        }
        BacktestRun run = new BacktestRun(name, from, nav, intrinsicNav, weight, shortVega, book.costs(),
            book.premium(), book.traded(), List.of());
        return new ChainRun(run, trades, unfilled, undecided);
    }
}
