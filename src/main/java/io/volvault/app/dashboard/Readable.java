package io.volvault.app.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers at human scale, the rule the page (app.js {@code readable}) follows too: six significant
 * digits, but whole numbers from 100,000 up (never rounding away integer digits), halves away from
 * zero, trailing zeros dropped, thousands separated by commas.
 */
public final class Readable {

    private static final BigDecimal WHOLE_FROM = BigDecimal.valueOf(100_000);
    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_UP);

    private Readable() {}

    /** "10.3017" for 10.301722400468992564, "1,082,234" for 1082233.68, "-0.0282353" for -0.028235294117647058. */
    public static String number(BigDecimal value) {
        BigDecimal rounded = value.abs().compareTo(WHOLE_FROM) >= 0
            ? value.setScale(0, RoundingMode.HALF_UP) : value.round(SIX).stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        format.setMaximumFractionDigits(Math.max(0, rounded.scale()));
        return format.format(rounded);
    }

    /** "10.3017 WETH". */
    public static String amount(Amount a) {
        return number(a.value()) + " " + a.unit();
    }

    /** "12.5 %" for 0.125: a fraction as a percentage, rounded to two decimals. */
    public static String percent(double fraction) {
        BigDecimal pct = BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        return number(pct) + " %";
    }
}
