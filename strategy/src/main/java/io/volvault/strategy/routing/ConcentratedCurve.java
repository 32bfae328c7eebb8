package io.volvault.strategy.routing;

/**
 * A Uniswap v3 pool while the swap stays inside its current tick range, where the liquidity L is
 * constant (whitepaper section 6.2.3): selling token0 moves 1/sqrtP up by (net input) / L and pays
 * L x (the fall of sqrtP) of token1; selling token1 moves sqrtP up by (net input) / L and pays
 * L x (the fall of 1/sqrtP) of token0. The fee is taken from the input first.
 *
 * @param sqrtPrice  sqrt(raw token1 per raw token0): the pool's sqrtPriceX96 / 2^96
 * @param liquidity  the pool's in-range liquidity L
 * @param feePips    the fee tier in hundredths of a basis point (500 = 0.05 %)
 * @param zeroForOne true when the input is token0
 */
public record ConcentratedCurve(double sqrtPrice, double liquidity, double feePips, boolean zeroForOne)
    implements VenueCurve {

    public ConcentratedCurve {
        if (!(sqrtPrice > 0) || !(liquidity > 0)) {
            throw new IllegalArgumentException("sqrtPrice and liquidity must be positive, were " + sqrtPrice + " and "
                + liquidity);
        }
        if (!(feePips >= 0 && feePips < 1_000_000)) {
            throw new IllegalArgumentException("feePips must be in [0, 1000000), was " + feePips);
        }
    }

    @Override
    public double amountOut(double amountIn) {
        double net = amountIn * (1 - feePips / 1_000_000);
        if (zeroForOne) {
            double next = liquidity * sqrtPrice / (liquidity + net * sqrtPrice);
            return liquidity * (sqrtPrice - next);
        }
        double next = sqrtPrice + net / liquidity;
        return liquidity * (1 / sqrtPrice - 1 / next);
    }
}
