package io.volvault.app.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.ArbitrageViolation;
import io.volvault.greeks.surface.ChainFit;
import io.volvault.greeks.surface.SliceFit;
import io.volvault.strategy.backtest.ChainBacktester;
import io.volvault.strategy.backtest.ChainTrade;
import io.volvault.strategy.backtest.ModelVsChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes what {@code backtest} writes plus the recorded chains' own files: {@value #TRADES} (one
 * row per option sale or settlement), {@value #FITS} (one row per snapshot and expiry: the fit
 * against Deribit's mark IV, and the snapshot's arbitrage flags) and {@value #MODEL} (each sale
 * priced again by the model backtest's SkewModel), with their statistics under {@code chains} in
 * summary.json.
 */
final class ChainReport {

    static final String TRADES = "trades.csv";
    static final String FITS = "fits.csv";
    static final String MODEL = "model_vs_chain.csv";

    private ChainReport() {}

    static ObjectNode write(ChainSession.Result r, Path dir) throws IOException {
        ObjectNode[] chains = new ObjectNode[1];
        BacktestReport.write(r.outcome(), dir, summary -> chains[0] = chains(summary.putObject("chains"), r));
        writeTrades(r, dir.resolve(TRADES));
        writeFits(r, dir.resolve(FITS));
        writeModel(r, dir.resolve(MODEL));
        return chains[0];
    }

    private static ObjectNode chains(ObjectNode c, ChainSession.Result r) {
        c.put("fill", r.fill().name().toLowerCase(Locale.ROOT));
        c.put("snapshots", r.days().size());
        c.put("first_snapshot", Instant.ofEpochSecond(r.days().get(0).epochSeconds()).toString());
        c.put("last_snapshot", Instant.ofEpochSecond(r.days().get(r.days().size() - 1).epochSeconds()).toString());
        ObjectNode fit = c.putObject("fit");
        List<Double> rms = new ArrayList<>();
        int failed = 0;
        int butterfly = 0;
        int calendar = 0;
        int flagged = 0;
        for (ChainFit f : r.fits()) {
            for (SliceFit s : f.slices()) {
                if (s.slice() == null) {
                    failed++;
                } else {
                    rms.add(s.rmsIvErrorVsMark());
                }
            }
            List<ArbitrageViolation> flags = f.surface().arbitrage();
            flagged += flags.isEmpty() ? 0 : 1;
            butterfly += (int) flags.stream().filter(v -> v.kind() == ArbitrageViolation.Kind.BUTTERFLY).count();
            calendar += (int) flags.stream().filter(v -> v.kind() == ArbitrageViolation.Kind.CALENDAR).count();
        }
        double[] v = rms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        fit.put("slices", v.length + failed);
        fit.put("slices_fitted", v.length);
        fit.put("slices_failed", failed);
        fit.put("rms_iv_error_vs_mark_mean", Arrays.stream(v).average().orElse(Double.NaN));
        fit.put("rms_iv_error_vs_mark_median", quantile(v, 0.5));
        fit.put("rms_iv_error_vs_mark_p95", quantile(v, 0.95));
        fit.put("rms_iv_error_vs_mark_max", v.length == 0 ? Double.NaN : v[v.length - 1]);
        fit.put("snapshots_with_arbitrage_flags", flagged);
        fit.put("butterfly_flags", butterfly);
        fit.put("calendar_flags", calendar);
        ObjectNode per = c.putObject("strategies");
        for (ChainBacktester.ChainRun run : r.runs()) {
            ObjectNode s = per.putObject(run.run().name());
            s.put("sales", run.trades().stream().filter(t -> t.side().equals(ChainTrade.SELL)).count());
            s.put("settlements", run.trades().stream().filter(t -> t.side().equals(ChainTrade.SETTLE)).count());
            s.put("unfilled", run.unfilled());
            s.put("undecided_snapshots", run.undecided().size());
            if (!run.undecided().isEmpty()) {
                s.put("first_undecided", run.undecided().get(0));
            }
            s.put("premium_usd", run.run().premium());
            for (OptionType type : OptionType.values()) {
                List<ModelVsChain.Row> rows = r.model().stream()
                    .filter(m -> m.sale().strategy().equals(run.run().name()) && m.type() == type).toList();
                if (!rows.isEmpty()) {
                    bias(s.putObject(type.name().toLowerCase(Locale.ROOT) + "s"), rows);
                }
            }
        }
        return c;
    }

    /** The model's bias over some sales: premium ratio, IVs, premium in % of the index, round P&L. */
    private static void bias(ObjectNode b, List<ModelVsChain.Row> rows) {
        double[] ratio = rows.stream().mapToDouble(ModelVsChain.Row::premiumRatio).toArray();
        b.put("sales", rows.size());
        b.put("model_over_real_premium_mean", Arrays.stream(ratio).average().orElseThrow());
        b.put("model_over_real_premium_min", Arrays.stream(ratio).min().orElseThrow());
        b.put("model_over_real_premium_max", Arrays.stream(ratio).max().orElseThrow());
        b.put("real_premium_pct_of_index_mean", mean(rows, m -> 100 * m.fillUsd() / m.sale().indexUsd(), x -> true));
        b.put("model_premium_pct_of_index_mean", mean(rows, m -> 100 * m.modelPremiumUsd() / m.sale().indexUsd(), x -> true));
        b.put("fill_iv_mean", mean(rows, ModelVsChain.Row::fillIv, m -> Double.isFinite(m.fillIv())));
        b.put("mark_iv_mean", mean(rows, ModelVsChain.Row::markIv, x -> true));
        b.put("model_iv_mean", mean(rows, ModelVsChain.Row::modelIv, x -> true));
        Predicate<ModelVsChain.Row> settled = m -> Double.isFinite(m.payoffUsd());
        b.put("settled", rows.stream().filter(settled).count());
        b.put("real_round_pnl_usd", rows.stream().filter(settled).mapToDouble(m -> m.sale().size() * m.realPnlUsd()).sum());
        b.put("model_round_pnl_usd", rows.stream().filter(settled).mapToDouble(m -> m.sale().size() * m.modelPnlUsd()).sum());
        b.put("real_pnl_pct_of_index_mean", mean(rows, m -> 100 * m.realPnlUsd() / m.sale().indexUsd(), settled));
        b.put("model_pnl_pct_of_index_mean", mean(rows, m -> 100 * m.modelPnlUsd() / m.sale().indexUsd(), settled));
        b.put("dvol_sales", rows.stream().filter(m -> m.modelSource().startsWith("DVOL")).count());
    }

    private static double mean(List<ModelVsChain.Row> rows, java.util.function.ToDoubleFunction<ModelVsChain.Row> f,
                               Predicate<ModelVsChain.Row> keep) {
        return rows.stream().filter(keep).mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static void writeTrades(ChainSession.Result r, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("timestamp,strategy,instrument,side,size,price_usd,bid_usd,ask_usd,index_usd");
            for (ChainBacktester.ChainRun run : r.runs()) {
                for (ChainTrade t : run.trades()) {
                    out.println(String.join(",", Instant.ofEpochSecond(t.epochSeconds()).toString(), t.strategy(),
                        t.instrument(), t.side(), num(t.size()), num(t.priceUsd()), num(t.bidUsd()), num(t.askUsd()),
                        num(t.indexUsd())));
                }
            }
        }
    }

    private static void writeFits(ChainSession.Result r, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("timestamp,expiry_years,points,rms_iv_error,rms_iv_error_vs_mark,arbitrage_flags,failure");
            for (int i = 0; i < r.fits().size(); i++) {
                ChainFit f = r.fits().get(i);
                String time = Instant.ofEpochSecond(r.days().get(i).epochSeconds()).toString();
                int flags = f.surface().arbitrage().size();
                for (SliceFit s : f.slices()) {
                    out.println(String.join(",", time, num(s.expiryYears()), Integer.toString(s.points()),
                        num(s.rmsIvError()), num(s.rmsIvErrorVsMark()), Integer.toString(flags),
                        s.failure() == null ? "" : '"' + s.failure().replace('"', '\'') + '"'));
                }
            }
        }
    }

    private static void writeModel(ChainSession.Result r, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("timestamp,strategy,instrument,size,years,index_usd,forward_usd,fill_usd,model_premium_usd,"
                + "model_over_real,fill_iv,mark_iv,model_iv,model_atm_vol,model_atm_source,payoff_usd,real_pnl_usd,model_pnl_usd");
            for (ModelVsChain.Row m : r.model()) {
                ChainTrade t = m.sale();
                out.println(String.join(",", Instant.ofEpochSecond(t.epochSeconds()).toString(), t.strategy(),
                    t.instrument(), num(t.size()), num(m.years()), num(t.indexUsd()), num(m.forward()), num(m.fillUsd()),
                    num(m.modelPremiumUsd()), num(m.premiumRatio()), num(m.fillIv()), num(m.markIv()), num(m.modelIv()),
                    num(m.modelAtm()), m.modelSource(), num(m.payoffUsd()), num(m.realPnlUsd()), num(m.modelPnlUsd())));
            }
        }
    }

    /** A number as Java prints it (round-trips exactly); empty for NaN. */
    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
