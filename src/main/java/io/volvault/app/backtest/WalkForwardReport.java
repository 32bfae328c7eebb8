package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.knowm.xchart.BitmapEncoder;
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
                  WalkForward.Result result, ManyTrials trials, List<String> heatmap, int resamples, long seed,
                  String pricesFile, List<PathFigures> paths) {}

    /** The bootstrapped figures, in the order of {@link StationaryBootstrap#annualFigures}. */
    private static final List<String> BOOTSTRAPPED = List.of("cagr", "vol", "sharpe", "max_drawdown");

    /**
     * The figures of paths.csv, in order, all summarised over the paths: the out-of-sample and the
     * hindsight pick's CAGR, vol, Sharpe and max drawdown, the mean fold Sharpe in and out of sample,
     * DSR and PBO, then each bootstrapped figure's interval bounds and the two mean block lengths.
     */
    static final List<String> PATH_FIGURES = pathFigures();

    private static List<String> pathFigures() {
        List<String> names = new ArrayList<>();
        for (String side : List.of("oos", "hindsight")) {
            for (String f : BOOTSTRAPPED) {
                names.add(side + "_" + f);
            }
        }
        names.addAll(List.of("mean_fold_is_sharpe", "mean_fold_oos_sharpe", "deflated_sharpe_ratio", "pbo"));
        for (String side : List.of("oos", "hindsight")) {
            for (String f : BOOTSTRAPPED) {
                names.add(side + "_" + f + "_lower");
                names.add(side + "_" + f + "_upper");
            }
        }
        names.addAll(List.of("oos_block_length", "hindsight_block_length"));
        return List.copyOf(names);
    }

    /** The index of a figure in {@link #PATH_FIGURES}. */
    static int figure(String name) {
        return PATH_FIGURES.indexOf(name);
    }

    /**
     * One roll-weekday path's walk-forward: where it starts, its folds, its hindsight pick and the
     * values of {@link #PATH_FIGURES} (DSR and PBO NaN for a single candidate).
     */
    record PathFigures(int oosFrom, int oosTo, int folds, String hindsight, double[] values) {

        /** The path's figures, with stationary-bootstrap intervals (two-sided {@code level}) of both equities. */
        static PathFigures of(WalkForward.Result r, double ppy, ManyTrials trials, int resamples, double level,
                              long seed) {
            StationaryBootstrap.Intervals oos = StationaryBootstrap.intervals(Performance.returns(r.oosNav()), ppy,
                Double.NaN, resamples, level, seed);
            StationaryBootstrap.Intervals is = StationaryBootstrap.intervals(Performance.returns(r.hindsightNav()), ppy,
                Double.NaN, resamples, level, seed);
            double isSharpe = 0;
            double oosSharpe = 0;
            for (WalkForward.Fold f : r.folds()) {
                isSharpe += f.isSharpe() / r.folds().size();
                oosSharpe += f.oosSharpe() / r.folds().size();
            }
            double[] v = new double[PATH_FIGURES.size()];
            int i = 0;
            for (StationaryBootstrap.Intervals ci : List.of(oos, is)) {
                for (StationaryBootstrap.Interval x : intervals(ci)) {
                    v[i++] = x.estimate();
                }
            }
            v[i++] = isSharpe;
            v[i++] = oosSharpe;
            v[i++] = trials == null ? Double.NaN : trials.deflatedSharpe();
            v[i++] = trials == null ? Double.NaN : trials.pbo();
            for (StationaryBootstrap.Intervals ci : List.of(oos, is)) {
                for (StationaryBootstrap.Interval x : intervals(ci)) {
                    v[i++] = x.lower();
                    v[i++] = x.upper();
                }
            }
            v[i++] = oos.blockLength();
            v[i] = is.blockLength();
            return new PathFigures(r.oosFrom(), r.oosFrom() + r.oosNav().length - 1, r.folds().size(), r.hindsight(), v);
        }

        /** "estimate [lower, upper]" of a figure of {@link #BOOTSTRAPPED} on side oos or hindsight. */
        String interval(String side, String figure, boolean percent) {
            String name = side + "_" + figure;
            return ReportHtml.interval(values[figure(name)], values[figure(name + "_lower")],
                values[figure(name + "_upper")], percent);
        }
    }

    /** CAGR, vol, Sharpe and max drawdown intervals, in the order of {@link #BOOTSTRAPPED}. */
    static List<StationaryBootstrap.Interval> intervals(StationaryBootstrap.Intervals ci) {
        return List.of(ci.cagr(), ci.vol(), ci.sharpe(), ci.maxDrawdown());
    }

    /** {mean, min, max} over the paths of figure {@code i} of {@link #PATH_FIGURES}. */
    static double[] overPaths(List<PathFigures> paths, int i) {
        return SweepRunner.overPaths(paths.stream().mapToDouble(p -> p.values()[i]).toArray());
    }

    /**
     * The console lines, mean [min, max] over the paths: out-of-sample and hindsight CAGR and Sharpe,
     * the mean bounds of their intervals, the hindsight pick's DSR and PBO.
     */
    static String pathsLine(List<PathFigures> paths, double level) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "over %d roll-weekday paths, mean [min, max]; "
            + "%s bootstrap interval, mean of its bounds:%n", paths.size(), ReportHtml.pct(level)));
        for (String side : List.of("oos", "hindsight")) {
            double[] cagr = overPaths(paths, figure(side + "_cagr"));
            double[] sharpe = overPaths(paths, figure(side + "_sharpe"));
            s.append(String.format(Locale.ROOT, "  %s: CAGR %s, interval [%.1f, %.1f]; Sharpe %s, interval [%.2f, %.2f]%n",
                side.equals("oos") ? "out of sample" : "hindsight pick", ReportHtml.interval(cagr[0], cagr[1], cagr[2], true),
                100 * overPaths(paths, figure(side + "_cagr_lower"))[0],
                100 * overPaths(paths, figure(side + "_cagr_upper"))[0], ReportHtml.interval(sharpe[0], sharpe[1],
                    sharpe[2], false), overPaths(paths, figure(side + "_sharpe_lower"))[0],
                overPaths(paths, figure(side + "_sharpe_upper"))[0]));
        }
        double[] dsr = overPaths(paths, figure("deflated_sharpe_ratio"));
        double[] pbo = overPaths(paths, figure("pbo"));
        if (!Double.isNaN(dsr[0])) {
            s.append(String.format(Locale.ROOT, "  hindsight pick's DSR %.3f [%.3f, %.3f], PBO %.2f [%.2f, %.2f]%n",
                dsr[0], dsr[1], dsr[2], pbo[0], pbo[1], pbo[2]));
        }
        return s.toString();
    }

    /** Writes every file, all or none ({@link SweepOutput#writeFolder}). */
    static void write(Path out, Inputs in) throws IOException {
        SweepOutput.writeFolder(out, dir -> writeFiles(dir, in));
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
        root.put("hindsight", r.hindsight());
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("method", "stationary (Politis-Romano), mean block length the larger of Politis-White's for the "
            + "returns and for their squares; percentile intervals of every path's out-of-sample and hindsight equity "
            + "(roll_weekday_paths: <figure>_lower, <figure>_upper, <side>_block_length)");
        boot.put("resamples", in.resamples());
        boot.put("level", SweepRunner.LEVEL);
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
            + "starts k days after path 0), all to the same last bar, each with its own bootstrap intervals; "
            + "folds.csv, equity.csv, fold_table and many_trials are path 0's");
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

    /** Each candidate's objective score over path 0's out-of-sample span (minus the tracking error: higher is better). */
    private static void writeHeatmap(Inputs in, Path file) throws IOException {
        WalkForward.Result r = in.result();
        double ppy = in.session().periodsPerYear();
        double[] score = new double[in.points().size()];
        for (int k = 0; k < score.length; k++) {
            double s = r.objective().score(r.candidateNavs()[k], ppy,
                in.candidates().get(k).config().sizing().targetVol(), r.windows().rollingBars());
            score[k] = r.objective() == WalkForward.Objective.TRACKING_ERROR ? -s : s;
        }
        String metric = r.objective() == WalkForward.Objective.TRACKING_ERROR
            ? "minus the rolling-vol tracking error" : "Sharpe ratio";
        long[] t = in.session().bars().epochSeconds();
        Heatmap.write(file, in.points(), score, in.heatmap(), metric, metric + " over " + date(t[r.oosFrom()]) + " .. "
            + date(t[r.oosFrom() + r.oosNav().length - 1]) + " (path 0)");
    }

    private static String html(Inputs in) {
        WalkForward.Result r = in.result();
        long[] t = in.session().bars().epochSeconds();
        StringBuilder h = ReportHtml.page("volvault walk-forward").append("<p>")
            .append(escape(in.pricesFile())).append(": ").append(in.candidates().size()).append(" candidates, ")
            .append(r.windows().anchored() ? "anchored" : "rolling").append(" folds of ")
            .append(r.windows().trainBars()).append(" training and ").append(r.windows().testBars())
            .append(" test bars, objective ").append(r.objective().cliName()).append(", run from each of ")
            .append(in.paths().size()).append(" roll-weekday start days (path k starts k days after path 0, so a ")
            .append("weekly roll falls on each weekday). Path 0: ").append(r.folds().size()).append(" folds, out of ")
            .append("sample ").append(date(t[r.oosFrom()])).append(" .. ")
            .append(date(t[r.oosFrom() + r.oosNav().length - 1])).append(".</p>");
        summaryTable(h, in);
        if (in.trials() != null) {
            ManyTrials m = in.trials();
            h.append(String.format(Locale.ROOT, "<p>Path 0's hindsight pick among %d configurations: Deflated Sharpe "
                    + "Ratio <b>%.3f</b> (its Sharpe %.3f a bar against %.3f expected of the best of %d unskilled "
                    + "ones); probability of backtest overfitting (CSCV on Sharpe, %d blocks) <b>%.2f</b>.</p>",
                m.trials(), m.deflatedSharpe(), m.pickedSharpe(), m.expectedMaxSharpe(), m.trials(), m.splits(), m.pbo()));
        }
        pathsTable(h, in);
        h.append("<h2>Path 0: out-of-sample equity against the in-sample hindsight pick's</h2><p><img src=\"")
            .append(EQUITY_PNG).append("\" alt=\"equity\"></p><p><img src=\"").append(HEATMAP_PNG)
            .append("\" alt=\"heatmap\"> (path 0; mean over the other swept parameters)</p>")
            .append("<h2>Path 0's folds: in sample against out of sample</h2><table><tr><th>test window</th>")
            .append("<th>chosen</th><th>IS score</th><th>OOS score</th><th>IS Sharpe</th><th>OOS Sharpe</th>")
            .append("<th>OOS return</th></tr>");
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

    /**
     * Out of sample against the hindsight pick over the paths: each figure's mean [min, max], and
     * the mean of its interval bounds with the widest interval (the lowest lower, the highest upper).
     */
    private static void summaryTable(StringBuilder h, Inputs in) {
        h.append("<h2>Out of sample against the hindsight pick, over the ").append(in.paths().size())
            .append(" paths</h2><p>Each cell: the mean over the paths [min, max]; below it the ")
            .append(pct(SweepRunner.LEVEL)).append(" stationary-bootstrap interval (").append(in.resamples())
            .append(" resamples, seed ").append(in.seed()).append(") with its bounds averaged over the paths, then ")
            .append("the widest bounds of any path.</p><table><tr><th></th><th>CAGR</th><th>vol</th><th>Sharpe</th>")
            .append("<th>max DD</th></tr>");
        for (String side : List.of("oos", "hindsight")) {
            h.append("<tr><td>").append(side.equals("oos") ? "walk-forward, out of sample" : "hindsight pick, in sample")
                .append("</td>");
            for (String f : BOOTSTRAPPED) {
                boolean percent = !f.equals("sharpe");
                double[] v = overPaths(in.paths(), figure(side + "_" + f));
                double[] lo = overPaths(in.paths(), figure(side + "_" + f + "_lower"));
                double[] hi = overPaths(in.paths(), figure(side + "_" + f + "_upper"));
                h.append("<td>").append(ReportHtml.interval(v[0], v[1], v[2], percent)).append("<br><small>")
                    .append(bounds(lo[0], hi[0], percent)).append(", widest ").append(bounds(lo[1], hi[2], percent))
                    .append("</small></td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String bounds(double lower, double upper, boolean percent) {
        return percent ? String.format(Locale.ROOT, "[%.1f, %.1f]", 100 * lower, 100 * upper)
            : String.format(Locale.ROOT, "[%.2f, %.2f]", lower, upper);
    }

    /** Every path's figures with their intervals, then the mean [min, max] of each. */
    private static void pathsTable(StringBuilder h, Inputs in) {
        long[] t = in.session().bars().epochSeconds();
        h.append("<h2>Every roll-weekday start path</h2><p>Each figure with its ").append(pct(SweepRunner.LEVEL))
            .append(" bootstrap interval.</p><table><tr><th>path</th><th>out of sample</th><th>folds</th>")
            .append("<th>OOS CAGR</th><th>OOS vol</th><th>OOS Sharpe</th><th>OOS max DD</th><th>hindsight pick</th>")
            .append("<th>its CAGR</th><th>its Sharpe</th><th>DSR</th><th>PBO</th></tr>");
        for (int k = 0; k < in.paths().size(); k++) {
            PathFigures p = in.paths().get(k);
            double[] v = p.values();
            h.append("<tr><td>").append(k).append("</td><td>").append(date(t[p.oosFrom()])).append(" .. ")
                .append(date(t[p.oosTo()])).append("</td><td>").append(p.folds());
            for (String f : BOOTSTRAPPED) {
                h.append("</td><td>").append(p.interval("oos", f, !f.equals("sharpe")));
            }
            h.append("</td><td>").append(escape(p.hindsight())).append("</td><td>")
                .append(p.interval("hindsight", "cagr", true)).append("</td><td>")
                .append(p.interval("hindsight", "sharpe", false)).append("</td><td>")
                .append(ReportHtml.number(v[figure("deflated_sharpe_ratio")], "%.3f")).append("</td><td>")
                .append(ReportHtml.number(v[figure("pbo")], "%.2f")).append("</td></tr>");
        }
        h.append("<tr><th>mean [min, max]</th><td></td><td></td>");
        List<String> shown = List.of("oos_cagr", "oos_vol", "oos_sharpe", "oos_max_drawdown", "", "hindsight_cagr",
            "hindsight_sharpe", "deflated_sharpe_ratio", "pbo");
        List<String> formats = List.of("pct", "pct", "%.2f", "pct", "", "pct", "%.2f", "%.3f", "%.2f");
        for (int c = 0; c < shown.size(); c++) {
            if (shown.get(c).isEmpty()) {
                h.append("<td></td>");
                continue;
            }
            double[] v = overPaths(in.paths(), figure(shown.get(c)));
            String f = formats.get(c);
            h.append("<td>").append(f.equals("pct") ? ReportHtml.interval(v[0], v[1], v[2], true)
                : ReportHtml.number(v[0], f) + " [" + ReportHtml.number(v[1], f) + ", " + ReportHtml.number(v[2], f) + "]")
                .append("</td>");
        }
        h.append("</tr></table>");
    }

    private static String pct(double v) {
        return ReportHtml.pct(v);
    }

    private static String date(long epochSeconds) {
        return BacktestSession.date(epochSeconds);
    }

    private static String escape(String s) {
        return ReportHtml.escape(s);
    }
}
