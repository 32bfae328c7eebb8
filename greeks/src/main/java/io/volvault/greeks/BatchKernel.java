package io.volvault.greeks;

/** A batch implementation of {@link BlackKernel} over validated columns. */
interface BatchKernel {

    /** Fills {@code out} for every row; {@code yield} is the rate column itself for Black-76. */
    void evaluate(boolean[] call, double[] spot, double[] strike, double[] expiry, double[] vol,
                  double[] rate, double[] yield, boolean rhoHoldsForward, GreeksColumns out);
}
