package io.volvault.strategy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Venue curves against hand calculations and the whitepapers' formulas; the split against closed forms. */
class RouterTest {

    /** A pool of {@code depth} WETH at 3000 USDC each, selling WETH (units: WETH in, USDC out). */
    private static ConstantProductCurve cp(double depth, double feeBps) {
        return new ConstantProductCurve(depth, depth * 3000, feeBps);
    }

    /** The Uniswap v3 full-range pool holding the same: L = sqrt(x y), sqrtP = sqrt(y / x), WETH as token0. */
    private static ConcentratedCurve v3(double depth, double feePips) {
        return new ConcentratedCurve(Math.sqrt(3000), Math.sqrt(depth * depth * 3000), feePips, true);
    }

    @Test
    void constantProductPaysWhatXTimesYEqualsKSays() {
        // 2 WETH less 0.3 % = 1.994 into 1,000 WETH / 3,000,000 USDC: 3,000,000 x 1.994 / 1,001.994
        assertEquals(5970.095629315146, cp(1000, 30).amountOut(2), 1e-9);
        // no fee, 1,000 in: half the quote reserve
        assertEquals(1_500_000, cp(1000, 0).amountOut(1000), 1e-6);
    }

    @Test
    void concentratedInRangePaysTheWhitepapersDeltas() {
        // L 1000, sqrtP 2 (price 4), 10 of token0 in, no fee: sqrtP' = 1000 x 2 / (1000 + 10 x 2) = 1.96078...,
        // out = 1000 x (2 - 1.96078...) = 40,000 / 1,020 = 39.2156862745...
        assertEquals(40_000.0 / 1_020, new ConcentratedCurve(2, 1000, 0, true).amountOut(10), 1e-12);
        // 10 of token1 in: sqrtP' = 2 + 10 / 1000 = 2.01, out = 1000 x (1/2 - 1/2.01) = 10 / 4.02 = 2.48756...
        assertEquals(10 / 4.02, new ConcentratedCurve(2, 1000, 0, false).amountOut(10), 1e-12);
        // the fee comes off the input first: 10.05025... in at 0.5 % is 10 net
        assertEquals(10 / 4.02, new ConcentratedCurve(2, 1000, 5_000, false).amountOut(10 / 0.995), 1e-12);
    }

    @Test
    void aFullRangeV3PoolIsAConstantProductPoolWithTheSameReserves() {
        for (double in : new double[] {0.001, 1, 37, 400}) {
            assertEquals(cp(1000, 30).amountOut(in), v3(1000, 3_000).amountOut(in), 1e-9 * cp(1000, 30).amountOut(in));
        }
        // and selling token1 (USDC) for token0 (WETH)
        ConcentratedCurve usdcIn = new ConcentratedCurve(Math.sqrt(3000), Math.sqrt(1000 * 3_000_000.0), 500, false);
        ConstantProductCurve usdcPool = new ConstantProductCurve(3_000_000, 1000, 5);
        assertEquals(usdcPool.amountOut(50_000), usdcIn.amountOut(50_000), 1e-9);
    }

    @Test
    void twoSamePricePoolsSplitInProportionToDepthAndPayAsOnePool() {
        // Without fees, same-price pools of 1,000 and 3,000 WETH equalise marginal prices at inputs in
        // proportion to depth: 40 -> 10 and 30, paying what one pool of 4,000 pays: 12e6 x 40 / 4,040.
        List<Venue> venues = List.of(new Venue("thin", cp(1000, 0), 0), new Venue("deep", cp(3000, 0), 0));
        Router.Route r = Router.best(venues, 40, 400);
        assertEquals(2, r.legs().size());
        assertEquals(0, r.legs().get(0).venue());
        assertEquals(10, r.legs().get(0).amountIn(), 0.1 + 1e-9);
        assertEquals(30, r.legs().get(1).amountIn(), 0.1 + 1e-9);
        assertEquals(40, r.legs().get(0).amountIn() + r.legs().get(1).amountIn(), 1e-9);
        assertEquals(12e6 * 40 / 4040, r.amountOut(), 0.01);
        assertEquals(r.amountOut(), r.netOut(), 0);
        assertEquals(cp(1000, 0).amountOut(r.legs().get(0).amountIn()), r.legs().get(0).amountOut(), 1e-9);
    }

