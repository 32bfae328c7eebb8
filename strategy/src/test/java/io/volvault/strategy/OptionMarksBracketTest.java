package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OptionMarks#strikeForDelta} on smiles steeper than its first bracket, as real short-dated wings are. */
class OptionMarksBracketTest {

    private static final double SPOT = 80_000;
    private static final double YEARS = 7 / 365.0;

    private static MarketState market(SviParams params) {
        VolSurface surface = VolSurface.of(List.of(new SviSlice(YEARS, SPOT, params)));
        return new MarketState(1_700_000_000L, SPOT, 0.3, surface, 0, 0, 0, 0);
    }

    @Test
    void aSteepCallWingNeedsAWiderBracketAndTheStrikeStillHasTheDelta() {
        // Total variance grows like b (1 + rho) k = 0.99 k for large k: a call's
        // d1 ~ (-k + 0.495 k) / sqrt(0.99 k) reaches -0.84 (delta 0.2) only near k = 2.8, while
        // eight ATM deviations (ATM vol about 0.37 here) reach k = 0.41.
        MarketState m = market(new SviParams(0.0005, 0.9, 0.1, 0.0, 0.01));
        double firstBracket = 8 * Math.max(0.3, m.surface().iv(SPOT, YEARS)) * Math.sqrt(YEARS);
        double strike = OptionMarks.strikeForDelta(OptionType.CALL, 0.2, YEARS, m);
        assertTrue(Math.log(strike / SPOT) > firstBracket, "strike " + strike + " lies past the first bracket");
        double vol = m.surface().iv(strike, YEARS);
        double delta = BlackScholes.delta(new BsOption(OptionType.CALL, SPOT, strike, YEARS, vol, 0, 0));
        assertEquals(0.2, delta, 1e-9);
    }

    /**
     * A target delta that the first bracket's edge has exactly (here the call's delta at spot x
     * e^{8 sigma sqrt T}, sigma the larger of the forecast and the ATM vol, on the steep wing above)
     * is held by that bracket: the edge is the strike, found without widening and not refused.
     */
    @Test
    void aDeltaExactlyAtTheBracketsEdgeIsThatEdgesStrike() {
        MarketState m = market(new SviParams(0.0005, 0.9, 0.1, 0.0, 0.01));
        double width = 8 * Math.max(0.3, m.surface().iv(SPOT, YEARS)) * Math.sqrt(YEARS);
        double edge = Math.exp(Math.log(SPOT) + width);
        double edgeDelta = BlackScholes.delta(new BsOption(OptionType.CALL, SPOT, edge, YEARS,
            m.surface().iv(edge, YEARS), 0, 0));
        assertTrue(edgeDelta > 0.2 && edgeDelta < 0.5, "the steep wing keeps the edge's delta high: " + edgeDelta);
        assertEquals(edge, OptionMarks.strikeForDelta(OptionType.CALL, edgeDelta, YEARS, m), 0.0);
    }

    /**
     * The first bracket is tried first and kept when it holds the strike. On the smile below, past
     * Lee's bound (b (1 + rho) = 2.7), the call's delta is not monotone: N(d1) with
     * d1 = (-k + w(k) / 2) / sqrt(w(k)), w(k) = a + b (rho k + sqrt(k^2 + sigma^2)), is about 0.98 at
     * k = -1 (the first bracket's lower end, 8 x 0.899 x sqrt(7/365) = 0.996), 0.525 at the money,
     * 0.584 at k = +0.996, and rises again to 0.80 at k = +15.9 (the widest bracket's upper end). A
     * delta of 0.6 is crossed between k = -0.1 (0.743) and the money, inside the first bracket, which
     * is used as it is; the widest bracket, whose ends both lie above 0.6, would refuse.
     */
    @Test
    void aFirstBracketThatHoldsTheStrikeIsUsedEvenOnAWingThatWouldRefuseWider() {
        MarketState m = market(new SviParams(0.0005, 1.5, 0.8, 0.0, 0.01));
        double strike = OptionMarks.strikeForDelta(OptionType.CALL, 0.6, YEARS, m);
        assertTrue(strike > SPOT * Math.exp(-0.1) && strike < SPOT, "strike " + strike);
        double delta = BlackScholes.delta(new BsOption(OptionType.CALL, SPOT, strike, YEARS,
            m.surface().iv(strike, YEARS), 0, 0));
        assertEquals(0.6, delta, 1e-9);
    }

    @Test
    void aWingPastLeesBoundHasNoStrikeAndSaysSo() {
        // b (1 + rho) = 2.7 > 2: the call's delta never falls to 0.2 however far out.
        MarketState m = market(new SviParams(0.0005, 1.5, 0.8, 0.0, 0.01));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OptionMarks.strikeForDelta(OptionType.CALL, 0.2, YEARS, m));
        assertTrue(e.getMessage().startsWith("no call strike within"), e.getMessage());
        assertTrue(e.getMessage().contains("has delta 0.2"), e.getMessage());
    }
}
