package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The widest bracket strikeForDelta tries, as its refusal reports it. */
class OptionMarksBracketLimitTest {

    private static final double SPOT = 80_000;
    private static final double YEARS = 7 / 365.0;

    /**
     * SVI a = 0.0005, b = 1.5, rho = 0.8, m = 0, sigma = 0.01: b (1 + rho) = 2.7 > 2 (past Lee's
     * bound), so no call strike has delta 0.2. ATM total variance a + b sigma = 0.0155, so the ATM vol
     * is sqrt(0.0155 x 365 / 7) = 0.8990, above the 0.3 forecast. The bracket starts at 8 ATM
     * deviations and doubles 4 times: 128 x 0.8990 = 115.07 vol points x sqrt(T), 11,507 when the
     * message rounds width / sqrt(T) x 100.
     */
    @Test
    void theRefusalNamesTheWidestBracket() {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(YEARS, SPOT, new SviParams(0.0005, 1.5, 0.8, 0.0, 0.01))));
        MarketState m = new MarketState(1_700_000_000L, SPOT, 0.3, surface, 0, 0, 0, 0);
        long points = Math.round(128 * Math.sqrt(0.0155 * 365 / 7) * 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OptionMarks.strikeForDelta(OptionType.CALL, 0.2, YEARS, m));
        assertTrue(e.getMessage().startsWith("no call strike within " + points + " vol points x sqrt(T) of spot 80000.0"),
            e.getMessage());
    }
}
