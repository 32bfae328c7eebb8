package io.volvault.strategy.backtest;

import static io.volvault.strategy.backtest.ChainDayTest.DAY;
import static io.volvault.strategy.backtest.ChainDayTest.E7;
import static io.volvault.strategy.backtest.ChainDayTest.NOW;
import static io.volvault.strategy.backtest.ChainDayTest.option;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.Action;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.market.MarketHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainBacktester} on a hand-built week: a put-write sells the one listed put of the expiry
 * nearest its tenor at the recorded bid, and settles it at the first snapshot after expiry.
 */
class ChainBacktesterTest {

    private static final double NAV = 1_000_000;
    /** Snapshot indexes; day 7 (after E7) is the settlement. */
    private static final double[] INDEX = {100_000, 99_000, 98_500, 97_000, 96_000, 95_500, 95_000, 92_000};

    /** The put-write baseline (puts on all free cash, no spot), without pool costs or gas. */
    /**
     * The put-write baseline, costless, at a 5% target: the puts' delta alone carries the whole
     * exposure, so the book holds no spot and the cash is only the puts' collateral.
     */
    private static StrategyConfig putWrite() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig costless = new StrategyConfig(NAV, d.sizing().withTargetVol(0.05), d.forecast(), d.rebalance(),
            d.options(), d.risk(), new StrategyConfig.Costs(0, 1e15, 0));
        return Baselines.of(costless).get(Baselines.PUT_WRITE);
    }

    /** Eight daily snapshots listing {@code listing.apply(day)}, on a SkewModel surface at 50% ATM. */
    private static ChainMarket week(IntFunction<List<ChainOption>> listing) {
        return week(listing, 0, 0, 0);
    }

    /** As above, with the implied vol's own vol, its correlation with spot and the kurtosis on every bar. */
    private static ChainMarket week(IntFunction<List<ChainOption>> listing, double ivVol, double correlation,
                                    double kurtosis) {
        int n = INDEX.length;
        long[] t = new long[n];
        List<ChainDay> days = new ArrayList<>();
        List<VolSurface> surfaces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t[i] = NOW + i * DAY;
            days.add(new ChainDay("BTC", t[i], INDEX[i], listing.apply(i)));
            surfaces.add(SkewModel.CRYPTO_DEFAULT.surface(0.5, INDEX[i], 1 / 365.0, 7 / 365.0, 14 / 365.0));
        }
        double[] vol = new double[n];
        Arrays.fill(vol, 0.5);
        MarketHistory h = new MarketHistory(PriceBars.ofCloses(t, INDEX.clone()), 365, vol, vol.clone(), new boolean[n],
            filled(n, ivVol), filled(n, correlation), filled(n, kurtosis), 0);
        return new ChainMarket(h, days, surfaces);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * While E7 is alive: its put struck at 97,000 (bid 0.012, ask 0.013 BTC, row index 100,020 on
     * day 0, else the snapshot's), and a 2-day put; after it (day 7) only a call.
     */
    private static List<ChainOption> puts(int day, double bid) {
        long t = NOW + day * DAY;
        if (t >= E7) {
            return List.of(option(OptionType.CALL, 100_000, t + 7 * DAY, INDEX[day], 0.01, 0.011, INDEX[day]));
        }
        return List.of(option(OptionType.PUT, 97_000, E7, INDEX[day], bid, 0.013, day == 0 ? 100_020 : INDEX[day]),
            option(OptionType.PUT, 97_000, t + 2 * DAY - 3_600, INDEX[day], bid, 0.004, INDEX[day]));
    }

    @Test
    void sellsTheListedPutAtTheBidTimesItsRowsIndexAndSettlesAtTheNextSnapshotsIndex() {
        ChainBacktester.ChainRun r = ChainBacktester.run("put_write", putWrite(), week(day -> puts(day, 0.012)),
            0, INDEX.length, ChainFill.BID);
        assertEquals(2, r.trades().size(), r.trades().toString());
        ChainTrade sale = r.trades().get(0);
        assertEquals(ChainTrade.SELL, sale.side());
        assertEquals(NOW, sale.epochSeconds());
        assertEquals(0.012 * 100_020, sale.priceUsd(), 1e-9);
        assertEquals(0.012 * 100_020, sale.bidUsd(), 1e-9);
        assertEquals(0.013 * 100_020, sale.askUsd(), 1e-9);
        assertEquals(100_020, sale.indexUsd());
        // The strategy wants a 0.20-delta put near 94,000; the listed strike is higher, so the size
        // is scaled to keep the collateral at exactly what the strategy reserved.
        ChainMarket market = week(day -> puts(day, 0.012));
        MarketState day0 = new MarketState(NOW, INDEX[0], 0.5, market.surfaces().get(0), 0, 0, 0, 0);
        Action.Write wanted = (Action.Write) new Strategy(putWrite()).decide(PortfolioState.cash(NAV), day0).actions()
            .get(0);
        assertTrue(wanted.strike() < 97_000, "wanted strike " + wanted.strike());
        assertEquals(wanted.size() * wanted.strike(), sale.size() * 97_000, 1e-6);
        assertTrue(sale.size() * 97_000 < NAV, "collateral within the cash");
        ChainTrade settle = r.trades().get(1);
        assertEquals(ChainTrade.SETTLE, settle.side());
        assertEquals(NOW + 7 * DAY, settle.epochSeconds(), "the first snapshot after the 08:00 expiry");
        assertEquals(sale.instrument(), settle.instrument());
        assertEquals(97_000 - 92_000, settle.priceUsd(), 1e-9);
        assertEquals(92_000, settle.indexUsd());
        assertTrue(Double.isNaN(settle.bidUsd()));
        // Day 7 lists no put: that round cannot be sold.
        assertEquals(1, r.unfilled());
        double premium = sale.size() * 0.012 * 100_020;
        assertEquals(premium, r.run().premium(), 1e-6);
        // Costless: the NAV after settlement is cash plus premium less the payoff, exactly.
        double[] nav = r.run().nav();
        assertEquals(NAV + premium - sale.size() * 5_000, nav[nav.length - 1], 1e-6);
        // The spread given up against the recorded mark (0.0125 BTC) is the only cost.
        assertEquals(sale.size() * (0.0125 - 0.012) * 100_020, r.run().costs(), 1e-6);
    }

    @Test
    void theRiskModelSeesTheHistorysImpliedVolStatisticsAndKurtosis() {
        ChainMarket market = week(day -> puts(day, 0.012), 1.2, -0.6, 8);
        ChainTrade sale = ChainBacktester.run("put_write", putWrite(), market, 0, INDEX.length, ChainFill.BID)
            .trades().get(0);
        MarketState day0 = new MarketState(NOW, INDEX[0], 0.5, market.surfaces().get(0), 0, 1.2, -0.6, 8);
        Action.Write wanted = (Action.Write) new Strategy(putWrite()).decide(PortfolioState.cash(NAV), day0).actions()
            .get(0);
        assertEquals(wanted.size() * wanted.strike(), sale.size() * 97_000, 1e-6);
        // Vega risk (implied vol moving against a short put as spot falls) and fat tails shrink the round.
        ChainTrade calm = ChainBacktester.run("put_write", putWrite(), week(day -> puts(day, 0.012)), 0, INDEX.length,
            ChainFill.BID).trades().get(0);
        assertTrue(sale.size() < calm.size() * 0.99, sale.size() + " vs " + calm.size());
    }

    @Test
    void atTheMidTheFillIsHalfWayBetweenBidAndAsk() {
        ChainBacktester.ChainRun r = ChainBacktester.run("put_write", putWrite(), week(day -> puts(day, 0.012)),
            0, INDEX.length, ChainFill.MID);
        assertEquals(0.0125 * 100_020, r.trades().get(0).priceUsd(), 1e-9);
    }

    @Test
    void noBidNoSaleAndTheCashStaysPut() {
        ChainMarket noBids = week(day -> puts(day, Double.NaN));
        ChainBacktester.ChainRun r = ChainBacktester.run("put_write", putWrite(), noBids, 0, INDEX.length, ChainFill.BID);
        assertEquals(List.of(), r.trades());
        assertEquals(INDEX.length, r.unfilled(), "every snapshot tried and found no bid (or no put)");
        for (double v : r.run().nav()) {
            assertEquals(NAV, v, 1e-9);
        }
        ChainBacktester.ChainRun mid = ChainBacktester.run("put_write", putWrite(), noBids, 0, INDEX.length, ChainFill.MID);
        assertEquals(List.of(), mid.trades(), "a mid needs both sides");
    }

    @Test
    void aSurfaceTheStrategyCannotStrikeOnHoldsThatSnapshotAndSaysWhy() {
        ChainMarket base = week(day -> List.of(
            option(OptionType.CALL, 104_000, NOW + day * DAY + 7 * DAY - 3_600, INDEX[day], 0.01, 0.011, INDEX[day])));
        List<VolSurface> surfaces = new ArrayList<>(base.surfaces());
        // Day 0: a call wing past Lee's bound (b (1 + rho) = 2.7), so no call strike has delta 0.2.
        surfaces.set(0, VolSurface.of(List.of(new SviSlice(7 / 365.0, INDEX[0], new SviParams(0.0005, 1.5, 0.8, 0.0, 0.01)))));
        ChainMarket bad = new ChainMarket(base.history(), base.days(), surfaces);
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig coveredCall = Baselines.of(new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(),
            d.options(), d.risk(), new StrategyConfig.Costs(0, 1e15, 0))).get(Baselines.COVERED_CALL);
        ChainBacktester.ChainRun r = ChainBacktester.run("covered_call", coveredCall, bad, 0, INDEX.length, ChainFill.BID);
        assertEquals(1, r.undecided().size());
        assertTrue(r.undecided().get(0).startsWith("2026-01-02T09:00:00Z: no call strike"), r.undecided().get(0));
        assertEquals(NOW + DAY, r.trades().get(0).epochSeconds(), "spot and the round wait for the next snapshot");
        assertEquals(NAV, r.run().nav()[0], 1e-9, "held: still all cash on day 0");
    }

    /** Black-Scholes with r = q = 0 written out here, with Commons Math's normal CDF: an oracle independent of greeks'. */
    private static double black(OptionType type, double s, double k, double t, double vol) {
        var n = new org.apache.commons.math3.distribution.NormalDistribution();
        double d1 = (Math.log(s / k) + 0.5 * vol * vol * t) / (vol * Math.sqrt(t));
        double d2 = d1 - vol * Math.sqrt(t);
        return type == OptionType.CALL ? s * n.cumulativeProbability(d1) - k * n.cumulativeProbability(d2)
            : k * n.cumulativeProbability(-d2) - s * n.cumulativeProbability(-d1);
    }

    @Test
    void theModelPricesTheSameSaleOnSkewModelAtItsAtmLevelLessTheSpread() {
        ChainMarket market = week(day -> puts(day, 0.012));
        ChainBacktester.ChainRun r = ChainBacktester.run("put_write", putWrite(), market, 0, INDEX.length, ChainFill.BID);
        List<ModelVsChain.Atm> atm = new ArrayList<>();
        for (int i = 0; i < INDEX.length; i++) {
            atm.add(new ModelVsChain.Atm(0.45, "DVOL test"));
        }
        List<ModelVsChain.Row> rows = ModelVsChain.compare(r, market, atm, SkewModel.CRYPTO_DEFAULT,
            TermStructure.CRYPTO_DEFAULT, 0.05);
        assertEquals(1, rows.size());
        ModelVsChain.Row m = rows.get(0);
        double years = (E7 - NOW) / (365.0 * DAY);
        assertEquals(years, m.years(), 1e-15);
        // The 30-day level 0.45 moved to the option's own expiry: 0.45 (T / (30 / 365.25))^0.032.
        double modelIv = SkewModel.CRYPTO_DEFAULT.slice(0.45 * Math.pow(years * 365.25 / 30, 0.032), INDEX[0], years)
            .iv(97_000);
        assertEquals(modelIv, m.modelIv(), 1e-15);
        assertEquals(black(OptionType.PUT, INDEX[0], 97_000, years, modelIv) * 0.95, m.modelPremiumUsd(), 1e-8);
        assertEquals(0.012 * 100_020, m.fillUsd(), 1e-9);
        assertEquals(m.modelPremiumUsd() / m.fillUsd(), m.premiumRatio(), 1e-15);
        assertEquals(5_000, m.payoffUsd(), 1e-9);
        assertEquals(m.fillUsd() - 5_000, m.realPnlUsd(), 1e-9);
        assertEquals(m.modelPremiumUsd() - 5_000, m.modelPnlUsd(), 1e-9);
        // The fill's IV prices the fill back in coin on the forward: 0.012 x forward in USD.
        assertEquals(0.012 * INDEX[0], black(OptionType.PUT, INDEX[0], 97_000, years, m.fillIv()), 1e-6);
        assertEquals("DVOL test", m.modelSource());
    }

    @Test
    void aWindowLaterInTheHistoryKeepsItsOwnLengthAndStartsTradingOnItsFirstSnapshot() {
        ChainMarket market = week(day -> puts(day, 0.012));
        // two snapshots are the shortest run; one, or a window past the end, is refused
        assertEquals(2, ChainBacktester.run("put_write", putWrite(), market, 5, 7, ChainFill.BID).run().nav().length);
        assertThrows(IllegalArgumentException.class,
            () -> ChainBacktester.run("put_write", putWrite(), market, 5, 6, ChainFill.BID));
        assertThrows(IllegalArgumentException.class,
            () -> ChainBacktester.run("put_write", putWrite(), market, 1, INDEX.length + 1, ChainFill.BID));
        ChainBacktester.ChainRun r = ChainBacktester.run("put_write", putWrite(), market, 1, INDEX.length, ChainFill.BID);
        assertEquals(INDEX.length - 1, r.run().nav().length);
        assertEquals(INDEX.length - 1, r.run().shortVega().length);
        ChainTrade sale = r.trades().get(0);
        assertEquals(NOW + DAY, sale.epochSeconds(), "the window's first snapshot is day 1");
        // Day 1's NAV: cash plus the premium at the bid less the put marked on the surface; short vega per
        // vol point as a share of NAV: about size x S n(d1) sqrt(T) / 100 / NAV ~ 10 x 1e5 x 0.37 x 0.13 / 100 / 1e6 = 4.8e-4
        double shortVega = r.run().shortVega()[0];
        assertTrue(shortVega < -1e-4 && shortVega > -1e-3, "short vega per vol point / NAV " + shortVega);
    }

    @Test
    void aCoveredCallBuysItsSpotOnTheFirstSnapshot() {
        StrategyConfig d = StrategyConfig.defaults();
        StrategyConfig coveredCall = Baselines.of(new StrategyConfig(NAV, d.sizing(), d.forecast(), d.rebalance(),
            d.options(), d.risk(), new StrategyConfig.Costs(0, 1e15, 0))).get(Baselines.COVERED_CALL);
        ChainMarket market = week(day -> List.of(
            option(OptionType.CALL, 104_000, NOW + day * DAY + 7 * DAY - 3_600, INDEX[day], 0.01, 0.011, INDEX[day])));
        ChainBacktester.ChainRun r = ChainBacktester.run("covered_call", coveredCall, market, 0, INDEX.length,
            ChainFill.BID);
        // all of the NAV in base less the calls' delta: the weight is well above a half from day 0 on
        assertTrue(r.run().weight()[0] > 0.5, "weight " + r.run().weight()[0]);
        assertEquals(ChainTrade.SELL, r.trades().get(0).side());
    }
}
