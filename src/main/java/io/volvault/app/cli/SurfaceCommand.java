package io.volvault.app.cli;

import io.volvault.app.io.ChainCsv;
import io.volvault.greeks.surface.ArbitrageViolation;
import io.volvault.greeks.surface.ChainQuote;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault surface}: fits raw SVI per expiry to an option chain and reports static arbitrage. */
@Command(
    name = "surface",
    mixinStandardHelpOptions = true,
    description = "Fits a raw SVI smile per expiry to an option chain (CSV expiry,strike,forward,iv or"
        + " expiry,strike,forward,bid_iv,ask_iv; expiry in years, vols as fractions) and prints the"
        + " parameters per expiry, then any butterfly (Durrleman g(k) < 0) or calendar (total variance"
        + " falling in T) arbitrage with where it occurs.")
public final class SurfaceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--chain", required = true, paramLabel = "FILE", description = "Option chain CSV.")
    Path chain;

    @Override
    public Integer call() throws IOException {
        List<ChainQuote> quotes = ChainCsv.read(chain);
        VolSurface surface;
        try {
            surface = VolSurface.fit(quotes);
        } catch (IllegalArgumentException unfit) {
            throw new IllegalArgumentException(chain + ": " + unfit.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("expiry,forward,quotes,a,b,rho,m,sigma,atm_vol,skew,rms_iv_error");
        for (SviSlice slice : surface.slices()) {
            List<ChainQuote> ofExpiry = quotes.stream().filter(q -> q.expiry() == slice.expiry()).toList();
            SviParams p = slice.params();
            out.printf("%s,%s,%d,%.8g,%.8g,%.8g,%.8g,%.8g,%.6f,%.6f,%.2e%n", slice.expiry(), slice.forward(),
                ofExpiry.size(), p.a(), p.b(), p.rho(), p.m(), p.sigma(), surface.atmVol(slice.expiry()),
                surface.skew(slice.expiry()), rmsIvError(slice, ofExpiry));
        }
        List<ArbitrageViolation> arbitrage = surface.arbitrage();
        out.println();
        if (arbitrage.isEmpty()) {
            out.printf("arbitrage: none found (each expiry scanned over |k| <= %s ATM standard deviations)%n",
                VolSurface.SCAN_STANDARD_DEVIATIONS);
        } else {
            out.println("arbitrage: " + arbitrage.size() + " region(s)");
            arbitrage.forEach(violation -> out.println(violation.description()));
        }
        out.flush();
        return 0;
    }

    private static double rmsIvError(SviSlice slice, List<ChainQuote> quotes) {
        double sum = 0.0;
        for (ChainQuote quote : quotes) {
            double error = slice.iv(quote.strike()) - quote.iv();
            sum += error * error;
        }
        return Math.sqrt(sum / quotes.size());
    }
}
