package io.volvault.strategy.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.strategy.StrategyConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Execution of an equal-weight allocation replayed by hand: x y = k pools written out here, a 30 bp
 * fee on what goes in, gas from cash, sales before purchases and purchases scaled to the cash left.
 */
class AllocationExecutionTest {

    private static final double FEE = 0.003;
    private static final double DEPTH = 1_000_000;
    private static final double GAS = 5;
    private static final long DAY = 86_400;

    /** Base out of a pool priced at {@code spot} for {@code quoteIn}: (Q / S) q (1 - f) / (Q + q (1 - f)). */
    private static double buy(double quoteIn, double spot) {
        double in = quoteIn * (1 - FEE);
        return DEPTH / spot * in / (DEPTH + in);
    }

    /** Quote out for selling {@code baseIn}: Q x (1 - f) / (Q / S + x (1 - f)). */
    private static double sell(double baseIn, double spot) {
        double in = baseIn * (1 - FEE);
        return DEPTH * in / (DEPTH / spot + in);
    }

    @Test
    void sellsFirstBuysProRataFromWhatIsLeftAndChargesFeesAndGas() {
        // Asset A: 100 for three days, then 150, then flat; asset B flat at 50. Window 2, band 5 %,
        // calendar 2 days. Trading starts at bar 2 (the first with two returns behind it).
        long[] t = {0, DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY};
        double[][] close = {{100, 100, 100, 150, 150, 150}, {50, 50, 50, 50, 50, 50}};
        AssetCloses h = new AssetCloses(new String[] {"A", "B"}, t, close, 365);
        AllocationConfig config = new AllocationConfig(10_000, 2, 2, 0.05, 1,
            new StrategyConfig.Costs(30, DEPTH, GAS));
        AllocationRun run = AllocationBacktester.run(AllocationStrategy.rebalanced("eq", AllocationRule.EQUAL_WEIGHT),
            h, config, 2, 6);

        // Bar 2, first allocation: 5,000 of each wanted, 10,000 - 2 x 5 gas left, so 99.9 % of each is bought.
        double spentEach = 0.999 * 5_000;
        double unitsA = buy(spentEach, 100);
        double unitsB = buy(spentEach, 50);
        double cash = 10_000 - 2 * (spentEach + GAS);
        assertEquals(0.0, cash, 1e-9);
        double costs = 2 * GAS + (spentEach - unitsA * 100) + (spentEach - unitsB * 50);
        double nav2 = unitsA * 100 + unitsB * 50 + cash;
        assertEquals(nav2, run.portfolio().nav()[0], 1e-9);
        assertArrayEquals(new double[] {unitsA * 100 / nav2, unitsB * 50 / nav2}, run.weights()[0], 1e-12);

        // Bar 3: A rises 50 %, its weight is about 0.6, off its 0.5 by more than the band: sell A, then buy B.
        double navBefore = unitsA * 150 + unitsB * 50 + cash;
        double soldA = unitsA - 0.5 * navBefore / 150;
        double wantedB = (0.5 * navBefore / 50 - unitsB) * 50;
        double proceeds = sell(soldA, 150);
        cash += proceeds - GAS;
        costs += soldA * 150 - proceeds + GAS;
        double traded = soldA * 150;
        unitsA -= soldA;
        double spentB = Math.min(1, (cash - GAS) / wantedB) * wantedB;
        double boughtB = buy(spentB, 50);
        cash -= spentB + GAS;
        costs += spentB - boughtB * 50 + GAS;
        traded += boughtB * 50;
        unitsB += boughtB;
        double nav3 = unitsA * 150 + unitsB * 50 + cash;
        assertEquals(nav3, run.portfolio().nav()[1], 1e-9);
        assertEquals(gross(unitsA * 150 + unitsB * 50, nav3), run.portfolio().weight()[1], 1e-12);

        // Bar 4: one day later, within the band: nothing trades. Bar 5: two days after bar 3, the calendar fires.
        assertEquals(nav3, run.portfolio().nav()[2], 1e-9);
        assertEquals(List.of("first allocation", "band", "calendar"),
            run.rebalances().stream().map(AllocationRebalance::trigger).toList());
        assertEquals(List.of(2, 3, 5), run.rebalances().stream().map(AllocationRebalance::bar).toList());
        // The calendar rebalance trades a little too; up to bar 3 the totals are the ones above.
        assertEquals(costs, costAfter(h, config, 4), 1e-9);
        assertEquals(traded, tradedAfter(h, config, 4), 1e-9);
    }

    private static double gross(double invested, double nav) {
        return invested / nav;
    }

    private static double costAfter(AssetCloses h, AllocationConfig config, int to) {
        return AllocationBacktester.run(AllocationStrategy.rebalanced("eq", AllocationRule.EQUAL_WEIGHT), h, config, 2, to)
            .portfolio().costs();
    }

    private static double tradedAfter(AssetCloses h, AllocationConfig config, int to) {
        return AllocationBacktester.run(AllocationStrategy.rebalanced("eq", AllocationRule.EQUAL_WEIGHT), h, config, 2, to)
            .portfolio().traded();
    }
}
