package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurfaceCommandTest {

    private static final SviParams SHORT = new SviParams(0.01, 0.12, -0.5, 0.02, 0.1);
    private static final SviParams LONG = new SviParams(0.03, 0.15, -0.3, 0.05, 0.25);
    /** Axel Vogt's arbitrageable slice (Gatheral and Jacquier 2013). */
    private static final SviParams VOGT = new SviParams(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153);

    @TempDir
    Path temp;

    @Test
    void fitsEachExpiryAndFindsNoArbitrageOnACleanChain() throws IOException {
        List<String> rows = new ArrayList<>(List.of("expiry,strike,forward,iv"));
        rows.addAll(quoteRows(1.0, 102.0, LONG, 0.5, 1.8, 21, false));
        rows.addAll(quoteRows(0.25, 100.0, SHORT, 0.75, 1.3, 15, false));
        CapturedRun run = CapturedRun.of("surface", "--chain", Files.write(temp.resolve("chain.csv"), rows).toString());

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("expiry,forward,quotes,a,b,rho,m,sigma,atm_vol,skew,rms_iv_error", lines[0]);
        assertSlice(lines[1], 0.25, 100.0, 15, SHORT);
        assertSlice(lines[2], 1.0, 102.0, 21, LONG);
        assertEquals("", lines[3]);
        assertEquals("arbitrage: none found (each expiry scanned over |k| <= 10.0 ATM standard deviations)", lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    void reportsTheVogtButterflyWithWhereItIs() throws IOException {
        List<String> rows = new ArrayList<>(List.of("expiry,strike,forward,bid_iv,ask_iv"));
        rows.addAll(quoteRows(1.0, 1.0, VOGT, 0.4, 3.0, 30, true));
        CapturedRun run = CapturedRun.of("surface", "--chain", Files.write(temp.resolve("vogt.csv"), rows).toString());

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertSlice(lines[1], 1.0, 1.0, 30, VOGT);
        assertEquals("arbitrage: 1 region(s)", lines[3]);
        // g < 0 exactly on (0.6424, 1.2569) (roots by scipy brentq); the grid step is 0.00165.
        assertTrue(lines[4].startsWith("butterfly arbitrage at T = 1.0: g(k) < 0 for k in [0.6435, 1.2557]"), lines[4]);
        assertTrue(lines[4].endsWith("worst -0.0328635 at k = 0.8795"), lines[4]);
    }

    /**
     * The example chain shipped for the README (greeks/src/test/resources/reference/
     * svi_chain_example.csv): bid/ask 1 vol point apart around known raw SVI slices, rounded to 6
     * decimals; the 0.5-year slice is flatter than the 0.25-year one, so their wings cross.
     */
    @Test
    void exampleChainShowsItsCalendarCrossings() {
        Path example = Path.of(System.getProperty("volvault.root"),
            "greeks/src/test/resources/reference/svi_chain_example.csv");
        CapturedRun run = CapturedRun.of("surface", "--chain", example.toString());

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertSlice(lines[1], 0.1, 60000.0, 11, new SviParams(0.002, 0.08, -0.2, 0.0, 0.08), 1e-5);
        assertSlice(lines[2], 0.25, 60150.0, 11, new SviParams(0.01, 0.12, -0.25, 0.02, 0.15), 1e-5);
        assertSlice(lines[3], 0.5, 60300.0, 11, new SviParams(0.04, 0.06, -0.2, 0.02, 0.2), 1e-5);
        assertEquals("arbitrage: 2 region(s)", lines[5]);
        // With the true slices w(k, 0.5) - w(k, 0.25) < 0 for k < -0.3588 and k > 0.7290 (numpy, 1e-4 grid);
        // the scan reports the grid points (step 0.0029) inside the fitted crossings.
        assertTrue(lines[6].startsWith("calendar arbitrage between T = 0.25 and T = 0.5: total variance falls"
            + " for k in [-2.2869, -0.3602]"), lines[6]);
        assertTrue(lines[7].startsWith("calendar arbitrage between T = 0.25 and T = 0.5: total variance falls"
            + " for k in [0.7318, 2.2869]"), lines[7]);
        assertEquals(8, lines.length);
    }

    @Test
    void badChainsExitTwoNamingTheLineAndColumn() throws IOException {
        assertRefused("expiry,strike,forward,iv\n0.5,100,100,0.6\n0.5,x,100,0.6\n",
            "line 3, column 2 (strike): 'x' is not a number");
        assertRefused("expiry,strike,forward,iv\n0.5,100,100,65\n",
            "line 2, column 4 (iv): 65 is above 5.0: give vols as fractions (0.65 for 65%)");
        assertRefused("expiry,strike,forward,bid_iv,ask_iv\n0.5,100,100,0.7,0.6\n",
            "line 2: bid_iv = 0.7 is above ask_iv = 0.6");
        assertRefused("expiry,strike,forward,iv\n-0.5,100,100,0.6\n",
            "line 2, column 1 (expiry): -0.5 must be positive");
        assertRefused("expiry,strike,forward,bid_iv\n0.5,100,100,0.6\n",
            "line 1: the header needs either an 'iv' column or both 'bid_iv' and 'ask_iv', not both kinds");
        assertRefused("expiry,strike,forward,iv\n0.5,90,100,0.6\n0.5,100,100,0.6\n",
            ": no expiry could be fitted: expiry 0.5: 2 strikes with a usable quote: raw SVI has 5 parameters and"
                + " needs at least 5");
    }

    private void assertRefused(String csv, String expectedAfterFileName) throws IOException {
        Path file = Files.writeString(temp.resolve("bad.csv"), csv);
        CapturedRun run = CapturedRun.of("surface", "--chain", file.toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
        String expected = "volvault surface: " + file + (expectedAfterFileName.startsWith(":") ? "" : " ")
            + expectedAfterFileName;
        assertEquals(expected + System.lineSeparator(), run.err());
    }

    /** Rows at {@code count} strikes evenly spaced in K/F, exactly on the smile (bid/ask 1 vol point either side). */
    private static List<String> quoteRows(double expiry, double forward, SviParams params, double low, double high,
                                          int count, boolean bidAsk) {
        SviSlice slice = new SviSlice(expiry, forward, params);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double strike = forward * (low + (high - low) * i / (count - 1));
            double iv = slice.iv(strike);
            rows.add(expiry + "," + strike + "," + forward + ","
                + (bidAsk ? (iv - 0.01) + "," + (iv + 0.01) : Double.toString(iv)));
        }
        return rows;
    }

    private static void assertSlice(String line, double expiry, double forward, int quotes, SviParams expected) {
        assertSlice(line, expiry, forward, quotes, expected, 1e-6);
    }

    private static void assertSlice(String line, double expiry, double forward, int quotes, SviParams expected,
                                    double tolerance) {
        String[] cells = line.split(",");
        assertEquals(expiry, Double.parseDouble(cells[0]));
        assertEquals(forward, Double.parseDouble(cells[1]));
        assertEquals(quotes, Integer.parseInt(cells[2]));
        double[] printed = {Double.parseDouble(cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]),
            Double.parseDouble(cells[6]), Double.parseDouble(cells[7])};
        double[] truth = {expected.a(), expected.b(), expected.rho(), expected.m(), expected.sigma()};
        for (int j = 0; j < truth.length; j++) {
            assertEquals(truth[j], printed[j], tolerance, "parameter " + j + " of " + line);
        }
        double atmVol = Math.sqrt(expected.totalVariance(0.0) / expiry);
        assertEquals(atmVol, Double.parseDouble(cells[8]), tolerance, line);
        double skew = expected.slope(0.0) / (2 * Math.sqrt(expected.totalVariance(0.0) * expiry));
        assertEquals(skew, Double.parseDouble(cells[9]), tolerance, line);
        assertTrue(Double.parseDouble(cells[10]) < tolerance, "rms iv error " + cells[10]);
    }
}
