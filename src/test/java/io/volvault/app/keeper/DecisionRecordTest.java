package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.StrategyConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

class DecisionRecordTest {

    private static final Action.Write WRITE = new Action.Write(OptionType.CALL, 3300, 1_700_604_800L, 1.5, 20.25, "sell calls");

    static DecisionRecord.Inputs inputs(double lastClose) {
        PriceBars bars = PriceBars.ofCloses(new long[] {1_700_000_000L, 1_700_086_400L}, new double[] {3000, lastClose});
        return new DecisionRecord.Inputs("classes 0xabc", StrategyConfig.defaults(), 1_700_086_400L, lastClose, 0.55, List.of(),
            new PortfolioState(2, 100, List.of(new ShortOption(OptionType.PUT, 2700.5, 1_700_600_000L, 0.25)), Long.MIN_VALUE),
            bars);
    }

    @Test
    void inputsAreCanonicalJsonThatReadsBackToTheSameText() {
        String json = DecisionRecord.of(inputs(3100.5), WRITE).inputsJson();
        assertTrue(json.startsWith("{\"code\":\"classes 0xabc\",\"config\":{\"initialNav\":"), json);
        assertTrue(json.contains("\"time\":1700086400,\"spot\":3100.5,\"impliedVol\":0.55,"), json);
        assertTrue(json.contains("\"shorts\":[{\"type\":\"PUT\",\"strike\":2700.5,\"expiryEpochSeconds\":1700600000,\"size\":0.25}]"),
            json);
        assertTrue(json.endsWith("\"close\":[3000.0,3100.5]}}"), json);
        DecisionRecord.Inputs back = DecisionRecord.parse(json);
        assertEquals(json, DecisionRecord.json(back));
        assertEquals(StrategyConfig.defaults(), back.config());
        assertEquals(WRITE.toString(), DecisionRecord.of(back, WRITE).decision());
    }

    @Test
    void hashesAreKeccak256OfTheUtf8Text() {
        // keccak-256 of the empty string and of "abc": the well-known constant and the Keccak team's test vector
        assertEquals("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Numeric.toHexString(DecisionRecord.keccak("")));
        assertEquals("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45",
            Numeric.toHexString(DecisionRecord.keccak("abc")));
        DecisionRecord r = DecisionRecord.of(inputs(3100.5), WRITE);
        assertEquals(Numeric.toHexString(DecisionRecord.keccak(r.inputsJson())), Numeric.toHexString(r.inputsHash()));
        assertEquals(Numeric.toHexString(DecisionRecord.keccak(WRITE.toString())), Numeric.toHexString(r.decisionHash()));
        assertFalse(Arrays.equals(r.inputsHash(), DecisionRecord.of(inputs(3100.25), WRITE).inputsHash()), "one price changes it");
        assertTrue(DecisionRecord.codeVersion().matches("classes 0x[0-9a-f]{64}"), DecisionRecord.codeVersion());
    }

    @Test
    void refusesTextThatIsNotInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionRecord.parse("{\"code\":1,\"x\":2}"));
        assertTrue(e.getMessage().startsWith("not decision inputs: "), e.getMessage());
    }
}
