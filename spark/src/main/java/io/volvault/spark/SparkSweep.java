package io.volvault.spark;

import io.volvault.app.backtest.InputOptions;
import io.volvault.app.backtest.SweepGrid;
import io.volvault.app.backtest.SweepRunner;
import io.volvault.app.cli.UserErrorHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code volvault sweep --engine spark}: the sweep's grid as a Spark job. The embedded
 * {@code local[*]} master is the default; {@code --master spark://HOST:PORT} runs on a standalone
 * cluster. The inputs ({@link SweepRunner}: bars, implied vol, base config) are broadcast once;
 * each task computes its points with {@link SweepRunner#run}, the in-process engine's own code.
 * Output goes to temporary names and is renamed into place only when the job has succeeded.
 */
@Command(name = "volvault sweep", mixinStandardHelpOptions = true,
    description = "Runs the strategy over a parameter grid on Apache Spark; writes one row per configuration "
        + "(CSV and Parquet).")
public final class SparkSweep implements Callable<Integer> {

    /**
     * Extra options of the executors' JVMs. A standalone worker already adds the --add-opens list
     * Spark 4 needs on JDK 17 (its launch command in the worker log shows them); greeks needs the
     * incubating Vector API.
     */
    static final String EXECUTOR_JVM_OPTIONS = "--add-modules=jdk.incubator.vector";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)])?");

    @Mixin
    InputOptions input;

    @Mixin
    SweepGrid grid;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "spark",
        description = "spark (this engine; without --engine, scripts/volvault runs the in-process one)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
        description = "local, local[N], local[*] (embedded, the default) or spark://HOST:PORT (a standalone cluster)")
    String master;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write")
    Path out;

    @Option(names = "--parquet", paramLabel = "FILE", description = "Parquet file to write (default: --out with .parquet)")
    Path parquet;

    @Option(names = "--partitions", paramLabel = "N",
        description = "tasks the grid is cut into (default: 4 per core the master offers)")
    Integer partitions;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5",
        description = "how long to wait for a spark:// master to answer (default ${DEFAULT-VALUE})")
    int connectTimeout;

    @Spec
    CommandSpec spec;

    /** One computed grid point. */
    record Row(SweepRunner.Point point, double[] values) implements Serializable {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code: 0 ok, 2 bad input, 1 anything else. */
    public static int run(String... args) {
        return new CommandLine(new SparkSweep()).setExecutionExceptionHandler(new UserErrorHandler()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!engine.equals("spark")) {
            throw new IllegalArgumentException("--engine '" + engine + "' must be spark here");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions " + partitions + " must be at least 1");
        }
        Path parquetOut = parquet != null ? parquet : siblingWithExtension(out, ".parquet");
        URI cluster = checkMaster(master, connectTimeout);
        SweepRunner runner = SweepRunner.of(input);
        List<SweepRunner.Point> points = grid.points();
        runner.validate(points);

        SparkConf conf = new SparkConf().setAppName("volvault-sweep").setMaster(master)
            .set("spark.ui.enabled", "false")
            .set("spark.executor.extraJavaOptions", EXECUTOR_JVM_OPTIONS)
            // A task that fails for its input fails the same way on a retry.
            .set("spark.task.maxFailures", "4");
        if (cluster != null) {
            conf.setJars(applicationJars());
            if (isLoopback(cluster.getHost())) {
                conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            }
        } else {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        List<Row> rows;
        double seconds;
        int slots;
        try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
            jsc.setLogLevel("WARN");
            Broadcast<SweepRunner> shared = jsc.broadcast(runner);
            // Bring the executors up and give each the broadcast before the clock starts.
            slots = jsc.defaultParallelism();
            jsc.parallelize(List.of(0, 1, 2, 3), slots).map(i -> shared.value().barCount()).collect();
            slots = jsc.defaultParallelism();
            int tasks = partitions != null ? partitions : Math.min(points.size(), 4 * slots);
            long start = System.nanoTime();
            rows = jsc.parallelize(points, tasks)
                .map(p -> new Row(p, SweepRunner.values(shared.value().run(p))))
                .collect();
            seconds = (System.nanoTime() - start) / 1e9;
        }
        writeAtomically(runner, rows, parquetOut);
        spec.commandLine().getOut().printf(Locale.ROOT,
            "%d configurations in %.2f s on %s (%d task slots, %.1f configurations/s); wrote %s and %s%n",
            rows.size(), seconds, master, slots, rows.size() / seconds, out, parquetOut);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Both files under temporary names first; renamed only when both are whole. */
    private void writeAtomically(SweepRunner runner, List<Row> rows, Path parquetOut) throws IOException {
        Path csvTmp = siblingWithExtension(out, ".partial");
        Path parquetTmp = siblingWithExtension(parquetOut, ".partial");
        for (Path p : new Path[] {out, parquetOut}) {
            if (p.toAbsolutePath().getParent() != null) {
                Files.createDirectories(p.toAbsolutePath().getParent());
            }
        }
        try {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csvTmp))) {
                w.println(SweepRunner.CSV_HEADER);
                for (Row r : rows) {
                    w.println(runner.csvLine(r.point(), r.values(), "spark"));
                }
            }
            SweepParquet.write(parquetTmp, rows, "spark", runner.dataHash());
            Files.move(csvTmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(parquetTmp, parquetOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(csvTmp);
            Files.deleteIfExists(parquetTmp);
        }
    }

    /**
     * Null for an embedded master; for spark://HOST:PORT, its address once a TCP connection to it
     * succeeds (Spark itself would retry for a minute before failing).
     */
    static URI checkMaster(String master, int timeoutSeconds) {
        if (LOCAL.matcher(master).matches()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(master);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"spark".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("--master '" + master
                + "' must be local, local[N], local[*] or spark://HOST:PORT");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutSeconds * 1000);
        } catch (IOException e) {
            throw new IllegalArgumentException("--master " + master + " does not answer within " + timeoutSeconds
                + " s (" + e.getMessage() + ")");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    /**
     * The project's own jars on this JVM's classpath (this module, the application, strategy,
     * greeks): shipped to the executors. Third-party jars come from the cluster's SPARK_HOME/jars.
     */
    static String[] applicationJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("volvault-") || name.startsWith("strategy-")
                    || name.startsWith("greeks-"))) {
                jars.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return jars.toArray(String[]::new);
    }

    private static Path siblingWithExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = extension.equals(".partial") ? name : (dot > 0 ? name.substring(0, dot) : name);
        return file.resolveSibling(stem + extension);
    }
}
