package io.volvault.bench;

import com.opengamma.strata.pricer.impl.option.BlackScholesFormulaRepository;
import io.volvault.greeks.BatchGreeks;
import io.volvault.greeks.GreeksColumns;
import java.util.concurrent.TimeUnit;
import net.finmath.functions.AnalyticFormulas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Black-Scholes price, delta, gamma, vega and theta for a batch of one million options, single
 * threaded; scores are options per second. Ours compute all nine Greeks of {@code GreeksColumns}
 * (the peers only the five); finmath has no dividend yield and its Greeks are for calls, so it
 * prices every row as a call without yield (same amount of work per row).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(GreeksBenchmark.OPTIONS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class GreeksBenchmark {

    static final int OPTIONS = 1_000_000;

    private OptionSample o;
    private GreeksColumns out;
    private double[] price;
    private double[] delta;
    private double[] gamma;
    private double[] vega;
    private double[] theta;

    @Setup
    public void setUp() {
        o = new OptionSample(OPTIONS, 42);
        out = new GreeksColumns(OPTIONS);
        price = new double[OPTIONS];
        delta = new double[OPTIONS];
        gamma = new double[OPTIONS];
        vega = new double[OPTIONS];
        theta = new double[OPTIONS];
    }

    @Benchmark
    public GreeksColumns oursScalar() {
        BatchGreeks.blackScholesScalar(o.call, o.spot, o.strike, o.expiry, o.vol, o.rate, o.yield, out);
        return out;
    }

    @Benchmark
    public GreeksColumns oursVector() {
        BatchGreeks.blackScholes(o.call, o.spot, o.strike, o.expiry, o.vol, o.rate, o.yield, out);
        return out;
    }

    @Benchmark
    public double[] strata() {
        for (int i = 0; i < OPTIONS; i++) {
            double s = o.spot[i];
            double k = o.strike[i];
            double t = o.expiry[i];
            double v = o.vol[i];
            double r = o.rate[i];
            double b = r - o.yield[i];
            boolean c = o.call[i];
            price[i] = BlackScholesFormulaRepository.price(s, k, t, v, r, b, c);
            delta[i] = BlackScholesFormulaRepository.delta(s, k, t, v, r, b, c);
            gamma[i] = BlackScholesFormulaRepository.gamma(s, k, t, v, r, b);
            vega[i] = BlackScholesFormulaRepository.vega(s, k, t, v, r, b);
            theta[i] = BlackScholesFormulaRepository.theta(s, k, t, v, r, b, c);
        }
        return theta;
    }

    @Benchmark
    public double[] finmath() {
        for (int i = 0; i < OPTIONS; i++) {
            double s = o.spot[i];
            double k = o.strike[i];
            double t = o.expiry[i];
            double v = o.vol[i];
            double r = o.rate[i];
            price[i] = AnalyticFormulas.blackScholesOptionValue(s, r, v, t, k, true);
            delta[i] = AnalyticFormulas.blackScholesOptionDelta(s, r, v, t, k);
            gamma[i] = AnalyticFormulas.blackScholesOptionGamma(s, r, v, t, k);
            vega[i] = AnalyticFormulas.blackScholesOptionVega(s, r, v, t, k);
            theta[i] = AnalyticFormulas.blackScholesOptionTheta(s, r, v, t, k);
        }
        return theta;
    }

    /** The floor: one exp, one log and one sqrt per option, which any closed form needs. */
    @Benchmark
    public void expLogSqrtLoop(Blackhole hole) {
        for (int i = 0; i < OPTIONS; i++) {
            price[i] = Math.exp(-o.rate[i] * o.expiry[i]) + Math.log(o.spot[i] / o.strike[i]) + Math.sqrt(o.expiry[i]);
        }
        hole.consume(price);
    }
}
