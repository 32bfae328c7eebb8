package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.UserInputException;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.research.ManyTrials;
import io.volvault.strategy.research.StationaryBootstrap;
import io.volvault.strategy.research.WalkForward;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Writes a walk-forward's outputs: folds.csv, equity.csv, paths.csv, summary.json, report.html and
 * its PNGs.
 */
final class WalkForwardReport {

    static final String EQUITY_PNG = "oos_vs_is_equity.png";
    static final String HEATMAP_PNG = "heatmap.png";

    private WalkForwardReport() {}

    record Inputs(BacktestSession session, List<SweepRunner.Point> points, List<WalkForward.Candidate> candidates,
                  WalkForward.Result result, StationaryBootstrap.Intervals oos, StationaryBootstrap.Intervals is,
                  ManyTrials trials, List<String> heatmap, long seed, String pricesFile, List<PathFigures> paths) {}

    /** The figures of paths.csv, in order; the numeric ones are summarised over the paths. */
    static final List<String> PATH_FIGURES = List.of("oos_cagr", "oos_vol", "oos_sharpe", "oos_max_drawdown",
        "hindsight_cagr", "hindsight_vol", "hindsight_sharpe", "hindsight_max_drawdown", "mean_fold_is_sharpe",
        "mean_fold_oos_sharpe", "deflated_sharpe_ratio", "pbo");

    /**
     * One roll-weekday path's walk-forward: where it starts, its folds, its hindsight pick and the
     * values of {@link #PATH_FIGURES} (DSR and PBO NaN for a single candidate).
     */
    record PathFigures(int oosFrom, int oosTo, int folds, String hindsight, double[] values) {

        static PathFigures of(WalkForward.Result r, double ppy, ManyTrials trials) {
            double[] oos = StationaryBootstrap.annualFigures(Performance.returns(r.oosNav()), ppy);
            double[] is = StationaryBootstrap.annualFigures(Performance.returns(r.hindsightNav()), ppy);
            double isSharpe = 0;
            double oosSharpe = 0;
            for (WalkForward.Fold f : r.folds()) {
                isSharpe += f.isSharpe() / r.folds().size();
                oosSharpe += f.oosSharpe() / r.folds().size();
            }
            return new PathFigures(r.oosFrom(), r.oosFrom() + r.oosNav().length - 1, r.folds().size(), r.hindsight(),
                new double[] {oos[0], oos[1], oos[2], oos[3], is[0], is[1], is[2], is[3], isSharpe, oosSharpe,
                    trials == null ? Double.NaN : trials.deflatedSharpe(), trials == null ? Double.NaN : trials.pbo()});
        }
    }

    /** {mean, min, max} over the paths of figure {@code i} of {@link #PATH_FIGURES}. */
    static double[] overPaths(List<PathFigures> paths, int i) {
        return SweepRunner.overPaths(paths.stream().mapToDouble(p -> p.values()[i]).toArray());
    }

    /** The console line: out-of-sample Sharpe and CAGR, the hindsight pick's DSR and PBO, over the paths. */
    static String pathsLine(List<PathFigures> paths) {
        double[] cagr = overPaths(paths, 0);
        double[] sharpe = overPaths(paths, 2);
        double[] dsr = overPaths(paths, 10);
        double[] pbo = overPaths(paths, 11);
        return String.format(Locale.ROOT, "over %d roll-weekday paths, mean [min, max]: out-of-sample CAGR %.1f%% "
                + "[%.1f, %.1f], Sharpe %.2f [%.2f, %.2f]%s%n", paths.size(), 100 * cagr[0], 100 * cagr[1],
            100 * cagr[2], sharpe[0], sharpe[1], sharpe[2], Double.isNaN(dsr[0]) ? ""
                : String.format(Locale.ROOT, "; hindsight pick's DSR %.3f [%.3f, %.3f], PBO %.2f [%.2f, %.2f]", dsr[0],
                    dsr[1], dsr[2], pbo[0], pbo[1], pbo[2]));
    }

    /** A swept parameter's value at a grid point, by its CSV column name. */
    static Function<SweepRunner.Point, Comparable<?>> parameter(String name) {
        return switch (name) {
            case "target_vol" -> SweepRunner.Point::targetVol;
            case "estimator" -> SweepRunner.Point::estimator;
            case "window_days" -> SweepRunner.Point::windowDays;
            case "delta" -> SweepRunner.Point::delta;
            case "tenor_days" -> SweepRunner.Point::tenorDays;
            default -> throw new UserInputException("--heatmap parameter '" + name
                + "' must be one of target_vol, estimator, window_days, delta, tenor_days");
        };
    }

