package io.volvault.greeks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchGreeksTest {

    /**
     * Three full 512-row chunks and a partial one of 101 rows (not a multiple of any vector
     * length). Rows at expiry sit only in the second chunk and in the tail, so the first and
     * third chunks take the vector path and the others the scalar fallback.
     */
    private static final int CHUNK = 512;
    private static final int ROWS = 3 * CHUNK + 101;
    private static final int VECTOR_ROWS = 2 * CHUNK;

    @Test
    void surefireRunsWithTheVectorModuleSoTheVectorKernelIsTheDefault() {
        assertTrue(BatchGreeks.vectorized());
    }

    @Test
    void scalarBatchIsTheValueApiRowByRow() {
        Columns c = new Columns(new SplittableRandom(1));
        GreeksColumns out = new GreeksColumns(ROWS);
        BatchGreeks.blackScholesScalar(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, out);
        for (int i = 0; i < ROWS; i++) {
            assertEquals(BlackScholes.greeks(c.bs(i)), out.get(i), "row " + i);
        }
        BatchGreeks.black76Scalar(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, out);
        for (int i = 0; i < ROWS; i++) {
            assertEquals(Black76.greeks(c.b76(i)), out.get(i), "row " + i);
        }
    }

    @Test
    void vectorBatchAgreesWithScalarBatch() {
        Columns c = new Columns(new SplittableRandom(2));
        VectorBatchKernel kernel = new VectorBatchKernel();
        GreeksColumns vector = new GreeksColumns(ROWS);
        GreeksColumns scalar = new GreeksColumns(ROWS);
        GreeksColumns viaApi = new GreeksColumns(ROWS);
        assertEquals(VECTOR_ROWS, kernel.vectorRows(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, false, vector));
        BatchGreeks.blackScholesScalar(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, scalar);
        assertAgree(scalar, vector, c);
        BatchGreeks.blackScholes(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, viaApi);
        assertIdentical(vector, viaApi);

        // Black-76: the rate column is the yield, and rho holds the forward.
        assertEquals(VECTOR_ROWS, kernel.vectorRows(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.rate, true, vector));
        BatchGreeks.black76Scalar(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, scalar);
        assertAgree(scalar, vector, c);
        BatchGreeks.black76(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, viaApi);
        assertIdentical(vector, viaApi);
    }

    @Test
    void aChunkWithARowAtExpiryFallsBackToTheScalarKernel() {
        Columns c = new Columns(new SplittableRandom(4));
        GreeksColumns out = new GreeksColumns(ROWS);
        c.expiry[CHUNK] = 0.0;   // the first row of chunk 1 (already scalar) leaves chunk 0 vector
        assertEquals(VECTOR_ROWS, new VectorBatchKernel().vectorRows(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate,
            c.yield, false, out));
        c.expiry[5] = 0.0;   // chunk 0 now falls back too; chunk 2 stays vector
        assertEquals(CHUNK, new VectorBatchKernel().vectorRows(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate,
            c.yield, false, out));
        assertEquals(BlackScholes.greeks(c.bs(5)), out.get(5));
        c.expiry[3 * CHUNK - 1] = 0.0;   // the last row of chunk 2
        assertEquals(0, new VectorBatchKernel().vectorRows(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate,
            c.yield, false, out));
    }

    @Test
    void badRowsAreRefusedNamingTheColumnAndRow() {
        Columns c = new Columns(new SplittableRandom(3));
        GreeksColumns out = new GreeksColumns(ROWS);
        c.vol[17] = -0.5;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> BatchGreeks.blackScholes(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, out));
        assertEquals("vol[17] must be positive and finite, got -0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
            () -> BatchGreeks.black76(c.call, c.spot, new double[3], c.expiry, c.vol, c.rate, out));
        assertEquals("strike has 3 entries, expected 1637", e.getMessage());
    }

    /**
     * Far out of the money (7 to 11 standard deviations) prices are tiny, and the absolute floor of
     * assertAgree would let any error through: compare them relative to themselves. Two exact
     * chunks, so the last full chunk ends at the last row.
     */
    @Test
    void vectorKernelKeepsRelativeAccuracyFarOutOfTheMoney() {
        int n = 2 * CHUNK;
        SplittableRandom random = new SplittableRandom(7);
        boolean[] call = new boolean[n];
        double[] spot = new double[n];
        double[] strike = new double[n];
        double[] expiry = new double[n];
        double[] vol = new double[n];
        double[] rate = new double[n];
        double[] yield = new double[n];
        for (int i = 0; i < n; i++) {
            call[i] = random.nextBoolean();
            spot[i] = 30_000.0;
            expiry[i] = random.nextDouble(0.01, 1.0);
            vol[i] = random.nextDouble(0.3, 1.5);
            double z = random.nextDouble(7.0, 11.0) * (call[i] ? 1 : -1);   // the out-of-the-money side
            strike[i] = spot[i] * Math.exp(z * vol[i] * Math.sqrt(expiry[i]));
        }
        GreeksColumns vector = new GreeksColumns(n);
        GreeksColumns scalar = new GreeksColumns(n);
        assertEquals(n, new VectorBatchKernel().vectorRows(call, spot, strike, expiry, vol, rate, yield, false, vector));
        BatchGreeks.blackScholesScalar(call, spot, strike, expiry, vol, rate, yield, scalar);
        for (int i = 0; i < n; i++) {
            double expected = scalar.price[i];
            assertTrue(expected > 0.0, "row " + i);
            assertEquals(expected, vector.price[i], 1e-12 * expected, "price of row " + i);
            assertEquals(scalar.vega[i], vector.vega[i], 1e-12 * scalar.vega[i], "vega of row " + i);
        }
    }

    /** Each column's check, at its boundary, with the message naming the column and the row. */
    @Test
    void everyColumnIsCheckedAtItsBoundary() {
        assertRefused("spot[3] must be positive and finite, got 0.0", c -> c.spot[3] = 0.0, true);
        assertRefused("spot[3] must be positive and finite, got Infinity", c -> c.spot[3] = Double.POSITIVE_INFINITY, true);
        assertRefused("strike[4] must be positive and finite, got -1.0", c -> c.strike[4] = -1.0, true);
        assertRefused("strike[4] must be positive and finite, got Infinity", c -> c.strike[4] = Double.POSITIVE_INFINITY, true);
        assertRefused("expiry[5] must be zero or positive and finite, got -1.0E-300", c -> c.expiry[5] = -1e-300, true);
        assertRefused("expiry[5] must be zero or positive and finite, got Infinity", c -> c.expiry[5] = Double.POSITIVE_INFINITY, true);
        assertRefused("expiry[5] must be zero or positive and finite, got NaN", c -> c.expiry[5] = Double.NaN, true);
        assertRefused("vol[6] must be positive and finite, got 0.0", c -> c.vol[6] = 0.0, true);
        assertRefused("rate[7] must be a finite number, got NaN", c -> c.rate[7] = Double.NaN, true);
        assertRefused("rate[7] must be a finite number, got -Infinity", c -> c.rate[7] = Double.NEGATIVE_INFINITY, true);
        assertRefused("yield[8] must be a finite number, got Infinity", c -> c.yield[8] = Double.POSITIVE_INFINITY, false);
        assertRefused("call has 1636 entries, expected 1637", c -> c.call = new boolean[ROWS - 1], true);
        assertRefused("strike has 1636 entries, expected 1637", c -> c.strike = new double[ROWS - 1], true);
        assertRefused("expiry has 1636 entries, expected 1637", c -> c.expiry = new double[ROWS - 1], true);
        assertRefused("vol has 1636 entries, expected 1637", c -> c.vol = new double[ROWS - 1], true);
        assertRefused("rate has 1636 entries, expected 1637", c -> c.rate = new double[ROWS - 1], true);
        assertRefused("yield has 1636 entries, expected 1637", c -> c.yield = new double[ROWS - 1], false);
        assertRefused("yield is missing", c -> c.yield = null, false);
        assertRefused("call is missing", c -> c.call = null, true);
        GreeksColumns shortOut = new GreeksColumns(ROWS - 1);
        Columns c = new Columns(new SplittableRandom(6));
        assertEquals("out has 1636 entries, expected 1637", assertThrows(IllegalArgumentException.class,
            () -> BatchGreeks.black76(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, shortOut)).getMessage());
        assertEquals("forward is missing", assertThrows(IllegalArgumentException.class,
            () -> BatchGreeks.black76(c.call, null, c.strike, c.expiry, c.vol, c.rate, shortOut)).getMessage());
        // The boundaries themselves are accepted: an expiry of 0, a negative rate or yield.
        c.expiry[9] = 0.0;
        c.rate[9] = -0.01;
        c.yield[9] = -0.02;
        GreeksColumns out = new GreeksColumns(ROWS);
        BatchGreeks.blackScholes(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, out);
        assertEquals(BlackScholes.greeks(c.bs(9)), out.get(9));
        assertEquals("size must be zero or positive, got -1",
            assertThrows(IllegalArgumentException.class, () -> new GreeksColumns(-1)).getMessage());
        assertEquals(0, new GreeksColumns(0).size());
    }

    /** {@code spoil} breaks fresh columns; Black-Scholes (and Black-76, whose forward is the spot column) refuse them. */
    private static void assertRefused(String message, java.util.function.Consumer<Columns> spoil, boolean black76Too) {
        Columns c = new Columns(new SplittableRandom(5));
        spoil.accept(c);
        GreeksColumns out = new GreeksColumns(ROWS);
        assertEquals(message, assertThrows(IllegalArgumentException.class,
            () -> BatchGreeks.blackScholes(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, c.yield, out)).getMessage());
        if (black76Too) {
            assertEquals(message.replace("spot", "forward"), assertThrows(IllegalArgumentException.class,
                () -> BatchGreeks.black76(c.call, c.spot, c.strike, c.expiry, c.vol, c.rate, out)).getMessage());
        }
    }

    /**
     * The vector kernel uses the Vector API's exp and log, which may differ from Math's by an ulp;
     * through the formulas that is ~1e-14 relative, with an absolute floor for Greeks near zero.
     */
    private static void assertAgree(GreeksColumns scalar, GreeksColumns vector, Columns c) {
        for (int i = 0; i < ROWS; i++) {
            Greeks s = scalar.get(i);
            Greeks v = vector.get(i);
            String row = "row " + i + " " + c.bs(i);
            double scale = c.spot[i];
            assertEquals(s.price(), v.price(), 1e-13 * (Math.abs(s.price()) + 1e-3 * scale), "price " + row);
            assertEquals(s.delta(), v.delta(), 1e-13 * (Math.abs(s.delta()) + 1e-3), "delta " + row);
            assertEquals(s.gamma(), v.gamma(), 1e-13 * (Math.abs(s.gamma()) + 1e-3 / scale), "gamma " + row);
            assertEquals(s.vega(), v.vega(), 1e-13 * (Math.abs(s.vega()) + 1e-3 * scale), "vega " + row);
            assertEquals(s.theta(), v.theta(), 1e-13 * (Math.abs(s.theta()) + 1e-3 * scale), "theta " + row);
            assertEquals(s.rho(), v.rho(), 1e-13 * (Math.abs(s.rho()) + 1e-3 * scale), "rho " + row);
            assertEquals(s.vanna(), v.vanna(), 1e-13 * (Math.abs(s.vanna()) + 1e-3), "vanna " + row);
            assertEquals(s.volga(), v.volga(), 1e-13 * (Math.abs(s.volga()) + 1e-3 * scale), "volga " + row);
            assertEquals(s.charm(), v.charm(), 1e-13 * (Math.abs(s.charm()) + 1e-3), "charm " + row);
        }
    }

    private static void assertIdentical(GreeksColumns expected, GreeksColumns actual) {
        for (int i = 0; i < ROWS; i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    /** Random crypto-range columns, a few rows at expiry (see ROWS), calls and puts mixed. */
    private static final class Columns {
        boolean[] call = new boolean[ROWS];
        double[] spot = new double[ROWS];
        double[] strike = new double[ROWS];
        double[] expiry = new double[ROWS];
        double[] vol = new double[ROWS];
        double[] rate = new double[ROWS];
        double[] yield = new double[ROWS];

        Columns(SplittableRandom random) {
            for (int i = 0; i < ROWS; i++) {
                call[i] = random.nextBoolean();
                spot[i] = 30_000.0 * Math.exp(random.nextDouble(-0.5, 0.5));
                boolean scalarPart = i / CHUNK == 1 || i >= 3 * CHUNK;
                expiry[i] = scalarPart && i % 97 == 0 ? 0.0 : Math.exp(random.nextDouble(Math.log(1.0 / 365.0), Math.log(2.0)));
                vol[i] = random.nextDouble(0.15, 2.0);
                rate[i] = random.nextDouble(0.0, 0.08);
                yield[i] = random.nextDouble(0.0, 0.05);
                strike[i] = spot[i] * Math.exp(random.nextDouble(-6.0, 6.0) * vol[i] * Math.sqrt(Math.max(expiry[i], 0.01)));
            }
        }

        BsOption bs(int i) {
            return new BsOption(call[i] ? OptionType.CALL : OptionType.PUT, spot[i], strike[i], expiry[i], vol[i], rate[i], yield[i]);
        }

        B76Option b76(int i) {
            return new B76Option(call[i] ? OptionType.CALL : OptionType.PUT, spot[i], strike[i], expiry[i], vol[i], rate[i]);
        }
    }
}
