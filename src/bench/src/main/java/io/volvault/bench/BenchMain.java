package io.volvault.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every {@code *Benchmark} class of this module whose benchmark names match a filter, then
 * prints, for each class, how many times faster each {@code ours*} benchmark is than each other
 * benchmark of the same class (the peers, measured in the same run).
 *
 * <p>Usage: {@code BenchMain [--quick] [FILTER]}. FILTER is a regular expression on
 * {@code ClassName.method} (default: every benchmark); {@code --quick} runs one short warmup and
 * two short measurements, for a rough local reading.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        String filter = ".*";
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("-")) {
                System.err.println("usage: bench [--quick] [FILTER]   (unknown option " + arg + ")");
                System.exit(2);
            } else {
                filter = arg;
            }
        }
        // Every benchmark class of the module is named *Benchmark; JMH matches the filter anywhere
        // in the full name io.volvault.bench.ClassName.method.
        ChainedOptionsBuilder options = new OptionsBuilder().include(filter);
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        printRatios(results);
    }

    /** Within each benchmark class: ours* against every other benchmark, as a speed-up factor. */
    static void printRatios(Collection<RunResult> results) {
        Map<String, Map<String, Result<?>>> byClass = new LinkedHashMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            int dot = name.lastIndexOf('.');
            String className = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            byClass.computeIfAbsent(className, k -> new LinkedHashMap<>())
                .put(name.substring(dot + 1), run.getPrimaryResult());
        }
        System.out.println();
        System.out.println("Ratios (same run; > 1 means ours is faster):");
        for (Map.Entry<String, Map<String, Result<?>>> entry : byClass.entrySet()) {
            List<String> lines = new ArrayList<>();
            Map<String, Result<?>> methods = entry.getValue();
            for (Map.Entry<String, Result<?>> ours : methods.entrySet()) {
                if (!ours.getKey().startsWith("ours")) {
                    continue;
                }
                for (Map.Entry<String, Result<?>> peer : methods.entrySet()) {
                    if (peer.getKey().startsWith("ours")) {
                        continue;
                    }
                    lines.add(String.format("  %-20s %-14s vs %-16s %8.2fx   (%s vs %s)", entry.getKey(), ours.getKey(),
                        peer.getKey(), speedUp(ours.getValue(), peer.getValue()),
                        format(ours.getValue()), format(peer.getValue())));
                }
            }
            lines.forEach(System.out::println);
        }
    }

    /** Throughput scores (ops per time) are better when larger, time-per-op scores when smaller. */
    private static double speedUp(Result<?> ours, Result<?> peer) {
        boolean throughput = ours.getScoreUnit().startsWith("ops/");
        return throughput ? ours.getScore() / peer.getScore() : peer.getScore() / ours.getScore();
    }

    private static String format(Result<?> result) {
        double score = result.getScore();
        String unit = result.getScoreUnit();
        if (unit.equals("ops/s") && score >= 1e5) {
            return String.format("%.2f M/s", score / 1e6);
        }
        return String.format("%.4g %s", score, unit);
    }
}
