package io.volvault.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.volvault.app.backtest.WalkForwardCommand;
import io.volvault.app.cli.UserErrorHandler;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** walkforward on the embedded Spark master writes exactly what the in-process engine writes. */
class SparkWalkForwardTest {

    private static final Path ROOT = Path.of(System.getProperty("volvault.root"));
    private static final String[] ARGS = {"--prices", ROOT.resolve("src/data/btc_usd_daily.csv").toString(),
        "--iv", ROOT.resolve("src/data/dvol/btc_dvol.csv").toString(), "--from", "2022-01-01", "--to", "2023-12-31",
        "--target-vols", "0.3,0.5", "--estimators", "ewma,yang-zhang", "--windows", "20", "--deltas", "0.1,0.2",
        "--tenors", "7", "--train-days", "120", "--test-days", "60", "--objective", "sharpe", "--resamples", "200",
        "--cscv-splits", "4"};

    static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void outputsEqualTheInProcessEngine(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("threads");
        Path b = tmp.resolve("spark");
        int code = new CommandLine(new WalkForwardCommand()).setExecutionExceptionHandler(new UserErrorHandler())
            .execute(with(ARGS, "--out", a.toString()));
        assertEquals(0, code);
        String[] spark = with(new String[] {"walkforward"}, with(ARGS, "--engine", "spark", "--master", "local[2]",
            "--out", b.toString()));
        assertEquals(0, Main.run(spark));
        for (String f : List.of("folds.csv", "equity.csv", "paths.csv", "summary.json")) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        // 2022-01-01 .. 2023-12-31: 730 bars, training 120, (730 - 120) / 60 = 10 folds.
        assertEquals(11, Files.readAllLines(b.resolve("folds.csv")).size());
    }

    @Test
    void aDeadMasterOrAnUnknownCommandIsExitTwo(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = tmp.resolve("wf");
        assertEquals(2, Main.run(with(new String[] {"walkforward"}, with(ARGS, "--master", "spark://127.0.0.1:" + port,
            "--connect-timeout", "1", "--out", out.toString()))));
        assertFalse(Files.exists(out));
        assertEquals(2, Main.run("backtest", "--prices", "x"));
        assertEquals(2, Main.run());
    }
}