    @Test
    void gasKeepsASmallOrderOnOneVenueAndIsCharged() {
        // 0.01 WETH: splitting saves under a cent of impact, a second leg costs 5 USDC of gas
        List<Venue> venues = List.of(new Venue("thin", cp(1000, 0), 5), new Venue("deep", cp(3000, 0), 5));
        Router.Route r = Router.best(venues, 0.01, 100);
        assertEquals(1, r.legs().size());
        assertEquals(1, r.legs().get(0).venue());
        assertEquals(9e6 * 0.01 / 3000.01, r.amountOut(), 1e-9);
        assertEquals(9e6 * 0.01 / 3000.01 - 5, r.netOut(), 1e-9);
    }

    @Test
    void theChoiceFollowsFeesAndDepth() {
        // 1 WETH: a deep 0.05 % Uniswap pool beats our 0.3 % pool of the same depth, 25 bps of 3000 = ~7.5 USDC
        Venue ours = new Venue("cp", cp(1000, 30), 1.0);
        Router.Route deep = Router.best(List.of(ours, new Venue("v3", v3(1000, 500), 1.5)), 1, 200);
        assertEquals(List.of(1), deep.legs().stream().map(Router.Leg::venue).toList());
        // a thin one (10 WETH deep) loses: 1 WETH moves it ~10 %
        Router.Route thin = Router.best(List.of(ours, new Venue("v3", v3(10, 500), 1.5)), 1, 200);
        assertEquals(List.of(0), thin.legs().stream().map(Router.Leg::venue).toList());
        // a large order (100 WETH) splits over both deep pools
        Router.Route large = Router.best(List.of(ours, new Venue("v3", v3(1000, 500), 1.5)), 100, 200);
        assertEquals(List.of(0, 1), large.legs().stream().map(Router.Leg::venue).toList());
        assertEquals(large.amountOut() - 2.5, large.netOut(), 1e-9);
    }

    @Test
    void tiesGoToTheEarlierVenue() {
        Venue a = new Venue("a", cp(1000, 30), 0);
        Venue b = new Venue("b", cp(1000, 30), 0);
        // one step: venue a alone and venue b alone net the same; the earlier set wins
        assertEquals(List.of(0), Router.best(List.of(a, b), 1, 1).legs().stream().map(Router.Leg::venue).toList());
        // three steps over two equal venues: one each, then the tie for the third goes to a
        Router.Route r = Router.best(List.of(a, b), 3, 3);
        assertEquals(2, r.legs().get(0).amountIn(), 0);
        assertEquals(1, r.legs().get(1).amountIn(), 0);
    }

    @Test
    void gasCostIsGasTimesPriceInTheOutputToken() {
        // 150,000 gas at 20 gwei = 0.003 ETH, at 3,000 USDC per ETH = 9 USDC
        assertEquals(9, Venue.gasCost(150_000, 20, 3000), 1e-12);
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertEquals("reserves must be positive, were 0.0 and 1.0",
            assertThrows(IllegalArgumentException.class, () -> new ConstantProductCurve(0, 1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConstantProductCurve(1, 0, 0));
        assertEquals("feeBps must be in [0, 10000), was 10000.0",
            assertThrows(IllegalArgumentException.class, () -> new ConstantProductCurve(1, 1, 10_000)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConstantProductCurve(1, 1, -1));
        assertEquals("sqrtPrice and liquidity must be positive, were 0.0 and 1.0",
            assertThrows(IllegalArgumentException.class, () -> new ConcentratedCurve(0, 1, 0, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConcentratedCurve(1, 0, 0, true));
        assertEquals("feePips must be in [0, 1000000), was 1000000.0",
            assertThrows(IllegalArgumentException.class, () -> new ConcentratedCurve(1, 1, 1_000_000, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConcentratedCurve(1, 1, -1, true));
        assertEquals("gasCostOut of venue x must be >= 0, was -1.0",
            assertThrows(IllegalArgumentException.class, () -> new Venue("x", cp(1, 0), -1)).getMessage());
        Venue v = new Venue("x", cp(1, 0), 0);
        assertEquals("venues must number 1..10, were 0",
            assertThrows(IllegalArgumentException.class, () -> Router.best(List.of(), 1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Router.best(java.util.Collections.nCopies(11, v), 1, 1));
        // ten venues is the most: 1,023 subsets; ten identical ones share 10 equally
        assertEquals(10, Router.best(java.util.Collections.nCopies(10, v), 10, 10).legs().size());
        assertEquals("amountIn must be positive, was 0.0",
            assertThrows(IllegalArgumentException.class, () -> Router.best(List.of(v), 0, 1)).getMessage());
        assertEquals("steps must be >= 1, was 0",
            assertThrows(IllegalArgumentException.class, () -> Router.best(List.of(v), 1, 0)).getMessage());
        // one step: everything on one venue
        assertEquals(1, Router.best(List.of(v), 1, 1).legs().size());
    }
}
