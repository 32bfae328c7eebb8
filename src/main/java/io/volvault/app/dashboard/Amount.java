package io.volvault.app.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A token quantity exactly as the chain holds it ({@code raw} integer units) and in whole tokens
 * ({@code value} = raw / 10^decimals, exact, no rounding).
 */
public record Amount(String raw, BigDecimal value, String unit) {

    public static Amount of(BigInteger raw, int decimals, String unit) {
        BigDecimal value = new BigDecimal(raw, decimals).stripTrailingZeros();
        return new Amount(raw.toString(), value.scale() < 0 ? value.setScale(0) : value, unit);
    }

    /** "1.5 WETH": the exact value and its unit. */
    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
