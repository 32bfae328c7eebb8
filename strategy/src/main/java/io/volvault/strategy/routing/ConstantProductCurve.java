package io.volvault.strategy.routing;

/**
 * A constant-product pool (x y = k, Uniswap v2 and our {@code ConstantProductPool}) with the fee taken
 * from the input: out = R_out a (1 - f) / (R_in + a (1 - f)).
 *
 * @param reserveIn  the pool's reserve of the input token
 * @param reserveOut its reserve of the output token
 * @param feeBps     the fee on the input, in basis points
 */
public record ConstantProductCurve(double reserveIn, double reserveOut, double feeBps) implements VenueCurve {

    public ConstantProductCurve {
        if (!(reserveIn > 0) || !(reserveOut > 0)) {
            throw new IllegalArgumentException("reserves must be positive, were " + reserveIn + " and " + reserveOut);
        }
        if (!(feeBps >= 0 && feeBps < 10_000)) {
            throw new IllegalArgumentException("feeBps must be in [0, 10000), was " + feeBps);
        }
    }

    @Override
    public double amountOut(double amountIn) {
        double net = amountIn * (1 - feeBps / 10_000);
        return reserveOut * net / (reserveIn + net);
    }
}
