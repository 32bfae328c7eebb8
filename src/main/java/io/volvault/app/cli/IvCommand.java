package io.volvault.app.cli;

import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.ImpliedVolException;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault iv}: implied volatility of every option price of a CSV file. */
@Command(
    name = "iv",
    mixinStandardHelpOptions = true,
    description = {
        "Implied volatility of European option prices. CSV in, with a header: type (call|put), spot,",
        "strike, expiry (years, positive), price, rate, yield (optional, default 0), model (optional: bs or",
        "black76; black76 rows give forward instead of spot). CSV out: the input columns, then iv (17",
        "significant digits) and error: empty when the inversion succeeded, else why it failed (a price",
        "outside the no-arbitrage bounds); such rows are still printed. A malformed file exits 2."})
public final class IvCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Option price CSV, or - for stdin.")
    String input;

    @Override
    public Integer call() throws IOException {
        OptionCsv csv = OptionCsv.read(input, System.in);
        csv.requireColumns("type", "strike", "expiry", "price", "rate");
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < csv.size(); row++) {
            List<String> cells = csv.cells(row);
            try {
                cells.add(OptionCsv.format(impliedVol(csv, row)));
                cells.add("");
            } catch (ImpliedVolException e) {
                cells.add("");
                cells.add(e.getMessage());
            }
            rows.add(cells);
        }
        List<String> header = new ArrayList<>(csv.header());
        header.add("iv");
        header.add("error");
        PrintWriter out = spec.commandLine().getOut();
        OptionCsv.write(out, header, rows);
        out.flush();
        return 0;
    }

    /** The implied vol; a malformed row throws IllegalArgumentException, a price no vol fits ImpliedVolException. */
    private static double impliedVol(OptionCsv csv, int row) {
        OptionCsv.Model model = csv.model(row);
        OptionType type = csv.type(row);
        double underlying = csv.underlying(row, model);
        double yield = csv.yield(row, model);
        double strike = csv.number(row, "strike");
        double expiry = csv.number(row, "expiry");
        double price = csv.number(row, "price");
        double rate = csv.number(row, "rate");
        try {
            return model == OptionCsv.Model.BLACK76
                ? ImpliedVol.black76(type, price, underlying, strike, expiry, rate)
                : ImpliedVol.blackScholes(type, price, underlying, strike, expiry, rate, yield);
        } catch (ImpliedVolException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw csv.onLine(row, e);
        }
    }
}
