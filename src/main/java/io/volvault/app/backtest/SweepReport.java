package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * A sweep's summary.json, report.html and heatmap PNG, the same from both engines: the pick of
 * each roll-weekday path (the best Sharpe) with its bootstrap intervals, Deflated Sharpe Ratio and
 * the sweep's PBO, each path's and their mean [min, max]; the configurations ranked by mean Sharpe;
 * and a heatmap of a metric (its mean over the paths) over two swept parameters.
 */
public final class SweepReport {

    static final String HEATMAP_PNG = "heatmap.png";
    /** Configurations listed in the report, best mean Sharpe first. */
    static final int RANKED = 20;

    private SweepReport() {}

    /** The report's options, on both engines. */
    public static final class Options {

        @Option(names = "--report", paramLabel = "DIR",
            description = "folder of summary.json, report.html and heatmap.png (default: --out without its "
                + "extension, plus -report)")
        Path report;

        @Option(names = "--heatmap-metric", paramLabel = "NAME", defaultValue = "sharpe",
            description = "the heatmap's metric, its mean over the paths: a metric column of the CSV without _mean "
                + "(default ${DEFAULT-VALUE})")
        String heatmapMetric;

        /** The report folder for the CSV {@code out}. */
        public Path folder(Path out) {
            if (report != null) {
                return report;
            }
            String name = out.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-report");
        }

        /** The heatmap's metric, checked: its index in {@link SweepRunner#METRICS}. */
        public int heatmapMetric() {
            int i = SweepRunner.METRICS.indexOf(heatmapMetric);
            if (i < 0) {
                throw new UserInputException("--heatmap-metric '" + heatmapMetric + "' must be one of "
                    + String.join(", ", SweepRunner.METRICS));
            }
            return i;
        }
    }

    /** What the report shows; {@code metric} is the heatmap's, an index of {@link SweepRunner#METRICS}. */
    public record Inputs(SweepRunner runner, String pricesFile, String engine, List<SweepRunner.Row> rows,
                         SweepRunner.Trials trials, SweepRunner.Paths paths, List<String> heatmap, int metric) {}

    /** The report's inputs for a sweep of the command line's {@code input}. */
    public static Inputs inputs(InputOptions input, SweepRunner runner, String engine, List<SweepRunner.Row> rows,
                                SweepRunner.Trials trials, SweepRunner.Paths paths, List<String> heatmap, int metric) {
        return new Inputs(runner, input.prices.toString(), engine, rows, trials, paths, heatmap, metric);
    }

