package io.volvault.greeks;

/** The batch as a plain loop over {@link BlackKernel}: the reference the vector kernel is tested against. */
final class ScalarBatchKernel implements BatchKernel {

    @Override
    public void evaluate(boolean[] call, double[] spot, double[] strike, double[] expiry, double[] vol,
                         double[] rate, double[] yield, boolean rhoHoldsForward, GreeksColumns out) {
        for (int i = 0; i < spot.length; i++) {
            BlackKernel.evaluate(call[i] ? 1.0 : -1.0, spot[i], strike[i], expiry[i], vol[i], rate[i], yield[i],
                rhoHoldsForward, out, i);
        }
    }
}
