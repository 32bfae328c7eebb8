package io.volvault.bench;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;
import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.OptionType;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * Black-76 implied vol from undiscounted prices (rate 0, so both libraries see the same numbers),
 * single threaded, scores in inversions per second. Options: vol 15% to 200%, T one day to two
 * years, out of the money up to 6 standard deviations (Strata fails beyond that) and in the money
 * up to 3, calls and puts mixed. The setup checks that both recover every vol.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ImpliedVolBenchmark.OPTIONS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Benchmark)
public class ImpliedVolBenchmark {

    static final int OPTIONS = 1_000_000;

    private final boolean[] call = new boolean[OPTIONS];
    private final double[] price = new double[OPTIONS];
    private final double[] forward = new double[OPTIONS];
    private final double[] strike = new double[OPTIONS];
    private final double[] expiry = new double[OPTIONS];
    private final double[] vol = new double[OPTIONS];
    private final double[] implied = new double[OPTIONS];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < OPTIONS; i++) {
            call[i] = random.nextBoolean();
            forward[i] = 60_000.0 * Math.exp(random.nextDouble(-0.3, 0.3));
            expiry[i] = Math.exp(random.nextDouble(Math.log(1.0 / 365.0), Math.log(2.0)));
            vol[i] = random.nextDouble(0.15, 2.0);
            // Standard deviations of ln(K/F): out of the money up to 6, in the money up to 3.
            double z = random.nextDouble(-3.0, 6.0) * (call[i] ? 1.0 : -1.0);
            strike[i] = forward[i] * Math.exp(z * vol[i] * Math.sqrt(expiry[i]));
            price[i] = Black76.price(new B76Option(type(i), forward[i], strike[i], expiry[i], vol[i], 0.0));
        }
        check("ours", ours());
        check("strata", strata());
    }

    @Benchmark
    public double[] ours() {
        for (int i = 0; i < OPTIONS; i++) {
            implied[i] = ImpliedVol.black76(type(i), price[i], forward[i], strike[i], expiry[i], 0.0);
        }
        return implied;
    }

    @Benchmark
    public double[] strata() {
        for (int i = 0; i < OPTIONS; i++) {
            implied[i] = BlackFormulaRepository.impliedVolatility(price[i], forward[i], strike[i], expiry[i], call[i]);
        }
        return implied;
    }

    private OptionType type(int i) {
        return call[i] ? OptionType.CALL : OptionType.PUT;
    }

    /** A fast wrong answer is no answer: both must recover the vols before they are timed. */
    private void check(String who, double[] result) {
        double worst = 0.0;
        for (int i = 0; i < OPTIONS; i++) {
            worst = Math.max(worst, Math.abs(result[i] - vol[i]) / vol[i]);
        }
        System.out.printf("%n%s: worst relative vol error %.2e over %d options%n", who, worst, OPTIONS);
        if (!(worst < 1e-6)) {
            throw new IllegalStateException(who + " does not recover the vols: worst relative error " + worst);
        }
    }
}
