package io.volvault.app.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The sweep's CSV and its summary line, the same from both engines. */
public final class SweepOutput {

    private SweepOutput() {}

    /** The CSV under {@link SweepRunner#CSV_HEADER}, one line per row, written to {@code file} as it goes. */
    public static void writeCsv(Path file, SweepRunner runner, List<SweepRunner.Row> rows, SweepRunner.Trials trials,
                                String engine) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println(SweepRunner.CSV_HEADER);
            for (int i = 0; i < rows.size(); i++) {
                w.println(runner.csvLine(rows.get(i), trials, i, engine));
            }
        }
    }

    /** The CSV under {@link #partial}'s name first, renamed to {@code file} only once whole. */
    static void writeCsvAtomically(Path file, SweepRunner runner, List<SweepRunner.Row> rows,
                                   SweepRunner.Trials trials, String engine) throws IOException {
        Path tmp = partial(file);
        try {
            writeCsv(tmp, runner, rows, trials, engine);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Where a file is written before it is whole: its name with {@code .partial} added. */
    public static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /**
     * The pick of each path (the best Sharpe) with its Deflated Sharpe Ratio, and the probability
     * of backtest overfitting, as mean [min, max] over the paths; or why there are none.
     */
    public static String pickLine(List<SweepRunner.Row> rows, SweepRunner.Trials t) {
        if (t.count() < 2) {
            return "no DSR or PBO: " + t.count() + " configuration(s) ran without an error, they need 2";
        }
        Set<String> picks = new LinkedHashSet<>();
        double[] dsr = new double[SweepRunner.PATHS];
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            picks.add(SweepRunner.label(rows.get(t.picked()[k]).point()));
            dsr[k] = t.dsr()[t.picked()[k]][k];
        }
        double[] d = SweepRunner.overPaths(dsr);
        double[] p = SweepRunner.overPaths(t.pbo());
        return String.format(Locale.ROOT, "best Sharpe of %d configurations on each of %d roll-weekday paths: %s;"
                + " its DSR %.3f [%.3f, %.3f], PBO %.2f [%.2f, %.2f] (mean [min, max] over the paths)",
            t.count(), SweepRunner.PATHS, String.join(" | ", picks), d[0], d[1], d[2], p[0], p[1], p[2]);
    }
}
