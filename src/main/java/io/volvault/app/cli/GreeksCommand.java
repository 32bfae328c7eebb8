package io.volvault.app.cli;

import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault greeks}: price and Greeks of every option of a CSV file. */
@Command(
    name = "greeks",
    mixinStandardHelpOptions = true,
    description = {
        "Price and Greeks of European options. CSV in, with a header: type (call|put), spot, strike,",
        "expiry (years), vol, rate, yield (optional, default 0), model (optional: bs or black76; black76",
        "rows give forward instead of spot and take no yield). CSV out: the input columns, then",
        "price,delta,gamma,vega,theta,rho,vanna,volga,charm with 17 significant digits.",
        "Units: vega and rho per 1.00 of vol and rate; theta = -dV/dT and charm = -dDelta/dT per year."})
public final class GreeksCommand implements Callable<Integer> {

    static final List<String> GREEKS = List.of("price", "delta", "gamma", "vega", "theta", "rho", "vanna", "volga", "charm");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Option CSV, or - for stdin.")
    String input;

    @Override
    public Integer call() throws IOException {
        OptionCsv csv = OptionCsv.read(input, System.in);
        csv.requireColumns("type", "strike", "expiry", "vol", "rate");
        // Every row is checked before anything is printed: a bad file gives no partial output.
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < csv.size(); row++) {
            Greeks g = greeks(csv, row);
            List<String> cells = csv.cells(row);
            for (double value : new double[] {g.price(), g.delta(), g.gamma(), g.vega(), g.theta(), g.rho(),
                    g.vanna(), g.volga(), g.charm()}) {
                cells.add(OptionCsv.format(value));
            }
            rows.add(cells);
        }
        List<String> header = new ArrayList<>(csv.header());
        header.addAll(GREEKS);
        PrintWriter out = spec.commandLine().getOut();
        OptionCsv.write(out, header, rows);
        out.flush();
        return 0;
    }

    private static Greeks greeks(OptionCsv csv, int row) {
        try {
            OptionCsv.Model model = csv.model(row);
            double underlying = csv.underlying(row, model);
            double yield = csv.yield(row, model);
            double strike = csv.number(row, "strike");
            double expiry = csv.number(row, "expiry");
            double vol = csv.number(row, "vol");
            double rate = csv.number(row, "rate");
            return model == OptionCsv.Model.BLACK76
                ? Black76.greeks(new B76Option(csv.type(row), underlying, strike, expiry, vol, rate))
                : BlackScholes.greeks(new BsOption(csv.type(row), underlying, strike, expiry, vol, rate, yield));
        } catch (IllegalArgumentException e) {
            throw csv.onLine(row, e);
        }
    }
}
