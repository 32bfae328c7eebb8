package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The keeper on a recorded chain strikes on the chain's fitted smile, not on the model's smile
 * around the chain's ATM level: the covered call's strike is the one whose Black-Scholes delta at
 * the smile's vol for that strike is the configured call delta, solved here by plain bisection.
 */
class RecordedSmileDecisionTest {

    private static final long DAY = 86_400;
    private static final long START = 1_767_600_000L;
    private static final double SPOT = 3000;

    /** 60 daily closes alternating 3 % apart: a forecast over the 40 % target and under the smile's 65 %, so calls are sold. */
    private static DecisionRecord.Inputs inputs(double atm30, List<SviSlice> smile) {
        long[] times = new long[60];
        double[] closes = new double[60];
        for (int i = 0; i < 60; i++) {
            times[i] = START + i * DAY;
            closes[i] = SPOT * (i % 2 == 0 ? 1 : 1.03);
        }
        closes[59] = SPOT;
        StrategyConfig config = VaultKind.COVERED_CALL.config(StrategyConfig.defaults());
        return new DecisionRecord.Inputs("classes 0xabc", config, times[59], SPOT, atm30, smile,
            new PortfolioState(100, 0, List.of(), Long.MIN_VALUE), PriceBars.ofCloses(times, closes));
    }

    private static Action.Write call(DecisionRecord.Inputs in) {
        return Keeper.decide(new Strategy(in.config()), Keepers.MARKETS, in).decision().actions().stream()
            .filter(Action.Write.class::isInstance).map(Action.Write.class::cast)
            .filter(w -> w.type() == OptionType.CALL).findFirst().orElseThrow();
    }

    /** The call strike of Black-Scholes delta {@code delta} (no rate, spot {@link #SPOT}) with vol {@code iv(K)}. */
    private static double strikeOfCallDelta(double delta, double years, DoubleUnaryOperator iv) {
        NormalDistribution n = new NormalDistribution();
        double lo = SPOT;
        double hi = 3 * SPOT;
        for (int i = 0; i < 200; i++) {
            double k = 0.5 * (lo + hi);
            double vol = iv.applyAsDouble(k);
            double d1 = (Math.log(SPOT / k) + 0.5 * vol * vol * years) / (vol * Math.sqrt(years));
            if (n.cumulativeProbability(d1) > delta) {
                lo = k;
            } else {
                hi = k;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void theCallIsStruckAtTheConfiguredDeltaOnTheRecordedSmile() {
        StrategyConfig.Options o = VaultKind.COVERED_CALL.config(StrategyConfig.defaults()).options();
        double years = o.tenorDays() / 365.0;
        // Raw SVI, a call-side (rho > 0) smile around a forward 0.2 % over spot:
        // w(k) = 0.006 + 0.02 (0.3 (k - 0) + sqrt(k^2 + 0.1^2)); ATM w = 0.008, vol sqrt(0.008 / T) = 64.6 % at 7 days.
        double forward = SPOT * 1.002;
        SviParams svi = new SviParams(0.006, 0.02, 0.3, 0, 0.1);
        List<SviSlice> smile = List.of(new SviSlice(years, forward, svi));
        double atm = Math.sqrt(0.008 / years);

        DoubleUnaryOperator smileVol = k -> {
            double x = Math.log(k / forward);
            return Math.sqrt((0.006 + 0.02 * (0.3 * x + Math.sqrt(x * x + 0.01))) / years);
        };
        DoubleUnaryOperator modelVol = k -> Keepers.SKEW.slice(atm, SPOT, years, Keepers.TERM).iv(k);
        double onSmile = strikeOfCallDelta(o.callDelta(), years, smileVol);
        double onModel = strikeOfCallDelta(o.callDelta(), years, modelVol);

        Action.Write recorded = call(inputs(atm, smile));
        Action.Write model = call(inputs(atm, List.of()));
        assertTrue(recorded.reason().contains("delta " + o.callDelta() + ","), recorded.reason());
        assertTrue(model.reason().contains("delta " + o.callDelta() + ","), model.reason());
        assertEquals(onSmile, recorded.strike(), 1e-6 * SPOT);
        assertEquals(onModel, model.strike(), 1e-6 * SPOT);
        // the smile's call wing is dearer than the model's here, so the strike sits further out
        assertEquals(onSmile - onModel, recorded.strike() - model.strike(), 2e-6 * SPOT);
        assertTrue(onSmile - onModel > 10, onSmile + " against " + onModel);
    }

    /**
     * Rolled forward one day, a 7-day slice is a 6-day one with the same vol at every strike (total
     * variance scaled by 6/7, the forward kept); a slice that has expired by then is dropped.
     */
    @Test
    void aSnapshotIsRolledToTheDecisionTimeStickyStrike() {
        SviSlice week = new SviSlice(7 / 365.0, 3006, new SviParams(0.003, 0.02, 0.3, 0.01, 0.1));
        SviSlice hours = new SviSlice(0.5 / 365.0, 3001, new SviParams(0.0002, 0.002, -0.2, 0, 0.05));
        List<SviSlice> rolled = ImpliedVolSource.rolledTo(VolSurface.of(List.of(hours, week)),
            1 / 365.0);
        assertEquals(1, rolled.size());
        SviSlice r = rolled.get(0);
        assertEquals(6 / 365.0, r.expiry(), 1e-15);
        assertEquals(3006, r.forward());
        assertEquals(0.003 * 6 / 7, r.params().a(), 1e-15);
        assertEquals(0.02 * 6 / 7, r.params().b(), 1e-15);
        assertEquals(0.3, r.params().rho());
        for (double k : new double[] {2500, 3006, 3500}) {
            assertEquals(week.iv(k), r.iv(k), 1e-12);
        }
    }
}
