package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ReadableTest {

    private static String n(String value) {
        return Readable.number(new BigDecimal(value));
    }

    @Test
    void sixSignificantDigitsWithSeparators() {
        assertEquals("10.3017", n("10.301722400468992564"));     // the example
        assertEquals("1,234.57", n("1234.5678"));
        assertEquals("12,345.7", n("12345.66"));
        assertEquals("99,999.5", n("99999.46"));
        assertEquals("0.0125301", n("0.01253005"));              // half away from zero at the sixth digit
        assertEquals("-0.0282353", n("-0.028235294117647058"));
        assertEquals("0.06", n("0.060000"));                     // trailing zeros dropped
        assertEquals("0", n("0"));
        assertEquals("3,000", n("3000"));
    }

    @Test
    void wholeNumbersFromOneHundredThousandOn() {
        assertEquals("1,082,234", n("1082233.68"));
        assertEquals("100,000", n("99999.99"));                  // rounds up into the whole range's look
        assertEquals("-250,001", n("-250000.5"));
        assertEquals("100,000", n("100000.4"));
    }

    @Test
    void amountsCarryTheirUnitAndComeFromTheRawUnits() {
        assertEquals("10.3017 WETH", Readable.amount(Amount.of(new BigInteger("10301722400468992564"), 18, "WETH")));
        assertEquals("0.5 WBTC", Readable.amount(Amount.of(BigInteger.valueOf(50_000_000), 8, "WBTC")));
        assertEquals("30,000 USDC", Readable.amount(Amount.of(BigInteger.valueOf(30_000_000_000L), 6, "USDC")));
    }

    @Test
    void percentagesKeepTwoDecimals() {
        assertEquals("12.5 %", Readable.percent(0.125));
        assertEquals("-0.32 %", Readable.percent(-0.003207091055600323));
        assertEquals("34.23 %", Readable.percent(0.342349));
    }
}
