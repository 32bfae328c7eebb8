package io.volvault.app.keeper;

import io.volvault.strategy.routing.ConcentratedCurve;
import io.volvault.strategy.routing.ConstantProductCurve;
import io.volvault.strategy.routing.VenueCurve;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A swap venue as the keeper read it from the chain, turned into the routing model's output curve in
 * the tokens' raw units for either direction.
 */
public sealed interface VenueState {

    /** The venue contract the vault's rebalance leg names. */
    String address();

    /** How logs call it. */
    String name();

    /** Gas one more leg through it costs in a rebalance (measured: hardhat/scripts/venues-report.js). */
    long gasPerLeg();

    /** Its output for an input of base ({@code baseIn}) or quote, in raw units. */
    VenueCurve curve(boolean baseIn);

    /**
     * Our constant-product pool.
     *
     * @param base   its base reserve (raw units)
     * @param quote  its quote reserve (raw units)
     * @param feeBps its fee on the input
     */
    record Pool(String address, BigInteger base, BigInteger quote, int feeBps) implements VenueState {
        @Override
        public String name() {
            return "pool " + feeBps + " bps";
        }

        @Override
        public long gasPerLeg() {
            return POOL_LEG_GAS;
        }

        @Override
        public VenueCurve curve(boolean baseIn) {
            return baseIn
                ? new ConstantProductCurve(base.doubleValue(), quote.doubleValue(), feeBps)
                : new ConstantProductCurve(quote.doubleValue(), base.doubleValue(), feeBps);
        }
    }

    /**
     * A Uniswap v3 pool behind our adapter, modelled within its current range.
     *
     * @param sqrtPriceX96 the pool's slot0 price, sqrt(raw token1 per raw token0) x 2^96
     * @param liquidity    its in-range liquidity
     * @param baseIsToken0 whether the base token is the pool's token0
     * @param feePips      its fee tier (500 = 0.05 %)
     */
    record Uniswap(String address, BigInteger sqrtPriceX96, BigInteger liquidity, boolean baseIsToken0, int feePips)
        implements VenueState {
        @Override
        public String name() {
            return "uniswap v3 " + feePips / 100.0 + " bps";
        }

        @Override
        public long gasPerLeg() {
            return UNISWAP_LEG_GAS;
        }

        @Override
        public VenueCurve curve(boolean baseIn) {
            double sqrtPrice = new BigDecimal(sqrtPriceX96).divide(new BigDecimal(BigInteger.TWO.pow(96))).doubleValue();
            return new ConcentratedCurve(sqrtPrice, liquidity.doubleValue(), feePips, baseIn == baseIsToken0);
        }
    }

    /*
     * A leg's own gas: one leg alone less what a rebalance costs whatever its legs (measured by
     * hardhat/scripts/venues-report.js: pool alone 187,661, Uniswap alone 255,317, both in one
     * rebalance 314,573, so 128,405 shared).
     */
    /** A pool leg's gas. */
    long POOL_LEG_GAS = 187_661 - 128_405;
    /** A Uniswap leg's gas. */
    long UNISWAP_LEG_GAS = 255_317 - 128_405;
}
