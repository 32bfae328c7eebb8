package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolCommandTest {

    private static final Path DATA = Path.of(System.getProperty("volvault.root"), "src", "data");

    @TempDir
    Path temp;

    /** Expected values: numpy's sample variance of log-close differences over each 30-day window. */
    @Test
    void closeToCloseOnBitcoinDaily() {
        CapturedRun run = CapturedRun.of("vol", "--prices", DATA.resolve("btc_usd_daily.csv").toString(),
            "--estimator", "close-to-close", "--window", "30");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("timestamp,vol", lines[0]);
        assertEquals(4072 - 30 + 1, lines.length);
        assertCsvValue("2014-10-17", 0.7532366525367761, lines[1]);
        assertCsvValue("2025-11-09", 0.38889606890287337, lines[lines.length - 1]);
        assertTrue(run.err().contains("annualised with 365.0 periods per year, inferred"), run.err());
    }

    @Test
    void yangZhangOnEthereumHourlyInfersHourlyAnnualisation() throws IOException {
        // The last 200 hourly bars, so that the numpy reference sees exactly the same window.
        List<String> all = Files.readAllLines(DATA.resolve("eth_usd_hourly.csv"));
        List<String> tail = new ArrayList<>(List.of(all.get(0)));
        tail.addAll(all.subList(all.size() - 200, all.size()));
        Path file = Files.write(temp.resolve("eth_tail.csv"), tail);

        CapturedRun yz = CapturedRun.of("vol", "--prices", file.toString(), "--estimator", "Yang-Zhang", "--window", "24");
        assertEquals(0, yz.exitCode(), yz.err());
        String[] lines = yz.outLines();
        assertCsvValue("2022-03-23T01:00:00Z", 0.6120420947703565, lines[lines.length - 1]);
        assertEquals(200 - 24 + 1, lines.length);
        assertTrue(yz.err().contains("8760.0 periods per year"), yz.err());

        CapturedRun parkinson = CapturedRun.of("vol", "--prices", file.toString(), "--estimator", "parkinson",
            "--window", "24", "--periods-per-year", "8760");
        String[] parkinsonLines = parkinson.outLines();
        assertCsvValue("2022-03-23T01:00:00Z", 0.6241203640206724, parkinsonLines[parkinsonLines.length - 1]);
        assertTrue(parkinson.err().contains("8760.0 periods per year (given)"), parkinson.err());
    }

    @Test
    void ewmaByHalfLifeAndByLambdaAgree() {
        String file = DATA.resolve("btc_usd_daily.csv").toString();
        CapturedRun byHalfLife = CapturedRun.of("vol", "--prices", file, "--estimator", "ewma", "--half-life", "10");
        CapturedRun byLambda = CapturedRun.of("vol", "--prices", file, "--estimator", "ewma",
            "--lambda", Double.toString(Math.pow(0.5, 0.1)));
        assertEquals(0, byHalfLife.exitCode(), byHalfLife.err());
        assertEquals(byLambda.out(), byHalfLife.out());
        // Seeded with the first squared return: |ln(424.440002 / 457.334015)| * sqrt(365).
        assertCsvValue("2014-09-18", Math.abs(Math.log(424.440002 / 457.334015)) * Math.sqrt(365.0), byHalfLife.outLines()[1]);
    }

    /**
     * GARCH end to end on a price file whose log returns are the DEM/GBP benchmark series / 100:
     * the published estimates (FCP 1996, McCullough and Renfro 1999) in fraction units.
     */
    @Test
    void garchReproducesTheBenchmarkThroughAPriceFile() throws IOException {
        List<String> returnsInPercent = Files.readAllLines(
            Path.of(System.getProperty("volvault.root"), "greeks/src/test/resources/reference/dem2gbp_returns.csv"));
        List<String> rows = new ArrayList<>(List.of("timestamp,open,high,low,close"));
        LocalDate day = LocalDate.of(1984, 1, 3);
        double logPrice = Math.log(100.0);
        rows.add(day + ",100,100,100,100");
        for (String line : returnsInPercent.subList(1, returnsInPercent.size())) {
            logPrice += Double.parseDouble(line) / 100.0;
            day = day.plusDays(1);
            String price = Double.toString(Math.exp(logPrice));
            rows.add(day + "," + price + "," + price + "," + price + "," + price);
        }
        Path file = Files.write(temp.resolve("dem2gbp_prices.csv"), rows);

        CapturedRun run = CapturedRun.of("vol", "--prices", file.toString(), "--estimator", "garch", "--forecast", "3");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("parameter,value", lines[0]);
        assertEquals("returns,1974", lines[1]);
        assertEquals(-0.00619041 / 100, value(lines[2], "mu"), 1e-6 / 100);
        assertEquals(0.0107613 / 1e4, value(lines[3], "omega"), 1e-4 * 0.0107613 / 1e4);
        assertEquals(0.153134, value(lines[4], "alpha"), 1e-4 * 0.153134);
        assertEquals(0.805974, value(lines[5], "beta"), 1e-4 * 0.805974);
        assertEquals(-1106.608 + 1974 * Math.log(100.0), value(lines[7], "log_likelihood"), 1e-3);
        double omega = value(lines[3], "omega");
        double persistence = value(lines[6], "persistence");
        assertEquals(Math.sqrt(omega / (1 - persistence) * 365.0), value(lines[8], "long_run_vol"), 1e-15);
        assertEquals("", lines[9]);
        assertEquals("step,variance,vol", lines[10]);
        String[] first = lines[11].split(",");
        String[] second = lines[12].split(",");
        assertEquals(omega + persistence * Double.parseDouble(first[1]), Double.parseDouble(second[1]), 1e-18);
        assertEquals(Math.sqrt(Double.parseDouble(second[1]) * 365.0), Double.parseDouble(second[2]), 1e-15);
        assertEquals(14, lines.length);
    }

    @Test
    void badRowsExitTwoNamingTheLineAndColumn() throws IOException {
        assertRefused("timestamp,open,high,low,close\n2024-01-01,1,2,1,2\n2024-01-01,1,2,1,2\n",
            "line 3, column 1 (timestamp): 2024-01-01 repeats line 2 (2024-01-01): rows must be oldest first, without duplicates");
        assertRefused("timestamp,open,high,low,close\n2024-01-02,1,2,1,2\n2024-01-01,1,2,1,2\n",
            "line 3, column 1 (timestamp): 2024-01-01 is before line 2 (2024-01-02)");
        assertRefused("timestamp,open,high,low,close,volume\n2024-01-01,1,2,1,2,5\n2024-01-02,1,2,0,2,5\n",
            "line 3, column 4 (low): 0 must be positive");
        assertRefused("timestamp,open,high,low,close\n2024-01-01,1,2,1,2\n2024-01-02,1,2,1\n",
            "line 3, column 5 (close): missing value (the row has 4 columns, the header 5)");
        assertRefused("timestamp,open,high,low,close\n2024-01-01,1,2,1,2\n2024-01-02,1,abc,1,2\n",
            "line 3, column 3 (high): 'abc' is not a number");
        assertRefused("timestamp,open,high,low,close\n2024-01-01,1,2,1,2\n2024-13-02,1,2,1,2\n",
            "line 3, column 1 (timestamp): '2024-13-02' is not an ISO date (2024-01-31) or instant (2018-05-15T06:00:00Z)");
        assertRefused("timestamp,open,high,low,close\n2024-01-01,1,2,1,2\n2024-01-02,3,2,1,2\n",
            "line 3: low 1 and high 2 do not bracket open 3 and close 2");
        assertRefused("timestamp,open,high,close\n2024-01-01,1,2,2\n",
            "line 1: the header timestamp,open,high,close has no column 'low'");
    }

    @Test
    void badOptionsExitTwo() throws IOException {
        String file = DATA.resolve("btc_usd_daily.csv").toString();
        assertEquals("volvault vol: estimator 'garch-like' is not one of close-to-close, ewma, parkinson, "
                + "garman-klass, rogers-satchell, yang-zhang",
            refusal("--prices", file, "--estimator", "garch-like", "--window", "3"));
        assertEquals("volvault vol: --estimator parkinson needs --window",
            refusal("--prices", file, "--estimator", "parkinson"));
        assertEquals("volvault vol: --lambda does not apply to --estimator parkinson",
            refusal("--prices", file, "--estimator", "parkinson", "--window", "3", "--lambda", "0.9"));
        assertEquals("volvault vol: window = 1 is too small for close-to-close: need at least 2",
            refusal("--prices", file, "--estimator", "close-to-close", "--window", "1"));
        assertEquals("volvault vol: " + temp.resolve("none.csv") + ": no such file",
            refusal("--prices", temp.resolve("none.csv").toString(), "--estimator", "parkinson", "--window", "3"));
    }

    private void assertRefused(String csv, String expectedAfterFileName) throws IOException {
        Path file = Files.writeString(temp.resolve("bad.csv"), csv);
        String message = refusal("--prices", file.toString(), "--estimator", "parkinson", "--window", "2");
        assertTrue(message.startsWith("volvault vol: " + file + " " + expectedAfterFileName), message);
    }

    private static String refusal(String... options) {
        String[] args = new String[options.length + 1];
        args[0] = "vol";
        System.arraycopy(options, 0, args, 1, options.length);
        CapturedRun run = CapturedRun.of(args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        String[] errLines = run.err().split("\\R");
        assertEquals(1, errLines.length, run.err());
        return errLines[0];
    }

    private static void assertCsvValue(String timestamp, double expected, String line) {
        String[] cells = line.split(",");
        assertEquals(timestamp, cells[0]);
        assertEquals(expected, Double.parseDouble(cells[1]), 1e-12 * expected, line);
    }

    private static double value(String line, String name) {
        String[] cells = line.split(",");
        assertEquals(name, cells[0]);
        return Double.parseDouble(cells[1]);
    }
}