    /**
     * Writes every file into a sibling {@code .partial} folder first and moves them into
     * {@code out} only when all are whole, so a failure leaves no set of files that looks complete.
     */
    static void write(Path out, Inputs in) throws IOException {
        Path tmp = SweepOutput.partial(out);
        try {
            Files.createDirectories(tmp);
            writeFiles(tmp, in);
            Files.createDirectories(out);
            try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
                for (Path f : files.toList()) {
                    Files.move(f, out.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            if (Files.isDirectory(tmp)) {
                try (java.util.stream.Stream<Path> left = Files.list(tmp)) {
                    for (Path f : left.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(tmp);
            }
        }
    }

    private static void writeFiles(Path dir, Inputs in) throws IOException {
        long[] t = in.session().bars().epochSeconds();
        WalkForward.Result r = in.result();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("folds.csv")))) {
            w.println("fold,train_from,train_to,test_from,test_to,chosen,is_score,oos_score,is_sharpe,oos_sharpe,"
                + "is_vol,oos_vol,oos_return");
            int k = 0;
            for (WalkForward.Fold f : r.folds()) {
                w.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.6f,%.6f,%.4f,%.4f,%.6f,%.6f,%.6f%n", k++,
                    date(t[f.trainFrom()]), date(t[f.trainTo() - 1]), date(t[f.trainTo()]), date(t[f.testTo() - 1]),
                    f.chosen(), f.isScore(), f.oosScore(), f.isSharpe(), f.oosSharpe(), f.isVol(), f.oosVol(),
                    f.oosReturn());
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("equity.csv")))) {
            w.println("date,walk_forward_oos,hindsight_is");
            for (int i = 0; i < r.oosNav().length; i++) {
                w.printf(Locale.ROOT, "%s,%.8f,%.8f%n", date(t[r.oosFrom() + i]), r.oosNav()[i], r.hindsightNav()[i]);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(dir.resolve("paths.csv")))) {
            w.println("path,oos_from,oos_to,folds,hindsight," + String.join(",", PATH_FIGURES));
            for (int k = 0; k < in.paths().size(); k++) {
                PathFigures p = in.paths().get(k);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d,%s,%s,%d,\"%s\"", k,
                    date(t[p.oosFrom()]), date(t[p.oosTo()]), p.folds(), p.hindsight()));
                for (double v : p.values()) {
                    line.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v));
                }
                w.println(line);
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("summary.json").toFile(), summary(json, in));
        writeEquityChart(in, dir.resolve(EQUITY_PNG));
        writeHeatmap(in, dir.resolve(HEATMAP_PNG));
        Files.writeString(dir.resolve("report.html"), html(in));
    }

    private static ObjectNode summary(ObjectMapper json, Inputs in) {
        WalkForward.Result r = in.result();
        long[] t = in.session().bars().epochSeconds();
        ObjectNode root = json.createObjectNode();
        root.put("prices", in.pricesFile());
        root.put("objective", r.objective().cliName());
        root.put("anchored", r.windows().anchored());
        root.put("train_bars", r.windows().trainBars());
        root.put("test_bars", r.windows().testBars());
        root.put("candidates", in.candidates().size());
        root.put("folds", r.folds().size());
        root.put("oos_from", date(t[r.oosFrom()]));
        root.put("oos_to", date(t[r.oosFrom() + r.oosNav().length - 1]));
        double isScore = 0;
        double oosScore = 0;
        double isSharpe = 0;
        double oosSharpe = 0;
        for (WalkForward.Fold f : r.folds()) {
            isScore += f.isScore() / r.folds().size();
            oosScore += f.oosScore() / r.folds().size();
            isSharpe += f.isSharpe() / r.folds().size();
            oosSharpe += f.oosSharpe() / r.folds().size();
        }
        ObjectNode side = root.putObject("in_sample_vs_out_of_sample");
        side.put("mean_fold_is_score", isScore);
        side.put("mean_fold_oos_score", oosScore);
        side.put("mean_fold_is_sharpe", isSharpe);
        side.put("mean_fold_oos_sharpe", oosSharpe);
        putIntervals(root.putObject("walk_forward_oos"), in.oos());
        ObjectNode hindsight = root.putObject("hindsight_is");
        hindsight.put("configuration", r.hindsight());
        putIntervals(hindsight, in.is());
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("method", "stationary (Politis-Romano), mean block length by Politis-White; percentile intervals");
        boot.put("oos_block_length", in.oos().blockLength());
        boot.put("is_block_length", in.is().blockLength());
        boot.put("resamples", in.oos().resamples());
        boot.put("level", in.oos().level());
        boot.put("seed", in.seed());
        if (in.trials() != null) {
            ManyTrials m = in.trials();
            ObjectNode trials = root.putObject("many_trials");
            trials.put("trials", m.trials());
            trials.put("observations", m.observations());
            trials.put("picked_sharpe_per_bar", m.pickedSharpe());
            trials.put("sharpe_variance_per_bar", m.sharpeVariance());
            trials.put("skewness", m.skewness());
            trials.put("kurtosis", m.kurtosis());
            trials.put("expected_max_sharpe_per_bar", m.expectedMaxSharpe());
            trials.put("deflated_sharpe_ratio", m.deflatedSharpe());
            trials.put("pbo", m.pbo());
            trials.put("pbo_metric", "sharpe");
            trials.put("cscv_splits", m.splits());
        }
        ObjectNode paths = root.putObject("roll_weekday_paths");
        paths.put("paths", in.paths().size());
        paths.put("method", "the whole walk-forward from each of the first " + in.paths().size() + " days (path k "
            + "starts k days after path 0), all to the same last bar; the intervals above, folds.csv and equity.csv "
            + "are path 0's");
        ArrayNode per = paths.putArray("per_path");
        for (PathFigures p : in.paths()) {
            ObjectNode n = per.addObject();
            n.put("oos_from", date(t[p.oosFrom()]));
            n.put("oos_to", date(t[p.oosTo()]));
            n.put("folds", p.folds());
            n.put("hindsight", p.hindsight());
            for (int i = 0; i < PATH_FIGURES.size(); i++) {
                putNumber(n, PATH_FIGURES.get(i), p.values()[i]);
            }
        }
        for (int j = 0; j < SweepRunner.OVER_PATHS.size(); j++) {
            ObjectNode n = paths.putObject(SweepRunner.OVER_PATHS.get(j));
            for (int i = 0; i < PATH_FIGURES.size(); i++) {
                putNumber(n, PATH_FIGURES.get(i), overPaths(in.paths(), i)[j]);
            }
        }
        ArrayNode folds = root.putArray("fold_table");
        for (WalkForward.Fold f : r.folds()) {
            ObjectNode n = folds.addObject();
            n.put("train_from", date(t[f.trainFrom()]));
            n.put("test_from", date(t[f.trainTo()]));
            n.put("test_to", date(t[f.testTo() - 1]));
            n.put("chosen", f.chosen());
            n.put("is_score", f.isScore());
            n.put("oos_score", f.oosScore());
            n.put("is_sharpe", f.isSharpe());
            n.put("oos_sharpe", f.oosSharpe());
            n.put("oos_return", f.oosReturn());
        }
        return root;
    }

    /** A number, or null where it is undefined (NaN). */
    private static void putNumber(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    /** cagr, annualized_vol, sharpe and max_drawdown, each as estimate, lower and upper. */
    static void putIntervals(ObjectNode n, StationaryBootstrap.Intervals ci) {
        putInterval(n, "cagr", ci.cagr());
        putInterval(n, "annualized_vol", ci.vol());
        putInterval(n, "sharpe", ci.sharpe());
        putInterval(n, "max_drawdown", ci.maxDrawdown());
    }

    private static void putInterval(ObjectNode n, String name, StationaryBootstrap.Interval i) {
        ObjectNode o = n.putObject(name);
        o.put("estimate", i.estimate());
        o.put("lower", i.lower());
        o.put("upper", i.upper());
    }

    private static void writeEquityChart(Inputs in, Path file) throws IOException {
        WalkForward.Result r = in.result();
        long[] t = in.session().bars().epochSeconds();
        List<Date> dates = new ArrayList<>();
        for (int i = 0; i < r.oosNav().length; i++) {
            dates.add(new Date(t[r.oosFrom() + i] * 1000));
        }
        XYChart c = new XYChartBuilder().width(1100).height(520).title("Walk-forward out of sample vs the hindsight pick")
            .xAxisTitle("date").yAxisTitle("growth of 1").build();
        c.getStyler().setDatePattern("yyyy-MM-dd");
        c.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        BacktestReport.add(c, "walk-forward, out of sample", dates, r.oosNav());
        BacktestReport.add(c, "hindsight pick, in sample: " + r.hindsight(), dates, r.hindsightNav());
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Each candidate's objective score over the out-of-sample span, averaged over the parameters
     * not on the axes.
     */
    static double[][] heat(Inputs in, List<Comparable<?>> xs, List<Comparable<?>> ys) {
        Function<SweepRunner.Point, Comparable<?>> fx = parameter(in.heatmap().get(0));
        Function<SweepRunner.Point, Comparable<?>> fy = parameter(in.heatmap().get(1));
        double[][] sum = new double[xs.size()][ys.size()];
        int[][] count = new int[xs.size()][ys.size()];
        WalkForward.Result r = in.result();
        double ppy = in.session().periodsPerYear();
        for (int k = 0; k < in.points().size(); k++) {
            SweepRunner.Point p = in.points().get(k);
            double score = r.objective().score(r.candidateNavs()[k], ppy,
                in.candidates().get(k).config().sizing().targetVol(), r.windows().rollingBars());
            int x = xs.indexOf(fx.apply(p));
            int y = ys.indexOf(fy.apply(p));
            sum[x][y] += r.objective() == WalkForward.Objective.TRACKING_ERROR ? -score : score;
            count[x][y]++;
        }
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                sum[x][y] /= count[x][y];
            }
        }
        return sum;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Comparable<?>> values(List<SweepRunner.Point> points, String name) {
        TreeSet set = new TreeSet();
        for (SweepRunner.Point p : points) {
            set.add(parameter(name).apply(p));
        }
        return new ArrayList<>(set);
    }

    private static void writeHeatmap(Inputs in, Path file) throws IOException {
        List<Comparable<?>> xs = values(in.points(), in.heatmap().get(0));
        List<Comparable<?>> ys = values(in.points(), in.heatmap().get(1));
        double[][] heat = heat(in, xs, ys);
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < xs.size(); x++) {
            for (int y = 0; y < ys.size(); y++) {
                cells.add(new Number[] {x, y, heat[x][y]});
            }
        }
        String metric = in.result().objective() == WalkForward.Objective.TRACKING_ERROR
            ? "rolling-vol tracking error" : "Sharpe ratio";
        HeatMapChart c = new HeatMapChartBuilder().width(900).height(600)
            .title(metric + " over " + date(in.session().bars().epochSeconds()[in.result().oosFrom()]) + " .. "
                + date(in.session().bars().epochSeconds()[in.result().oosFrom() + in.result().oosNav().length - 1]))
            .xAxisTitle(in.heatmap().get(0)).yAxisTitle(in.heatmap().get(1)).build();
        c.getStyler().setShowValue(true);
        c.getStyler().setHeatMapValueDecimalPattern("0.000");
        c.addSeries(metric, xs.stream().map(String::valueOf).toList(), ys.stream().map(String::valueOf).toList(), cells);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static String html(Inputs in) {
        WalkForward.Result r = in.result();
        long[] t = in.session().bars().epochSeconds();
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>volvault walk-forward</title>")
            .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}")
            .append("th:first-child,td:first-child{text-align:left}table{border-collapse:collapse}")
            .append("tr:nth-child(even){background:#f3f3f3}</style></head><body><h1>volvault walk-forward</h1><p>")
            .append(escape(in.pricesFile())).append(": ").append(in.candidates().size()).append(" candidates, ")
            .append(r.folds().size()).append(r.windows().anchored() ? " anchored" : " rolling").append(" folds of ")
            .append(r.windows().trainBars()).append(" training and ").append(r.windows().testBars())
            .append(" test bars, objective ").append(r.objective().cliName()).append("; out of sample ")
            .append(date(t[r.oosFrom()])).append(" .. ").append(date(t[r.oosFrom() + r.oosNav().length - 1]))
            .append(".</p><h2>Out of sample against the hindsight pick (").append(pct(in.oos().level()))
            .append(" stationary-bootstrap intervals)</h2><table><tr><th></th><th>CAGR</th><th>vol</th><th>Sharpe</th>")
            .append("<th>max DD</th></tr>");
        row(h, "walk-forward, out of sample", in.oos());
        row(h, "hindsight pick, in sample: " + r.hindsight(), in.is());
        h.append("</table>");
        if (in.trials() != null) {
            ManyTrials m = in.trials();
            h.append(String.format(Locale.ROOT, "<p>Hindsight pick among %d configurations: Deflated Sharpe Ratio "
                    + "<b>%.3f</b> (its Sharpe %.3f a bar against %.3f expected of the best of %d unskilled ones); "
                    + "probability of backtest overfitting (CSCV on Sharpe, %d blocks) <b>%.2f</b>.</p>", m.trials(),
                m.deflatedSharpe(), m.pickedSharpe(), m.expectedMaxSharpe(), m.trials(), m.splits(), m.pbo()));
        }
        pathsTable(h, in);
        h.append("<p><img src=\"").append(EQUITY_PNG).append("\" alt=\"equity\"></p><p><img src=\"")
            .append(HEATMAP_PNG).append("\" alt=\"heatmap\"> (mean over the other swept parameters)</p>")
            .append("<h2>Folds: in sample against out of sample</h2><table><tr><th>test window</th><th>chosen</th>")
            .append("<th>IS score</th><th>OOS score</th><th>IS Sharpe</th><th>OOS Sharpe</th><th>OOS return</th></tr>");
        for (WalkForward.Fold f : r.folds()) {
            h.append("<tr><td>").append(date(t[f.trainTo()])).append(" .. ").append(date(t[f.testTo() - 1]))
                .append("</td><td>").append(escape(f.chosen())).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.4f</td><td>%.4f</td><td>%.2f</td><td>%.2f</td><td>%s",
                    f.isScore(), f.oosScore(), f.isSharpe(), f.oosSharpe(), pct(f.oosReturn())))
                .append("</td></tr>");
        }
        return h.append("</table><p>Scores: minus the rolling-vol tracking error, or the Sharpe ratio; higher is ")
            .append("better. Each test window starts from cash at its training window's last close.</p></body></html>\n")
            .toString();
    }

    /** Every path's figures, then their mean [min, max]. */
    private static void pathsTable(StringBuilder h, Inputs in) {
        long[] t = in.session().bars().epochSeconds();
        h.append("<h2>Over the ").append(in.paths().size()).append(" roll-weekday start paths</h2><p>The whole ")
            .append("walk-forward from each of the first ").append(in.paths().size()).append(" days, so a weekly roll ")
            .append("falls on each weekday; the intervals above and the folds below are path 0's.</p><table><tr>")
            .append("<th>path</th><th>out of sample</th><th>folds</th><th>OOS CAGR</th><th>OOS vol</th>")
            .append("<th>OOS Sharpe</th><th>OOS max DD</th><th>hindsight pick</th><th>its CAGR</th><th>its Sharpe</th>")
            .append("<th>DSR</th><th>PBO</th></tr>");
        for (int k = 0; k < in.paths().size(); k++) {
            PathFigures p = in.paths().get(k);
            double[] v = p.values();
            h.append("<tr><td>").append(k).append("</td><td>").append(date(t[p.oosFrom()])).append(" .. ")
                .append(date(t[p.oosTo()])).append("</td><td>").append(p.folds()).append("</td><td>")
                .append(pct(v[0])).append("</td><td>").append(pct(v[1])).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.2f", v[2])).append("</td><td>").append(pct(v[3]))
                .append("</td><td>").append(escape(p.hindsight())).append("</td><td>").append(pct(v[4]))
                .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", v[6])).append("</td><td>")
                .append(number(v[10], "%.3f")).append("</td><td>").append(number(v[11], "%.2f")).append("</td></tr>");
        }
        h.append("<tr><th>mean [min, max]</th><td></td><td></td>");
        int[] shown = {0, 1, 2, 3, -1, 4, 6, 10, 11};
        String[] formats = {"pct", "pct", "%.2f", "pct", "", "pct", "%.2f", "%.3f", "%.2f"};
        for (int c = 0; c < shown.length; c++) {
            if (shown[c] < 0) {
                h.append("<td></td>");
                continue;
            }
            double[] v = overPaths(in.paths(), shown[c]);
            h.append("<td>").append(formats[c].equals("pct")
                ? String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * v[0], 100 * v[1], 100 * v[2])
                : number(v[0], formats[c]) + " [" + number(v[1], formats[c]) + ", " + number(v[2], formats[c]) + "]")
                .append("</td>");
        }
        h.append("</tr></table>");
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    private static void row(StringBuilder h, String name, StationaryBootstrap.Intervals ci) {
        h.append("<tr><td>").append(escape(name)).append("</td><td>").append(interval(ci.cagr(), true))
            .append("</td><td>").append(interval(ci.vol(), true)).append("</td><td>").append(interval(ci.sharpe(), false))
            .append("</td><td>").append(interval(ci.maxDrawdown(), true)).append("</td></tr>");
    }

    private static String interval(StationaryBootstrap.Interval i, boolean percent) {
        return percent
            ? String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.estimate(), 100 * i.lower(), 100 * i.upper())
            : String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.estimate(), i.lower(), i.upper());
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String date(long epochSeconds) {
        return BacktestSession.date(epochSeconds);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
