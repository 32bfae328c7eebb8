package io.volvault.greeks;

/**
 * Greeks for many options at once, over primitive columns (structure of arrays), with the same
 * formulas, units and expiry conventions as {@link BlackScholes} and {@link Black76}.
 *
 * <p>Uses a Vector API kernel when the {@code jdk.incubator.vector} module is in the boot layer
 * (start the JVM with {@code --add-modules jdk.incubator.vector}), a scalar loop otherwise. The
 * vector classes are only loaded in the first case.
 */
public final class BatchGreeks {

    private static final BatchKernel SCALAR = new ScalarBatchKernel();
    private static final BatchKernel DEFAULT = vectorModulePresent() ? loadVectorKernel() : SCALAR;

    private BatchGreeks() {}

    /** Black-Scholes Greeks of row i of the columns into row i of {@code out}. */
    public static void blackScholes(boolean[] call, double[] spot, double[] strike, double[] expiry,
                                    double[] vol, double[] rate, double[] yield, GreeksColumns out) {
        blackScholes(DEFAULT, call, spot, strike, expiry, vol, rate, yield, out);
    }

    /** Black-76 Greeks of row i of the columns into row i of {@code out}. */
    public static void black76(boolean[] call, double[] forward, double[] strike, double[] expiry,
                               double[] vol, double[] rate, GreeksColumns out) {
        black76(DEFAULT, call, forward, strike, expiry, vol, rate, out);
    }

    /** Whether the batch calls use the Vector API kernel. */
    public static boolean vectorized() {
        return DEFAULT != SCALAR;
    }

    /** The scalar kernel, whatever the JVM offers: for comparisons and benchmarks. */
    public static void blackScholesScalar(boolean[] call, double[] spot, double[] strike, double[] expiry,
                                          double[] vol, double[] rate, double[] yield, GreeksColumns out) {
        blackScholes(SCALAR, call, spot, strike, expiry, vol, rate, yield, out);
    }

    /** The scalar kernel for Black-76. */
    public static void black76Scalar(boolean[] call, double[] forward, double[] strike, double[] expiry,
                                     double[] vol, double[] rate, GreeksColumns out) {
        black76(SCALAR, call, forward, strike, expiry, vol, rate, out);
    }

    private static void blackScholes(BatchKernel kernel, boolean[] call, double[] spot, double[] strike,
                                     double[] expiry, double[] vol, double[] rate, double[] yield,
                                     GreeksColumns out) {
        int n = Inputs.present("spot", spot).length;
        Inputs.sameLength(n, "call", call, call == null ? 0 : call.length);
        checkCommon(n, strike, expiry, vol, rate, out);
        Inputs.sameLength(n, "yield", yield, yield == null ? 0 : yield.length);
        Inputs.positive("spot", spot);
        Inputs.finite("yield", yield);
        kernel.evaluate(call, spot, strike, expiry, vol, rate, yield, false, out);
    }

    private static void black76(BatchKernel kernel, boolean[] call, double[] forward, double[] strike,
                                double[] expiry, double[] vol, double[] rate, GreeksColumns out) {
        int n = Inputs.present("forward", forward).length;
        Inputs.sameLength(n, "call", call, call == null ? 0 : call.length);
        checkCommon(n, strike, expiry, vol, rate, out);
        Inputs.positive("forward", forward);
        // Black-76 is the zero-carry case: yield = rate.
        kernel.evaluate(call, forward, strike, expiry, vol, rate, rate, true, out);
    }

    private static void checkCommon(int n, double[] strike, double[] expiry, double[] vol, double[] rate,
                                    GreeksColumns out) {
        Inputs.sameLength(n, "strike", strike, strike == null ? 0 : strike.length);
        Inputs.sameLength(n, "expiry", expiry, expiry == null ? 0 : expiry.length);
        Inputs.sameLength(n, "vol", vol, vol == null ? 0 : vol.length);
        Inputs.sameLength(n, "rate", rate, rate == null ? 0 : rate.length);
        Inputs.sameLength(n, "out", out, out == null ? 0 : out.size());
        Inputs.positive("strike", strike);
        Inputs.nonNegative("expiry", expiry);
        Inputs.positive("vol", vol);
        Inputs.finite("rate", rate);
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static BatchKernel loadVectorKernel() {
        try {
            return (BatchKernel) Class.forName("io.volvault.greeks.VectorBatchKernel")
                .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the vector kernel is part of this module and must load", e);
        }
    }
}
