package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.StrategyConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class DecisionRecordTest {

    private static final Action.Write WRITE = new Action.Write(OptionType.CALL, 3300, 1_700_604_800L, 1.5, 20.25, "sell calls");

    private static DecisionRecord record(double lastClose) {
        PriceBars bars = PriceBars.ofCloses(new long[] {1_700_000_000L, 1_700_086_400L}, new double[] {3000, lastClose});
        return DecisionRecord.of("classes 0xabc", StrategyConfig.defaults(), 1_700_086_400L, 0.55,
            new PortfolioState(2, 100, List.of(), Long.MIN_VALUE), bars, WRITE);
    }

    @Test
    void inputsAreOneFactALineAndEveryPriceTheForecastRead() {
        List<String> lines = Arrays.asList(record(3100.5).inputs().split("\n"));
        assertEquals("code classes 0xabc", lines.get(0));
        assertEquals("config " + StrategyConfig.defaults(), lines.get(1));
        assertEquals("time 1700086400", lines.get(2));
        assertEquals("implied_vol 0.55", lines.get(3));
        assertEquals("portfolio " + new PortfolioState(2, 100, List.of(), Long.MIN_VALUE), lines.get(4));
        assertEquals(List.of("oracle_prices 2", "1700000000,3000.0", "1700086400,3100.5"), lines.subList(5, 8));
        assertEquals(8, lines.size());
        assertEquals(WRITE.toString(), record(3100.5).decision());
    }

    @Test
    void hashesAreKeccak256OfTheUtf8Text() {
        // keccak-256 of the empty string, the well-known constant
        assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Numeric.toHexString(new DecisionRecord("", "").inputsHash()));
        // keccak-256("abc"), the Keccak team's test vector
        assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
            Numeric.toHexString(new DecisionRecord("", "abc").decisionHash()));
        assertTrue(!Arrays.equals(record(3100.5).inputsHash(), record(3100.25).inputsHash()), "one price changes the hash");
        assertTrue(DecisionRecord.codeVersion().matches("classes 0x[0-9a-f]{64}"), DecisionRecord.codeVersion());
    }
}
