package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.strategy.backtest.BacktestRun;
import io.volvault.strategy.backtest.Metrics;
import io.volvault.strategy.backtest.Performance;
import io.volvault.strategy.research.StationaryBootstrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a backtest's outputs: summary.json, bars.csv, report.html and four PNG charts. */
final class BacktestReport {

    static final String SUMMARY = "summary.json";
    static final String BARS = "bars.csv";
    static final String HTML = "report.html";
    static final String[] CHARTS = {"equity.png", "drawdown.png", "rolling_vol.png", "exposure.png"};

    private BacktestReport() {}

    static void write(BacktestOutcome o, Path dir) throws IOException {
        write(o, dir, summary -> { });
    }

    /** As {@link #write(BacktestOutcome, Path)}, with {@code extra} adding its fields to the summary. */
    static void write(BacktestOutcome o, Path dir, java.util.function.Consumer<ObjectNode> extra) throws IOException {
        Files.createDirectories(dir);
        List<StationaryBootstrap.Intervals> intervals = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (BacktestRun r : o.runs()) {
            try {
                intervals.add(StationaryBootstrap.intervals(Performance.returns(r.nav()), o.history().periodsPerYear(),
                    Double.NaN, BOOTSTRAP_RESAMPLES, 0.95, BOOTSTRAP_SEED));
                unavailable.add(null);
            } catch (IllegalArgumentException e) {
                // Too few bars, or a flat NAV: no block length to estimate. Said, not guessed.
                intervals.add(null);
                unavailable.add(e.getMessage());
            }
        }
        ObjectNode summary = summary(o, intervals, unavailable);
        extra.accept(summary);
        ConfigFile.JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(SUMMARY).toFile(), summary);
        writeBars(o, dir.resolve(BARS));
        writeCharts(o, dir);
        writeHtml(o, intervals, dir.resolve(HTML));
    }

    static ObjectNode summary(BacktestOutcome o, List<StationaryBootstrap.Intervals> intervals,
                              List<String> unavailable) {
        ObjectNode root = ConfigFile.JSON.createObjectNode();
        long[] t = o.history().bars().epochSeconds();
        root.put("prices", o.pricesFile());
        root.put("from", BacktestSession.date(t[o.from()]));
        root.put("to", BacktestSession.date(t[o.to() - 1]));
        root.put("bars", o.to() - o.from());
        root.put("periods_per_year", o.history().periodsPerYear());
        root.put("implied_vol_source", o.impliedSource());
        root.put("implied_vol_proxy_share", o.proxyShare());
        root.put("proxy_premium_ratio", o.config().forecast().proxyPremiumRatio());
        ObjectNode matched = root.putObject("level_matched_fixed_weights");
        o.matchedWeights().forEach(matched::put);
        root.put("target_vol", o.config().sizing().targetVol());
        root.put("rolling_vol_window_days", BacktestSession.ROLLING_DAYS);
        root.put("risk_free_rate", 0.0);
        root.set("config", ConfigFile.JSON.valueToTree(o.config()));
        ArrayNode strategies = putStrategies(root, o.runs(), o.metrics());
        for (int i = 0; i < o.runs().size(); i++) {
            ObjectNode entry = (ObjectNode) strategies.get(i);
            if (intervals.get(i) != null) {
                WalkForwardReport.putIntervals(entry.putObject("bootstrap_95"), intervals.get(i));
            } else {
                entry.put("bootstrap_95_unavailable", unavailable.get(i));
            }
        }
        return root;
    }

    /** Stationary-bootstrap intervals per strategy: resamples and seed (fixed, so a run repeats exactly). */
    static final int BOOTSTRAP_RESAMPLES = 1000;
    static final long BOOTSTRAP_SEED = 1;

    /**
     * The summary's {@code strategies} array, one entry per run: its name and its metrics under
     * the documented names. Shared with {@code allocate}, so both summaries read the same way.
     */
    static ArrayNode putStrategies(ObjectNode root, List<BacktestRun> runs, List<Metrics> metrics) {
        ArrayNode strategies = root.putArray("strategies");
        for (int i = 0; i < runs.size(); i++) {
            ObjectNode entry = strategies.addObject();
            entry.put("name", runs.get(i).name());
            ConfigFile.JSON.<ObjectNode>valueToTree(metrics.get(i)).fields().forEachRemaining(f ->
                // snake_case leaves cvar95 as is; the documented names are cvar_95 and cvar_99.
                entry.set(f.getKey().replaceAll("([a-z])(\\d)", "$1_$2"), f.getValue()));
        }
        return strategies;
    }

    private static void writeBars(BacktestOutcome o, Path file) throws IOException {
        long[] t = o.history().bars().epochSeconds();
        double[] close = o.history().bars().close();
        try (Writer w = Files.newBufferedWriter(file); PrintWriter out = new PrintWriter(w)) {
            StringBuilder header = new StringBuilder("timestamp,close,forecast_vol,implied_vol,implied_is_proxy");
            for (BacktestRun r : o.runs()) {
                header.append(",nav_").append(r.name()).append(",weight_").append(r.name())
                    .append(",short_vega_").append(r.name());
            }
            out.println(header);
            for (int i = o.from(); i < o.to(); i++) {
                StringBuilder row = new StringBuilder();
                row.append(java.time.Instant.ofEpochSecond(t[i])).append(',').append(close[i]).append(',')
                    .append(o.history().forecastVol()[i]).append(',').append(o.history().impliedVol()[i]).append(',')
                    .append(o.history().impliedIsProxy()[i]);
                for (BacktestRun r : o.runs()) {
                    int k = i - o.from();
                    row.append(',').append(r.nav()[k]).append(',').append(r.weight()[k]).append(',')
                        .append(r.shortVega()[k]);
                }
                out.println(row);
            }
        }
    }

    private static void writeCharts(BacktestOutcome o, Path dir) throws IOException {
        long[] t = o.history().bars().epochSeconds();
        List<Date> dates = new ArrayList<>(o.to() - o.from());
        for (int i = o.from(); i < o.to(); i++) {
            dates.add(new Date(t[i] * 1000));
        }
        int window = BacktestSession.rollingWindow(o.history().periodsPerYear(), o.to() - o.from());
        // A log axis only pays when NAVs span more than a decade; otherwise it hides the labels.
        boolean logScale = navSpan(o) > 10;
        XYChart equity = chart(logScale ? "Equity (NAV, log scale)" : "Equity (NAV)", "NAV");
        equity.getStyler().setYAxisLogarithmic(logScale);
        XYChart drawdown = chart("Drawdown", "drawdown");
        XYChart rolling = chart(BacktestSession.ROLLING_DAYS + "-day rolling volatility vs target", "annualised vol");
        XYChart exposure = chart("Exposure (portfolio delta x spot / NAV)", "weight");
        for (BacktestRun r : o.runs()) {
            add(equity, r.name(), dates, r.nav());
            add(drawdown, r.name(), dates, negate(Performance.drawdowns(r.nav())));
            add(exposure, r.name(), dates, r.weight());
            double[] vol = Performance.rollingVol(Performance.returns(r.nav()), window, o.history().periodsPerYear());
            add(rolling, r.name(), dates.subList(dates.size() - vol.length, dates.size()), vol);
        }
        double[] target = new double[dates.size()];
        java.util.Arrays.fill(target, o.config().sizing().targetVol());
        add(rolling, "target", dates, target);
        XYChart[] charts = {equity, drawdown, rolling, exposure};
        for (int i = 0; i < charts.length; i++) {
            BitmapEncoder.saveBitmap(charts[i], dir.resolve(CHARTS[i]).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static double navSpan(BacktestOutcome o) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (BacktestRun r : o.runs()) {
            for (double v : r.nav()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi / lo;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart c = new XYChartBuilder().width(1100).height(520).title(title).xAxisTitle("date").yAxisTitle(yTitle).build();
        // Tick labels carry the full UTC day: ticks need not fall on month starts.
        c.getStyler().setDatePattern("yyyy-MM-dd");
        c.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return c;
    }

    /** One line of {@code values} over {@code dates}, without markers (also the walk-forward report's). */
    static void add(XYChart chart, String name, List<Date> dates, double[] values) {
        List<Double> ys = new ArrayList<>(values.length);
        for (double v : values) {
            ys.add(v);
        }
        XYSeries s = chart.addSeries(name, dates, ys);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }

    private static void writeHtml(BacktestOutcome o, List<StationaryBootstrap.Intervals> intervals, Path file)
            throws IOException {
        StringBuilder h = new StringBuilder();
        long[] t = o.history().bars().epochSeconds();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>volvault backtest</title>")
            .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}")
            .append("th:first-child,td:first-child{text-align:left}table{border-collapse:collapse}")
            .append("tr:nth-child(even){background:#f3f3f3}</style></head><body>")
            .append("<h1>volvault backtest</h1><p>").append(escape(o.pricesFile())).append(", ")
            .append(BacktestSession.date(t[o.from()])).append(" .. ").append(BacktestSession.date(t[o.to() - 1]))
            .append(" (").append(o.to() - o.from()).append(" bars), target vol ")
            .append(pct(o.config().sizing().targetVol())).append("</p><p><b>Implied vol:</b> ")
            .append(escape(o.impliedSource())).append("</p><table><tr><th>strategy</th><th>CAGR</th><th>vol</th>")
            .append("<th>rolling vol mean</th><th>rolling vol TE</th><th>Sharpe</th><th>Sortino</th><th>max DD</th>")
            .append("<th>Calmar</th><th>CVaR 95</th><th>CVaR 99</th><th>skew</th><th>ex. kurt</th>")
            .append("<th>turnover</th><th>costs</th><th>premium</th></tr>");
        for (int i = 0; i < o.runs().size(); i++) {
            Metrics m = o.metrics().get(i);
            h.append("<tr><td>").append(o.runs().get(i).name()).append("</td><td>").append(pct(m.cagr()))
                .append("</td><td>").append(pct(m.annualizedVol())).append("</td><td>").append(pct(m.rollingVolMean()))
                .append("</td><td>").append(pct(m.rollingVolTrackingError())).append("</td><td>").append(num(m.sharpe()))
                .append("</td><td>").append(num(m.sortino())).append("</td><td>").append(pct(m.maxDrawdown()))
                .append("</td><td>").append(num(m.calmar())).append("</td><td>").append(pct(m.cvar95()))
                .append("</td><td>").append(pct(m.cvar99())).append("</td><td>").append(num(m.skewness()))
                .append("</td><td>").append(num(m.kurtosis())).append("</td><td>").append(num(m.turnover()))
                .append("</td><td>").append(String.format(Locale.ROOT, "%,.0f", m.costs())).append("</td><td>")
                .append(String.format(Locale.ROOT, "%,.0f", m.premium())).append("</td></tr>");
        }
        h.append("</table><p>Returns are per-bar NAV returns annualised with ").append(o.history().periodsPerYear())
            .append(" bars a year; Sharpe and Sortino use a 0% risk-free rate; rolling vol over ")
            .append(BacktestSession.ROLLING_DAYS).append(" days; turnover is spot traded per year over mean NAV ")
            .append("(the first allocation left out); costs are pool fees and impact, gas and the option spread; ")
            .append("max drawdown and CVaR are positive fractions.</p>");
        h.append("<h2>95% stationary-bootstrap intervals</h2><table><tr><th>strategy</th><th>CAGR</th><th>vol</th>")
            .append("<th>Sharpe</th><th>max DD</th><th>mean block</th></tr>");
        for (int i = 0; i < o.runs().size(); i++) {
            StationaryBootstrap.Intervals ci = intervals.get(i);
            if (ci == null) {
                continue;
            }
            h.append("<tr><td>").append(o.runs().get(i).name()).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.1f%% .. %.1f%%</td><td>%.1f%% .. %.1f%%</td><td>%.2f .. %.2f"
                        + "</td><td>%.1f%% .. %.1f%%</td><td>%.1f", 100 * ci.cagr().lower(), 100 * ci.cagr().upper(),
                    100 * ci.vol().lower(), 100 * ci.vol().upper(), ci.sharpe().lower(), ci.sharpe().upper(),
                    100 * ci.maxDrawdown().lower(), 100 * ci.maxDrawdown().upper(), ci.blockLength()))
                .append("</td></tr>");
        }
        h.append("</table><p>Resampled per-bar returns in blocks of geometric length (Politis-Romano), mean length ")
            .append("by Politis-White on the returns and their squares; ").append(BOOTSTRAP_RESAMPLES)
            .append(" resamples, seed ").append(BOOTSTRAP_SEED).append("; CAGR here counts bars / bars per year.</p>");
        for (String chart : CHARTS) {
            h.append("<p><img src=\"").append(chart).append("\" alt=\"").append(chart).append("\"></p>");
        }
        h.append("</body></html>\n");
        Files.writeString(file, h);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
