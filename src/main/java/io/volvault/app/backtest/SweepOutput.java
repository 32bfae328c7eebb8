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
import java.util.stream.Stream;

/** The sweep's CSV, report folder and summary line, the same from both engines. */
public final class SweepOutput {

    private SweepOutput() {}

    /** Writes one file (or a folder's files) under the name it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path to) throws IOException;
    }

    /** The CSV under {@link SweepRunner#CSV_HEADER}, one line per row, written to {@code file} as it goes. */
    private static void writeCsv(Path file, SweepRunner runner, List<SweepRunner.Row> rows, SweepRunner.Trials trials,
                                String engine) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println(SweepRunner.CSV_HEADER);
            for (int i = 0; i < rows.size(); i++) {
                w.println(runner.csvLine(rows.get(i), trials, i, engine));
            }
        }
    }

    /**
     * The CSV to {@code csv}, the report's files into the folder {@code report} and, unless
     * {@code extra} is null, one more file to {@code extraFile} (the Spark engine's Parquet): each
     * under its {@link #partial} name first, all renamed into place only once all are whole.
     */
    public static void write(Path csv, Path report, SweepReport.Inputs in, Path extraFile, Writer extra)
        throws IOException {
        Path csvTmp = partial(csv);
        Path reportTmp = partial(report);
        Path extraTmp = extra == null ? null : partial(extraFile);
        try {
            for (Path f : extra == null ? List.of(csv, report) : List.of(csv, report, extraFile)) {
                Path parent = f.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            writeCsv(csvTmp, in.runner(), in.rows(), in.trials(), in.engine());
            Files.createDirectories(reportTmp);
            SweepReport.writeFiles(reportTmp, in);
            if (extra != null) {
                extra.write(extraTmp);
            }
            moveFolder(reportTmp, report);
            Files.move(csvTmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (extra != null) {
                Files.move(extraTmp, extraFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(csvTmp);
            deleteFolder(reportTmp);
            if (extraTmp != null) {
                Files.deleteIfExists(extraTmp);
            }
        }
    }

    /**
     * Writes a folder's files into its sibling {@link #partial} folder first and moves them into
     * {@code out} only when all are whole, so a failure leaves no set of files that looks complete.
     */
    static void writeFolder(Path out, Writer files) throws IOException {
        Path tmp = partial(out);
        try {
            Files.createDirectories(tmp);
            files.write(tmp);
            moveFolder(tmp, out);
        } finally {
            deleteFolder(tmp);
        }
    }

    private static void moveFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.move(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.list(dir)) {
                for (Path f : left.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Where a file is written before it is whole: its name with {@code .partial} added. */
    public static Path partial(Path file) {
        return file.resolveSibling(file.getFileName() + ".partial");
    }

    /**
     * The pick of each path (the best Sharpe) with its Deflated Sharpe Ratio, its bootstrap interval
     * of Sharpe, and the probability of backtest overfitting, as mean [min, max] over the paths; or
     * why there are none.
     */
    public static String pickLine(List<SweepRunner.Row> rows, SweepRunner.Trials t) {
        if (t.count() < 2) {
            return "no DSR or PBO: " + t.count() + " configuration(s) ran without an error, they need 2";
        }
        Set<String> picks = new LinkedHashSet<>();
        double[] dsr = new double[SweepRunner.PATHS];
        double[] lower = new double[SweepRunner.PATHS];
        double[] upper = new double[SweepRunner.PATHS];
        for (int k = 0; k < SweepRunner.PATHS; k++) {
            SweepRunner.Row r = rows.get(t.picked()[k]);
            picks.add(SweepRunner.label(r.point()));
            dsr[k] = t.dsr()[t.picked()[k]][k];
            lower[k] = r.intervals()[k][SweepRunner.BOOTSTRAP.indexOf("sharpe_lower")];
            upper[k] = r.intervals()[k][SweepRunner.BOOTSTRAP.indexOf("sharpe_upper")];
        }
        double[] d = SweepRunner.overPaths(dsr);
        double[] p = SweepRunner.overPaths(t.pbo());
        double[] lo = SweepRunner.overPaths(lower);
        double[] hi = SweepRunner.overPaths(upper);
        return String.format(Locale.ROOT, "best Sharpe of %d configurations on each of %d roll-weekday paths: %s;"
                + " its DSR %.3f [%.3f, %.3f], PBO %.2f [%.2f, %.2f], its Sharpe's %.0f%% bootstrap interval from"
                + " %.2f [%.2f, %.2f] to %.2f [%.2f, %.2f] (mean [min, max] over the paths)",
            t.count(), SweepRunner.PATHS, String.join(" | ", picks), d[0], d[1], d[2], p[0], p[1], p[2],
            100 * SweepRunner.LEVEL, lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]);
    }
}