    /** summary.json, report.html and the heatmap into {@code dir}. */
    static void writeFiles(Path dir, Inputs in) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(dir.resolve("summary.json").toFile(), summary(json, in));
        List<SweepRunner.Point> points = in.rows().stream().map(SweepRunner.Row::point).toList();
        double[] value = new double[points.size()];
        for (int i = 0; i < value.length; i++) {
            SweepRunner.Row r = in.rows().get(i);
            value[i] = r.error() == null ? SweepRunner.overPaths(SweepRunner.metricOverPaths(r, in.metric()))[0]
                : Double.NaN;
        }
        String metric = SweepRunner.METRICS.get(in.metric());
        Heatmap.write(dir.resolve(HEATMAP_PNG), points, value, in.heatmap(), metric, metric + ", mean over the "
            + SweepRunner.PATHS + " roll-weekday paths and the other swept parameters");
        Files.writeString(dir.resolve("report.html"), html(in));
    }

    /** The pick of path k: its row's index (-1 under 2 trials). */
    private static int pick(Inputs in, int k) {
        return in.trials().picked()[k];
    }

    /** Bootstrap figure {@code name} of each path's pick (NaN under 2 trials). */
    private static double[] ofPicks(Inputs in, String name) {
        double[] v = new double[SweepRunner.PATHS];
        for (int k = 0; k < v.length; k++) {
            v[k] = pick(in, k) < 0 ? Double.NaN
                : in.rows().get(pick(in, k)).intervals()[k][SweepRunner.BOOTSTRAP.indexOf(name)];
        }
        return v;
    }

    /** Each path's pick's DSR (NaN under 2 trials). */
    private static double[] pickDsr(Inputs in) {
        double[] v = new double[SweepRunner.PATHS];
        for (int k = 0; k < v.length; k++) {
            v[k] = pick(in, k) < 0 ? Double.NaN : in.trials().dsr()[pick(in, k)][k];
        }
        return v;
    }

    private static ObjectNode summary(ObjectMapper json, Inputs in) {
        long[] t = in.runner().session().bars().epochSeconds();
        SweepRunner.Paths p = in.paths();
        ObjectNode root = json.createObjectNode();
        root.put("prices", in.pricesFile());
        root.put("engine", in.engine());
        root.put("data_hash", in.runner().dataHash());
        root.put("configurations", in.rows().size());
        root.put("trials", in.trials().count());
        root.put("failed", in.rows().size() - in.trials().count());
        ObjectNode boot = root.putObject("bootstrap");
        boot.put("method", "stationary (Politis-Romano), mean block length the larger of Politis-White's for the "
            + "returns and for their squares; percentile intervals on every roll-weekday path of every "
            + "configuration (the CSV's <metric>_lower and <metric>_upper columns: mean, min, max over the paths)");
        boot.put("resamples", p.resamples());
        boot.put("level", SweepRunner.LEVEL);
        boot.put("seed", p.seed());
        ObjectNode trials = root.putObject("many_trials");
        trials.put("pick", "the best Sharpe on each path");
        trials.put("pbo_metric", "sharpe");
        trials.put("cscv_splits", p.splits());
        ObjectNode paths = root.putObject("roll_weekday_paths");
        paths.put("paths", SweepRunner.PATHS);
        paths.put("method", "every configuration from each of the first " + SweepRunner.PATHS + " days of the grid's "
            + "common bars (path k starts k days after path 0), all to the same last bar");
        ArrayNode per = paths.putArray("per_path");
        List<String> figures = pickFigures();
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            ObjectNode n = per.addObject();
            n.put("from", BacktestSession.date(t[p.from()[k]]));
            n.put("to", BacktestSession.date(t[p.to() - 1]));
            if (pick(in, k) >= 0) {
                n.put("pick", SweepRunner.label(in.rows().get(pick(in, k)).point()));
            } else {
                n.putNull("pick");
            }
            for (String f : figures) {
                putNumber(n, f, pickFigure(in, f)[k]);
            }
        }
        for (int j = 0; j < SweepRunner.OVER_PATHS.size(); j++) {
            ObjectNode n = paths.putObject(SweepRunner.OVER_PATHS.get(j));
            for (String f : figures) {
                putNumber(n, f, SweepRunner.overPaths(pickFigure(in, f))[j]);
            }
        }
        ObjectNode heat = root.putObject("heatmap");
        heat.put("x", in.heatmap().get(0));
        heat.put("y", in.heatmap().get(1));
        heat.put("metric", SweepRunner.METRICS.get(in.metric()));
        heat.put("file", HEATMAP_PNG);
        return root;
    }

    /** The pick's figures in summary.json: its bootstrap figures, DSR and the PBO. */
    private static List<String> pickFigures() {
        List<String> f = new ArrayList<>(SweepRunner.BOOTSTRAP);
        f.addAll(List.of("deflated_sharpe_ratio", "pbo"));
        return f;
    }

    private static double[] pickFigure(Inputs in, String name) {
        return switch (name) {
            case "deflated_sharpe_ratio" -> pickDsr(in);
            case "pbo" -> in.trials().pbo();
            default -> ofPicks(in, name);
        };
    }

    /** A number, or null where it is undefined (NaN). */
    private static void putNumber(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    private static final List<String> SHOWN = List.of("cagr", "annualized_vol", "sharpe", "max_drawdown");

    private static String html(Inputs in) {
        long[] t = in.runner().session().bars().epochSeconds();
        SweepRunner.Paths p = in.paths();
        StringBuilder h = ReportHtml.page("volvault sweep").append("<p>").append(ReportHtml.escape(in.pricesFile()))
            .append(": ").append(in.rows().size()).append(" configurations (").append(in.rows().size() - in.trials().count())
            .append(" failed), engine ").append(in.engine()).append(", data hash ").append(in.runner().dataHash())
            .append(". Every configuration ran from each of ").append(SweepRunner.PATHS)
            .append(" roll-weekday start days (path k starts k days after path 0, so a weekly roll falls on each ")
            .append("weekday), ").append(BacktestSession.date(t[p.from()[0]])).append(" .. ")
            .append(BacktestSession.date(t[p.to() - 1])).append(". Intervals: ").append(ReportHtml.pct(SweepRunner.LEVEL))
            .append(" stationary bootstrap, ").append(p.resamples()).append(" resamples, seed ").append(p.seed())
            .append("; PBO by CSCV on Sharpe in ").append(p.splits()).append(" blocks.</p>");
        picksTable(h, in);
        h.append("<h2>Heatmap</h2><p><img src=\"").append(HEATMAP_PNG).append("\" alt=\"heatmap\"></p>");
        rankedTable(h, in);
        return h.append("</body></html>\n").toString();
    }

    /** The pick of each path with its intervals, DSR and the PBO; then the mean [min, max] over the paths. */
    private static void picksTable(StringBuilder h, Inputs in) {
        long[] t = in.runner().session().bars().epochSeconds();
        h.append("<h2>The best Sharpe of each path</h2>");
        if (in.trials().count() < 2) {
            h.append("<p>No DSR or PBO: ").append(in.trials().count())
                .append(" configuration(s) ran without an error, they need 2.</p>");
            return;
        }
        h.append("<table><tr><th>path</th><th>from</th><th>pick</th><th>CAGR</th><th>vol</th><th>Sharpe</th>")
            .append("<th>max DD</th><th>DSR</th><th>PBO</th></tr>");
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            SweepRunner.Row r = in.rows().get(pick(in, k));
            double[] ci = r.intervals()[k];
            h.append("<tr><td>").append(k).append("</td><td>").append(BacktestSession.date(t[in.paths().from()[k]]))
                .append("</td><td>").append(ReportHtml.escape(SweepRunner.label(r.point()))).append("</td>");
            for (String m : SHOWN) {
                int i = SweepRunner.BOOTSTRAP.indexOf("boot_" + m);
                h.append("<td>").append(ReportHtml.interval(ci[i], ci[i + 1], ci[i + 2], !m.equals("sharpe")))
                    .append("</td>");
            }
            h.append("<td>").append(ReportHtml.number(in.trials().dsr()[pick(in, k)][k], "%.3f")).append("</td><td>")
                .append(ReportHtml.number(in.trials().pbo()[k], "%.2f")).append("</td></tr>");
        }
        h.append("<tr><th>mean [min, max]</th><td></td><td></td>");
        for (String m : SHOWN) {
            double[] v = SweepRunner.overPaths(ofPicks(in, "boot_" + m));
            double[] lo = SweepRunner.overPaths(ofPicks(in, m + "_lower"));
            double[] hi = SweepRunner.overPaths(ofPicks(in, m + "_upper"));
            boolean percent = !m.equals("sharpe");
            h.append("<td>").append(ReportHtml.interval(v[0], v[1], v[2], percent)).append("<br><small>lower bound ")
                .append(ReportHtml.interval(lo[0], lo[1], lo[2], percent)).append(", upper bound ")
                .append(ReportHtml.interval(hi[0], hi[1], hi[2], percent)).append("</small></td>");
        }
        double[] dsr = SweepRunner.overPaths(pickDsr(in));
        double[] pbo = SweepRunner.overPaths(in.trials().pbo());
        h.append(String.format(Locale.ROOT, "<td>%.3f [%.3f, %.3f]</td><td>%.2f [%.2f, %.2f]</td></tr></table>",
            dsr[0], dsr[1], dsr[2], pbo[0], pbo[1], pbo[2]));
    }

    /** The configurations by mean Sharpe over the paths, the best {@link #RANKED}, each mean with its mean interval. */
    private static void rankedTable(StringBuilder h, Inputs in) {
        int sharpe = SweepRunner.METRICS.indexOf("sharpe");
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < in.rows().size(); i++) {
            if (in.rows().get(i).error() == null) {
                ok.add(i);
            }
        }
        ok.sort(Comparator.comparingDouble(
            i -> -SweepRunner.overPaths(SweepRunner.metricOverPaths(in.rows().get(i), sharpe))[0]));
        h.append("<h2>Configurations by mean Sharpe over the paths (the best ").append(Math.min(RANKED, ok.size()))
            .append(" of ").append(ok.size()).append(")</h2><p>Each cell: the bootstrap estimate's mean over the ")
            .append("paths with the mean of each interval bound.</p><table><tr><th>configuration</th><th>CAGR</th>")
            .append("<th>vol</th><th>Sharpe</th><th>max DD</th><th>DSR</th></tr>");
        for (int i : ok.subList(0, Math.min(RANKED, ok.size()))) {
            SweepRunner.Row r = in.rows().get(i);
            h.append("<tr><td>").append(ReportHtml.escape(SweepRunner.label(r.point()))).append("</td>");
            for (String m : SHOWN) {
                h.append("<td>").append(ReportHtml.interval(mean(r, "boot_" + m), mean(r, m + "_lower"),
                    mean(r, m + "_upper"), !m.equals("sharpe"))).append("</td>");
            }
            double[] dsr = SweepRunner.overPaths(in.trials().dsr()[i]);
            h.append("<td>").append(ReportHtml.number(dsr[0], "%.3f")).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static double mean(SweepRunner.Row r, String name) {
        return SweepRunner.overPaths(SweepRunner.intervalOverPaths(r, name))[0];
    }
}
