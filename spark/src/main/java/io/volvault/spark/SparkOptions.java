package io.volvault.spark;

import io.volvault.app.UserInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Option;

/** The options every Spark command takes, and the Spark context they describe. */
public final class SparkOptions {

    /**
     * Extra options of the executors' JVMs. A standalone worker already adds the --add-opens list
     * Spark 4 needs on JDK 17 (its launch command in the worker log shows them); greeks needs the
     * incubating Vector API.
     */
    static final String EXECUTOR_JVM_OPTIONS = "--add-modules=jdk.incubator.vector";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)])?");

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "spark",
        description = "spark (this engine; without --engine, scripts/volvault runs the in-process one)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
        description = "local, local[N], local[*] (embedded, the default) or spark://HOST:PORT (a standalone cluster)")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
        description = "tasks a batch is cut into (default: 4 per core the master offers)")
    Integer partitions;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "5",
        description = "how long to wait for a spark:// master to answer (default ${DEFAULT-VALUE})")
    int connectTimeout;

    /** Checks the options and, for a spark:// master, that it accepts a connection. */
    void check() {
        if (!engine.equals("spark")) {
            throw new UserInputException("--engine '" + engine + "' must be spark here");
        }
        if (partitions != null && partitions < 1) {
            throw new UserInputException("--partitions " + partitions + " must be at least 1");
        }
        checkMaster(master, connectTimeout);
    }

    /** A context on the master; the project's jars are shipped to a cluster's executors. */
    JavaSparkContext context(String appName) {
        URI cluster = checkMaster(master, connectTimeout);
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(master)
            .set("spark.ui.enabled", "false")
            .set("spark.executor.extraJavaOptions", EXECUTOR_JVM_OPTIONS);
        if (cluster != null) {
            conf.setJars(SparkSweep.applicationJars());
        }
        if (cluster == null || isLoopback(cluster.getHost())) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        JavaSparkContext jsc = new JavaSparkContext(conf);
        jsc.setLogLevel("WARN");
        return jsc;
    }

    /** Tasks for {@code items} on {@code slots} task slots. */
    int tasks(int items, int slots) {
        return partitions != null ? partitions : Math.max(1, Math.min(items, 4 * slots));
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
            throw new UserInputException("--master '" + master
                + "' must be local, local[N], local[*] or spark://HOST:PORT");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutSeconds * 1000);
        } catch (IOException e) {
            throw new UserInputException("--master " + master + " does not answer within " + timeoutSeconds
                + " s (" + e.getMessage() + ")");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost");
    }
}
