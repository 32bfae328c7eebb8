package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.io.PriceBarsCsv;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.Garch11;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code volvault vol}: realized volatility of an OHLC price file, or a GARCH(1,1) fit. */
@Command(
    name = "vol",
    mixinStandardHelpOptions = true,
    description = {
        "Realized volatility from OHLC bars (CSV timestamp,open,high,low,close[,volume], oldest first),"
            + " printed as timestamp,vol CSV, annualised; each value uses the bars up to its timestamp only.",
        "Estimators: close-to-close, ewma, parkinson, garman-klass, rogers-satchell, yang-zhang;"
            + " garch fits GARCH(1,1) to close-to-close log returns by maximum likelihood and prints"
            + " the parameters and a variance forecast."})
public final class VolCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--prices", required = true, paramLabel = "FILE", description = "OHLC CSV, oldest first.")
    Path prices;

    @Option(names = "--estimator", required = true, paramLabel = "NAME",
        description = "close-to-close, ewma, parkinson, garman-klass, rogers-satchell, yang-zhang or garch.")
    String estimator;

    @Option(names = "--window", paramLabel = "N",
        description = "Bars per rolling window (for ewma: the span, lambda = (N - 1) / (N + 1)).")
    Integer window;

    @Option(names = "--lambda", paramLabel = "L", description = "ewma only: decay in (0, 1), instead of --window.")
    Double lambda;

    @Option(names = "--half-life", paramLabel = "BARS", description = "ewma only: half-life in bars, instead of --window.")
    Double halfLife;

    @Option(names = "--periods-per-year", paramLabel = "P",
        description = "Bars per year for annualising (default: inferred from the median bar spacing,"
            + " 365 for daily, 8760 for hourly).")
    Double periodsPerYear;

    @Option(names = "--forecast", paramLabel = "STEPS", defaultValue = "30",
        description = "garch only: bars to forecast (default: ${DEFAULT-VALUE}).")
    int forecastSteps;

    @Override
    public Integer call() throws IOException {
        boolean garch = estimator.trim().equalsIgnoreCase("garch");
        Estimator chosen = garch ? null : UserInputException.checking(() -> Estimator.parse(estimator));
        checkOptions(chosen);
        PriceBars bars = PriceBarsCsv.read(prices);
        double perYear = periodsPerYear != null ? periodsPerYear : bars.inferredPeriodsPerYear();
        PrintWriter out = spec.commandLine().getOut();
        if (garch) {
            printGarch(bars, perYear, out);
        } else {
            VolSeries series = UserInputException.checking(() -> rolling(chosen, bars, perYear));
            String[] times = PriceBarsCsv.formatTimes(bars);
            out.println("timestamp,vol");
            for (int i = series.firstIndex(); i < series.size(); i++) {
                out.println(times[i] + "," + series.at(i));
            }
        }
        out.flush();
        spec.commandLine().getErr().println(periodsPerYear != null
            ? "volvault vol: annualised with " + perYear + " periods per year (given)"
            : "volvault vol: annualised with " + perYear + " periods per year, inferred from the median bar"
                + " spacing of " + 365.0 * 24.0 / perYear + " h; --periods-per-year overrides");
        return 0;
    }

    /** Refuses option combinations that do not fit the estimator, before any work. */
    private void checkOptions(Estimator chosen) {
        if (periodsPerYear != null && (!(periodsPerYear > 0.0) || !Double.isFinite(periodsPerYear))) {
            throw new UserInputException("--periods-per-year " + periodsPerYear + " must be positive");
        }
        if (chosen == null) {
            requireAbsent("--window", window, "garch");
            requireAbsent("--lambda", lambda, "garch");
            requireAbsent("--half-life", halfLife, "garch");
            if (forecastSteps < 1) {
                throw new UserInputException("--forecast " + forecastSteps + " must be at least 1");
            }
            return;
        }
        if (chosen != Estimator.EWMA) {
            requireAbsent("--lambda", lambda, chosen.cliName());
            requireAbsent("--half-life", halfLife, chosen.cliName());
        }
        int given = (window != null ? 1 : 0) + (lambda != null ? 1 : 0) + (halfLife != null ? 1 : 0);
        if (given != 1) {
            throw new UserInputException(chosen == Estimator.EWMA
                ? "--estimator ewma needs exactly one of --window, --lambda, --half-life"
                : "--estimator " + chosen.cliName() + " needs --window");
        }
    }

    private VolSeries rolling(Estimator chosen, PriceBars bars, double perYear) {
        if (lambda != null) {
            return RealizedVol.ewma(bars, lambda, perYear);
        }
        if (halfLife != null) {
            return RealizedVol.ewma(bars, RealizedVol.lambdaFromHalfLife(halfLife), perYear);
        }
        return RealizedVol.rolling(chosen, bars, window, perYear);
    }

    private void printGarch(PriceBars bars, double perYear, PrintWriter out) {
        double[] returns = bars.logReturns();
        Garch11 fit = Garch11.fit(returns);
        out.println("parameter,value");
        out.println("returns," + returns.length);
        out.println("mu," + fit.mu());
        out.println("omega," + fit.omega());
        out.println("alpha," + fit.alpha());
        out.println("beta," + fit.beta());
        out.println("persistence," + fit.persistence());
        out.println("log_likelihood," + fit.logLikelihood());
        if (fit.persistence() < 1.0) {
            out.println("long_run_vol," + Math.sqrt(fit.longRunVariance() * perYear));
        }
        out.println();
        out.println("step,variance,vol");
        double[] forecast = fit.forecastVariance(returns, forecastSteps);
        for (int k = 0; k < forecast.length; k++) {
            out.println((k + 1) + "," + forecast[k] + "," + Math.sqrt(forecast[k] * perYear));
        }
    }

    private static void requireAbsent(String option, Object value, String estimatorName) {
        if (value != null) {
            throw new UserInputException(option + " does not apply to --estimator " + estimatorName);
        }
    }
}
