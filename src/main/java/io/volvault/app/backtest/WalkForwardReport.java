package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.UserInputException;
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
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a walk-forward's outputs: folds.csv, equity.csv, summary.json, report.html and its PNGs. */
final class WalkForwardReport {

    static final String EQUITY_PNG = "oos_vs_is_equity.png";
    static final String HEATMAP_PNG = "heatmap.png";

    private WalkForwardReport() {}

    record Inputs(BacktestSession session, List<SweepRunner.Point> points, List<WalkForward.Candidate> candidates,
                  WalkForward.Result result, StationaryBootstrap.Intervals oos, StationaryBootstrap.Intervals is,
                  ManyTrials trials, List<String> heatmap, long seed, String pricesFile) {}

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

    static void write(Path dir, Inputs in) throws IOException {
        Files.createDirectories(dir);
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
        add(c, "walk-forward, out of sample", dates, r.oosNav());
        add(c, "hindsight pick, in sample: " + r.hindsight(), dates, r.hindsightNav());
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void add(XYChart chart, String name, List<Date> dates, double[] values) {
        List<Double> ys = new ArrayList<>(values.length);
        for (double v : values) {
            ys.add(v);
        }
        XYSeries s = chart.addSeries(name, dates, ys);
        s.setMarker(SeriesMarkers.NONE);
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
