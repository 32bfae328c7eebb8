package io.volvault.strategy.cost;

/**
 * A constant-product pool (x y = k, Uniswap v2) seen at its current price: the quote reserve is the
 * configured depth and the base reserve is depth / spot. The fee is taken on the input amount.
 *
 * @param feeBps fee on the input, in basis points
 * @param quoteReserve quote-side depth
 */
public record ConstantProductPool(double feeBps, double quoteReserve) {

    /**
     * Quote paid to receive {@code baseOut} base (buying base), at a pool priced at {@code spot}.
     * Solves (Q + q (1 - f)) (B - b) = Q B for q.
     */
    public double quoteInForBaseOut(double baseOut, double spot) {
        double baseReserve = quoteReserve / spot;
        if (!(baseOut < baseReserve)) {
            throw new IllegalArgumentException("swap of " + baseOut + " base exceeds the pool's base reserve "
                + baseReserve + " (costs.pool_depth_quote too small)");
        }
        double afterFee = quoteReserve * baseOut / (baseReserve - baseOut);
        return afterFee / (1 - feeBps / 10_000);
    }

    /** Quote received for selling {@code baseIn} base, at a pool priced at {@code spot}. */
    public double quoteOutForBaseIn(double baseIn, double spot) {
        double baseReserve = quoteReserve / spot;
        double effectiveIn = baseIn * (1 - feeBps / 10_000);
        return quoteReserve * effectiveIn / (baseReserve + effectiveIn);
    }

    /** Base received for paying {@code quoteIn} quote, at a pool priced at {@code spot}. */
    public double baseOutForQuoteIn(double quoteIn, double spot) {
        double baseReserve = quoteReserve / spot;
        double effectiveIn = quoteIn * (1 - feeBps / 10_000);
        return baseReserve * effectiveIn / (quoteReserve + effectiveIn);
    }

    /**
     * The cost of swapping {@code baseAmount} (positive buys base, negative sells it) against the
     * mid price: fee plus price impact, in quote.
     */
    public double cost(double baseAmount, double spot) {
        if (baseAmount > 0) {
            return quoteInForBaseOut(baseAmount, spot) - baseAmount * spot;
        }
        if (baseAmount < 0) {
            return -baseAmount * spot - quoteOutForBaseIn(-baseAmount, spot);
        }
        return 0;
    }
}
