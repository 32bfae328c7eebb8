package io.volvault.app.keeper;

import java.math.BigInteger;

/**
 * What a unit of gas costs now: the node's gas price in wei of the chain's native token (ETH, 18
 * decimals on every EVM chain) and that token's USD price, which values the gas in a market's quote
 * token whatever the market's base (a WBTC market pays its gas in ETH, not in WBTC).
 *
 * @param weiPerGas the node's gas price
 * @param nativeUsd USD per whole native token (ETH)
 */
public record GasPrice(BigInteger weiPerGas, double nativeUsd) {
    public GasPrice {
        if (weiPerGas.signum() < 0) {
            throw new IllegalArgumentException("gas price must be >= 0 wei, was " + weiPerGas);
        }
        if (!(nativeUsd > 0) || Double.isInfinite(nativeUsd)) {
            throw new IllegalArgumentException("the native token's USD price must be positive, was " + nativeUsd);
        }
    }
}
