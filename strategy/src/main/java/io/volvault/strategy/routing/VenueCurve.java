package io.volvault.strategy.routing;

/**
 * What a venue pays out for an input now, in the tokens' raw units: increasing and concave in the
 * input, so that splitting an order by equal marginal output is optimal.
 */
public sealed interface VenueCurve permits ConstantProductCurve, ConcentratedCurve {

    /** The output for {@code amountIn} (raw units of the input token), fees and price impact included. */
    double amountOut(double amountIn);
}
