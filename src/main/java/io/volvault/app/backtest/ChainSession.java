package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.app.io.DeribitChainCsv;
import io.volvault.app.io.DvolCsv;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.ChainFit;
import io.volvault.greeks.surface.ChainFitter;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Baselines;
import io.volvault.strategy.backtest.ChainBacktester;
import io.volvault.strategy.backtest.ChainDay;
import io.volvault.strategy.backtest.ChainFill;
import io.volvault.strategy.backtest.ChainMarket;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.ModelVsChain;
import io.volvault.strategy.market.MarketHistory;
import io.volvault.strategy.market.VolInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * {@code backtest --chains}: the strategy and its baselines on recorded Deribit chains. Reads the
 * snapshots of one asset, fits each with {@link ChainFitter} (the surface the strategy strikes and
 * marks on), builds the daily history from the snapshots' index prices (the forecast warms up on
 * the first {@code forecast.window_days} snapshots, which are not traded), and runs
 * {@link ChainBacktester}. The history's implied vol (in {@code bars.csv}) is the fitted surface's
 * 30-day ATM vol, the level DVOL gives the model backtest: the implied vol's own vol and its
 * correlation with spot for the risk model come from its changes over {@code forecast.iv_window_days}
 * of snapshots, and the tail kurtosis from the index returns, as {@link VolInputs} does for
 * {@code backtest}.
 */
final class ChainSession {

    /** A finished chain backtest: the report's outcome and the chain's own results. */
    record Result(BacktestOutcome outcome, List<ChainDay> days, List<ChainFit> fits,
                  List<ChainBacktester.ChainRun> runs, List<ModelVsChain.Row> model, ChainFill fill) {}

    private ChainSession() {}

    static Result run(List<Path> files, String asset, ChainFill fill, StrategyConfig config, LocalDate from,
                      LocalDate to, Path dvolFile) throws IOException {
        List<ChainDay> days = DeribitChainCsv.read(files, asset);
        if (days.size() < 3) {
            throw new UserInputException(files + ": " + days.size() + " " + asset
                + " snapshots; a backtest needs at least 3");
        }
        int n = days.size();
        long[] t = new long[n];
        double[] index = new double[n];
        double[] atm30 = new double[n];
        List<ChainFit> fits = new ArrayList<>(n);
        List<VolSurface> surfaces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ChainDay d = days.get(i);
            if (i > 0 && d.epochSeconds() <= t[i - 1]) {
                throw new UserInputException(files + ": two " + asset + " snapshots at "
                    + Instant.ofEpochSecond(d.epochSeconds()) + " (pass each chain file once)");
            }
            t[i] = d.epochSeconds();
            index[i] = d.index();
            ChainFit fit = ChainFitter.fit(d.quotes());
            if (fit.surface() == null) {
                throw new UserInputException(files + ": no expiry of the " + asset + " snapshot "
                    + Instant.ofEpochSecond(t[i]) + " could be fitted; the first failed with: "
                    + fit.slices().get(0).failure());
            }
            fits.add(fit);
            surfaces.add(fit.surface());
            atm30[i] = fit.surface().atmVol(TermStructure.THIRTY_DAYS);
        }
        PriceBars bars = PriceBars.ofCloses(t, index);
        String source = String.join(" ", files.stream().map(Path::toString).toList());
        BacktestSession session = new BacktestSession(bars, atm30, source, "fitted surface");
        MarketHistory h = VolInputs.history(bars, 365, atm30, config.forecast(), config.sizing().capVol(), 0);
        ChainMarket market = new ChainMarket(h, days, surfaces);
        int[] range = session.range(h, from, to);
        List<BacktestRun> runs = new ArrayList<>();
        List<Metrics> metrics = new ArrayList<>();
        List<ChainBacktester.ChainRun> chainRuns = new ArrayList<>();
        List<ModelVsChain.Atm> atm = modelAtm(days, fits, dvolFile);
        List<ModelVsChain.Row> model = new ArrayList<>();
        for (Map.Entry<String, StrategyConfig> e : Baselines.of(config).entrySet()) {
            ChainBacktester.ChainRun run = ChainBacktester.run(e.getKey(), e.getValue(), market, range[0], range[1], fill);
            chainRuns.add(run);
            runs.add(run.run());
            metrics.add(session.metrics(run.run(), h, config));
            model.addAll(ModelVsChain.compare(run, market, atm, SkewModel.CRYPTO_DEFAULT,
                TermStructure.CRYPTO_DEFAULT, e.getValue().options().premiumSpread()));
        }
        String implied = String.format(Locale.ROOT, "recorded Deribit %s chains (%d snapshots), fitted by ChainFitter;"
            + " implied vol = the fitted surface's 30-day ATM vol; options sold at the %s",
            asset, n, fill.name().toLowerCase(Locale.ROOT));
        // Constant weights level-matched to vol targeting and to the full strategy, as backtest runs them
        // (no options: the chains are not read).
        Map<String, Double> matched = session.levelMatch(config, h, BacktestSession.MATCHED, runs, metrics, null,
            (name, c) -> ChainBacktester.run(name, c, market, range[0], range[1], fill).run());
        BacktestOutcome outcome = new BacktestOutcome(config, h, range[0], range[1], source, implied, 0, runs, metrics,
            matched);
        return new Result(outcome, days, fits, chainRuns, model, fill);
    }

    /**
     * The model's ATM level per snapshot: DVOL's close of the UTC day before the snapshot (the last
     * value known at that time); where the file has none, or without a file, the fitted surface's
     * 30-day ATM vol stands in (DVOL is Deribit's 30-day implied vol).
     */
    static List<ModelVsChain.Atm> modelAtm(List<ChainDay> days, List<ChainFit> fits, Path dvolFile) throws IOException {
        NavigableMap<LocalDate, Double> dvol = dvolFile == null ? null : DvolCsv.closes(dvolFile);
        List<ModelVsChain.Atm> out = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            LocalDate before = Instant.ofEpochSecond(days.get(i).epochSeconds()).atZone(ZoneOffset.UTC).toLocalDate()
                .minusDays(1);
            Double v = dvol == null ? null : dvol.get(before);
            out.add(v != null
                ? new ModelVsChain.Atm(v, "DVOL " + before)
                : new ModelVsChain.Atm(fits.get(i).surface().atmVol(TermStructure.THIRTY_DAYS), "stand-in: fitted 30-day ATM"));
        }
        return out;
    }
}
