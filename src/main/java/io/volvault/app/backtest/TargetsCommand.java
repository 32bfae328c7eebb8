package io.volvault.app.backtest;

import io.volvault.app.UserInputException;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.backtest.Baselines;
import io.volvault.strategy.backtest.Feasibility;
import io.volvault.strategy.backtest.Metrics;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code volvault targets}: does the book realize its target? For each target vol, each half of the
 * history (in sample: up to the split; out of sample: after it) and each of the seven start-day
 * offsets (so the weekly roll falls on each weekday), the realized vol of vol targeting and of the
 * full strategy, and the constant weight level-matched to the full strategy's realized vol. Beside the
 * target, the feasible vol ({@link Feasibility}: the most a book capped at {@code max_leverage} could
 * realize over the same bars, min(target, L x each month's vol)); the miss is measured against both.
 * Writes one CSV row per run and prints the mean and range over the offsets as a Markdown table.
 */
@Command(name = "targets", mixinStandardHelpOptions = true,
    description = "Realized vol against target per target vol, half of the history and start-day offset, "
        + "with the level-matched constant weight; one CSV row per run and a Markdown summary.")
public final class TargetsCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Option(names = "--target-vols", split = ",", paramLabel = "VOLS", defaultValue = "0.2,0.4,0.6",
        description = "target vols (default ${DEFAULT-VALUE})")
    List<Double> targetVols;

    @Option(names = "--split", paramLabel = "DATE",
        description = "last day of the in-sample half (default: the middle of the tradable bars)")
    LocalDate split;

    @Option(names = "--offsets", paramLabel = "N", defaultValue = "7",
        description = "start days 0 .. N-1 after each half's first day (default ${DEFAULT-VALUE})")
    int offsets;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Spec
    CommandSpec spec;

    /** One run's numbers. */
    record Row(double target, String half, int offset, LocalDate from, LocalDate to, double feasible,
               Metrics volTarget, Metrics full, Metrics matched, double matchedWeight, double proxyShare) {}

    @Override
    public Integer call() throws Exception {
        if (offsets < 1 || offsets > 31) {
            throw new UserInputException("--offsets " + offsets + " must be in [1, 31]");
        }
        StrategyConfig base = input.config();
        BacktestSession session = input.session();
        LocalDate first = input.from;
        LocalDate last = input.to;
        int[] whole = session.range(
            io.volvault.strategy.market.VolInputs.history(session.bars(), session.periodsPerYear(),
                session.observedImplied(), base.forecast(), base.sizing().capVol(), 0), first, last);
        long[] t = session.bars().epochSeconds();
        LocalDate start = LocalDate.parse(BacktestSession.date(t[whole[0]]));
        LocalDate end = LocalDate.parse(BacktestSession.date(t[whole[1] - 1]));
        LocalDate cut = split != null ? split : LocalDate.parse(BacktestSession.date(t[(whole[0] + whole[1]) / 2]));
        if (!cut.isAfter(start) || !cut.isBefore(end)) {
            throw new UserInputException("--split " + cut + " must fall inside the tradable range " + start
                + " .. " + end);
        }
        List<Object[]> jobs = new ArrayList<>();
        for (double target : targetVols) {
            for (String half : List.of("in", "out")) {
                for (int k = 0; k < offsets; k++) {
                    LocalDate from = (half.equals("in") ? start : cut.plusDays(1)).plusDays(k);
                    jobs.add(new Object[] {target, half, k, from, half.equals("in") ? cut : end});
                }
            }
        }
        Row[] rows = new Row[jobs.size()];
        java.util.stream.IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            Object[] j = jobs.get(i);
            double target = (Double) j[0];
            StrategyConfig c = base.withSizing(base.sizing().withTargetVol(target));
            BacktestOutcome o = session.run(c, (LocalDate) j[3], (LocalDate) j[4], false,
                Set.of(Baselines.VOL_TARGET, Baselines.FULL), List.of(Baselines.FULL), false);
            List<String> names = o.runs().stream().map(r -> r.name()).toList();
            double feasible = Feasibility.achievableVol(o.history().bars(), o.from(), o.to(), target,
                c.sizing().maxLeverage(), StrategyConfig.Forecast.bars(Feasibility.WINDOW_DAYS, session.periodsPerYear()),
                session.periodsPerYear());
            rows[i] = new Row(target, (String) j[1], (Integer) j[2], (LocalDate) j[3], (LocalDate) j[4], feasible,
                o.metrics().get(names.indexOf(Baselines.VOL_TARGET)), o.metrics().get(names.indexOf(Baselines.FULL)),
                o.metrics().get(names.indexOf(BacktestSession.FIXED_MATCHED + Baselines.FULL)),
                o.matchedWeights().get(Baselines.FULL), o.proxyShare());
        });
        writeCsv(rows);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "in sample %s .. %s, out of sample %s .. %s; start offsets 0..%d; mean [min, max];"
            + " feasible: the most a book capped at max_leverage %s realizes, min(target, L x the centred %d-day"
            + " vol) at each bar%n", start, cut, cut.plusDays(1), end, offsets - 1, base.sizing().maxLeverage(),
            Feasibility.WINDOW_DAYS);
        w.println("| target | half | feasible | vol_target vol | full_strategy vol | full vs target | full vs feasible"
            + " | full CAGR | matched weight | matched CAGR | full max DD | matched max DD | full turnover"
            + " | proxy IV share |");
        w.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (double target : targetVols) {
            for (String half : List.of("in", "out")) {
                List<Row> g = new ArrayList<>();
                for (Row r : rows) {
                    if (r.target() == target && r.half().equals(half)) {
                        g.add(r);
                    }
                }
                w.printf(Locale.ROOT, "| %.0f%% | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f%% |%n",
                    100 * target, half, stat(g, Row::feasible, true),
                    stat(g, r -> r.volTarget().annualizedVol(), true), stat(g, r -> r.full().annualizedVol(), true),
                    signed(g, r -> r.full().annualizedVol() / target - 1),
                    signed(g, r -> r.full().annualizedVol() / r.feasible() - 1), stat(g, r -> r.full().cagr(), true),
                    stat(g, Row::matchedWeight, false), stat(g, r -> r.matched().cagr(), true),
                    stat(g, r -> r.full().maxDrawdown(), true), stat(g, r -> r.matched().maxDrawdown(), true),
                    stat(g, r -> r.full().turnover(), false), 100 * g.get(0).proxyShare());
            }
        }
        w.println("wrote " + out);
        w.flush();
        return 0;
    }

    private static String stat(List<Row> g, java.util.function.ToDoubleFunction<Row> f, boolean percent) {
        double[] v = g.stream().mapToDouble(f).toArray();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double min = java.util.Arrays.stream(v).min().orElseThrow();
        double max = java.util.Arrays.stream(v).max().orElseThrow();
        return percent
            ? String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * mean, 100 * min, 100 * max)
            : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", mean, min, max);
    }

    private static String signed(List<Row> g, java.util.function.ToDoubleFunction<Row> f) {
        double[] v = g.stream().mapToDouble(f).toArray();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double min = java.util.Arrays.stream(v).min().orElseThrow();
        double max = java.util.Arrays.stream(v).max().orElseThrow();
        return String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * mean, 100 * min, 100 * max);
    }

    private void writeCsv(Row[] rows) throws java.io.IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("target_vol,half,offset,from,to,feasible_vol,vol_target_vol,full_vol,full_cagr,full_max_drawdown,full_sharpe,"
                + "full_turnover,matched_weight,matched_vol,matched_cagr,matched_max_drawdown,matched_sharpe,"
                + "proxy_share");
            for (Row r : rows) {
                w.printf(Locale.ROOT, "%s,%s,%d,%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f%n",
                    r.target(), r.half(), r.offset(), r.from(), r.to(), r.feasible(), r.volTarget().annualizedVol(),
                    r.full().annualizedVol(), r.full().cagr(), r.full().maxDrawdown(), r.full().sharpe(),
                    r.full().turnover(), r.matchedWeight(), r.matched().annualizedVol(), r.matched().cagr(),
                    r.matched().maxDrawdown(), r.matched().sharpe(), r.proxyShare());
            }
        }
    }
}
