package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.io.ChainCsv;
import io.volvault.app.io.DeribitChainCsv;
import io.volvault.greeks.surface.ArbitrageViolation;
import io.volvault.greeks.surface.ChainFit;
import io.volvault.greeks.surface.ChainFitter;
import io.volvault.greeks.surface.OptionQuote;
import io.volvault.greeks.surface.SliceFit;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.backtest.ChainDay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code volvault surface}: fits raw SVI per expiry to an option chain and reports static arbitrage.
 * A slice that cannot be fitted is reported and skipped; only a chain with no fittable slice is refused.
 */
@Command(
    name = "surface",
    mixinStandardHelpOptions = true,
    description = "Fits a raw SVI smile per expiry to an option chain and prints the parameters per expiry,"
        + " the slices that could not be fitted and why, then any butterfly (Durrleman g(k) < 0) or calendar"
        + " (total variance falling in T) arbitrage with where it occurs. The fit minimises the implied-vol error,"
        + " weighted by the inverse bid/ask width in vol for --deribit.")
public final class SurfaceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--chain", paramLabel = "FILE", description = "Chain CSV: expiry,strike,forward,iv or"
            + " expiry,strike,forward,bid_iv,ask_iv (expiry in years, vols as fractions).")
        Path chain;

        @Option(names = "--deribit", paramLabel = "FILE", description = "Deribit option-chain CSV or .csv.gz in the"
            + " format of the recorded chains (prices in coin; needs --asset).")
        Path deribit;
    }

    @Option(names = "--asset", paramLabel = "BTC|ETH", description = "With --deribit: the currency to fit.")
    String asset;

    @Option(names = "--at", paramLabel = "TIMESTAMP", description = "With --deribit: the snapshot whose UTC time"
        + " (as 2026-01-05T09:25:11Z) starts with this, e.g. a day 2026-01-05; needed when the file has several.")
    String at;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (source.chain != null) {
            if (asset != null || at != null) {
                throw new UserInputException("--asset and --at go with --deribit, not --chain");
            }
            ChainFit fit = fitted(source.chain, ChainFitter.fitIvs(ChainCsv.read(source.chain)));
            out.println("expiry,forward,quotes,a,b,rho,m,sigma,atm_vol,skew,rms_iv_error");
            for (SliceFit slice : fit.slices().stream().filter(SliceFit::fitted).toList()) {
                out.println(row(fit.surface(), slice) + String.format(Locale.ROOT, ",%.2e", slice.rmsIvError()));
            }
            report(out, fit);
        } else {
            if (asset == null) {
                throw new UserInputException("--deribit needs --asset (BTC or ETH)");
            }
            ChainDay snapshot = snapshot(source.deribit, asset.toUpperCase(Locale.ROOT), at);
            List<OptionQuote> quotes = snapshot.quotes();
            ChainFit fit = fitted(source.deribit, ChainFitter.fit(quotes));
            out.printf(Locale.ROOT, "%s %s: %d quotes, %d expiries%n", snapshot.currency(),
                Instant.ofEpochSecond(snapshot.epochSeconds()), quotes.size(), fit.slices().size());
            out.println("expiry,forward,points,a,b,rho,m,sigma,atm_vol,skew,rms_iv_error,rms_iv_error_vs_mark");
            for (SliceFit slice : fit.slices().stream().filter(SliceFit::fitted).toList()) {
                out.println(row(fit.surface(), slice) + String.format(Locale.ROOT, ",%.6f,%.6f", slice.rmsIvError(),
                    slice.rmsIvErrorVsMark()));
            }
            report(out, fit);
        }
        out.flush();
        return 0;
    }

    /**
     * The one snapshot of {@code asset} whose UTC time starts with {@code at}; with {@code at} null, the
     * file must hold one snapshot of it. Read by the same reader as {@code backtest --chains}.
     */
    private static ChainDay snapshot(Path file, String asset, String at) throws IOException {
        List<ChainDay> all = DeribitChainCsv.read(List.of(file), asset);
        List<ChainDay> chosen = all.stream()
            .filter(d -> at == null || Instant.ofEpochSecond(d.epochSeconds()).toString().startsWith(at)).toList();
        if (chosen.size() == 1) {
            return chosen.get(0);
        }
        String span = Instant.ofEpochSecond(all.get(0).epochSeconds()) + " .. "
            + Instant.ofEpochSecond(all.get(all.size() - 1).epochSeconds());
        if (chosen.isEmpty()) {
            throw new UserInputException(file + ": no " + asset + " snapshot at " + at + " (" + all.size()
                + " from " + span + ")");
        }
        throw new UserInputException(file + ": " + chosen.size() + " " + asset + " snapshots"
            + (at == null ? "" : " at " + at) + " (" + span + "): choose one with --at");
    }

    /** The fit, refused as bad input when not one slice could be fitted. */
    private static ChainFit fitted(Path file, ChainFit fit) {
        if (fit.surface() == null) {
            throw new UserInputException(file + ": no expiry could be fitted: " + String.join("; ",
                fit.failures().stream().map(SliceFit::failure).toList()));
        }
        return fit;
    }

    private static String row(VolSurface surface, SliceFit slice) {
        SviParams p = slice.slice().params();
        return String.format(Locale.ROOT, "%s,%s,%d,%.8g,%.8g,%.8g,%.8g,%.8g,%.6f,%.6f", slice.expiryYears(),
            slice.slice().forward(), slice.points(), p.a(), p.b(), p.rho(), p.m(), p.sigma(),
            surface.atmVol(slice.expiryYears()), surface.skew(slice.expiryYears()));
    }

    private static void report(PrintWriter out, ChainFit fit) {
        List<SliceFit> failures = fit.failures();
        if (!failures.isEmpty()) {
            out.println();
            out.println("not fitted: " + failures.size() + " expiry(ies), skipped");
            failures.forEach(failure -> out.println(failure.failure()));
        }
        List<ArbitrageViolation> arbitrage = fit.surface().arbitrage();
        out.println();
        if (arbitrage.isEmpty()) {
            out.printf("arbitrage: none found (each expiry scanned over |k| <= %s ATM standard deviations)%n",
                VolSurface.SCAN_STANDARD_DEVIATIONS);
        } else {
            out.println("arbitrage: " + arbitrage.size() + " region(s)");
            arbitrage.forEach(violation -> out.println(violation.description()));
        }
    }
}
