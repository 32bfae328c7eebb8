package io.volvault.strategy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.realized.Estimator;
import io.volvault.strategy.StrategyConfig.CalibrationBars;
import io.volvault.strategy.StrategyConfig.Costs;
import io.volvault.strategy.StrategyConfig.Forecast;
import io.volvault.strategy.StrategyConfig.ForecastSource;
import io.volvault.strategy.StrategyConfig.Options;
import io.volvault.strategy.StrategyConfig.Rebalance;
import io.volvault.strategy.StrategyConfig.Risk;
import io.volvault.strategy.StrategyConfig.Sizing;
import io.volvault.strategy.StrategyConfig.SizingRule;
import io.volvault.strategy.StrategyConfig.VrpRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every bound of {@link StrategyConfig} at its edge: the edge value is accepted, the value just
 * past it is refused with a message naming the field and the value; and each {@code with...}
 * changes only its own field.
 */
class StrategyConfigBoundsTest {

    private static final StrategyConfig D = StrategyConfig.defaults();

    private static void refused(String field, String value, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
        assertTrue(e.getMessage().endsWith(value), e.getMessage());
    }

    private static Sizing sizing(double target, double maxLev, double fixed, double floor, double mult) {
        return new Sizing(SizingRule.VOL_TARGET, target, maxLev, fixed, floor, mult);
    }

    private static Forecast forecast(int window, int ivWindow, int calibration, double weight, double ratio) {
        return new Forecast(ForecastSource.REALIZED, Estimator.EWMA, window, ivWindow, calibration, CalibrationBars.ALL, 0,
            weight, ratio);
    }

    private static Options options(double callDelta, double putDelta, int tenor, double callFraction,
                                   double putShare, double spread, double minVrp) {
        return new Options(true, true, callDelta, putDelta, tenor, callFraction, putShare, spread, minVrp,
            VrpRule.SKIP);
    }

    @Test
    void positiveFieldsRefuseZeroInfinityAndNaNAndTakeTheSmallestPositive() {
        refused("initial_nav", "got 0.0", () -> new StrategyConfig(0, D.sizing(), D.forecast(), D.rebalance(),
            D.options(), D.risk(), D.costs()));
        refused("initial_nav", "got Infinity", () -> new StrategyConfig(Double.POSITIVE_INFINITY, D.sizing(),
            D.forecast(), D.rebalance(), D.options(), D.risk(), D.costs()));
        refused("initial_nav", "got NaN", () -> new StrategyConfig(Double.NaN, D.sizing(), D.forecast(),
            D.rebalance(), D.options(), D.risk(), D.costs()));
        assertDoesNotThrow(() -> new StrategyConfig(Double.MIN_VALUE, D.sizing(), D.forecast(), D.rebalance(),
            D.options(), D.risk(), D.costs()));
        refused("sizing.target_vol", "got 0.0", () -> sizing(0, 1, 0.5, 0.8, 3));
        refused("sizing.max_leverage", "got -1.0", () -> sizing(0.4, -1, 0.5, 0.8, 3));
        refused("sizing.cppi_multiplier", "got 0.0", () -> sizing(0.4, 1, 0.5, 0.8, 0));
        refused("rebalance.assumed_sharpe", "got 0.0", () -> new Rebalance(0));
        refused("risk.max_vega_share", "got 0.0", () -> new Risk(0, 0.1));
        refused("risk.max_gamma_share", "got -0.1", () -> new Risk(0.1, -0.1));
        refused("forecast.proxy_premium_ratio", "got 0.0", () -> forecast(20, 90, 365, 0.5, 0));
        refused("costs.pool_depth_quote", "got 0.0", () -> new Costs(30, 0, 5));
        refused("options.vrp_rule", "is missing", () -> new Options(true, true, 0.2, 0.2, 7, 1, 0.25, 0.05, 1, null));
        refused("sizing.rule", "is missing", () -> new Sizing(null, 0.4, 1, 0.5, 0.8, 3));
        refused("forecast.source", "is missing", () -> new Forecast(null, Estimator.EWMA, 20, 90, 365,
            CalibrationBars.ALL, 0, 0.5, 1));
        refused("forecast.estimator", "is missing", () -> new Forecast(ForecastSource.REALIZED, null, 20, 90,
            365, CalibrationBars.ALL, 0, 0.5, 1));
        refused("forecast.calibration_bars", "is missing", () -> new Forecast(ForecastSource.REALIZED, Estimator.EWMA,
            20, 90, 365, null, 0, 0.5, 1));
    }

    @Test
    void everyPartOfTheConfigIsRequired() {
        refused("sizing", "is missing", () -> new StrategyConfig(1, null, D.forecast(), D.rebalance(), D.options(),
            D.risk(), D.costs()));
        refused("forecast", "is missing", () -> new StrategyConfig(1, D.sizing(), null, D.rebalance(), D.options(),
            D.risk(), D.costs()));
        refused("rebalance", "is missing", () -> new StrategyConfig(1, D.sizing(), D.forecast(), null, D.options(),
            D.risk(), D.costs()));
        refused("options", "is missing", () -> new StrategyConfig(1, D.sizing(), D.forecast(), D.rebalance(), null,
            D.risk(), D.costs()));
        refused("risk", "is missing", () -> new StrategyConfig(1, D.sizing(), D.forecast(), D.rebalance(), D.options(),
            null, D.costs()));
        refused("costs", "is missing", () -> new StrategyConfig(1, D.sizing(), D.forecast(), D.rebalance(), D.options(),
            D.risk(), null));
    }

    @Test
    void rangesTakeBothEndsAndRefuseJustPastThem() {
        // sizing.fixed_weight in [0, max leverage]
        assertDoesNotThrow(() -> sizing(0.4, 1.5, 0, 0.8, 3));
        assertDoesNotThrow(() -> sizing(0.4, 1.5, 1.5, 0.8, 3));
        refused("sizing.fixed_weight", "got -1.0E-9", () -> sizing(0.4, 1.5, -1e-9, 0.8, 3));
        refused("sizing.fixed_weight", "got 1.500001", () -> sizing(0.4, 1.5, 1.500001, 0.8, 3));
        // sizing.cppi_floor in [0, 1]
        assertDoesNotThrow(() -> sizing(0.4, 1, 0.5, 0, 3));
        assertDoesNotThrow(() -> sizing(0.4, 1, 0.5, 1, 3));
        refused("sizing.cppi_floor", "got 1.000001", () -> sizing(0.4, 1, 0.5, 1.000001, 3));
        refused("sizing.cppi_floor", "got NaN", () -> sizing(0.4, 1, 0.5, Double.NaN, 3));
        // forecast.implied_weight in [0, 1]
        assertDoesNotThrow(() -> forecast(20, 90, 365, 0, 1));
        assertDoesNotThrow(() -> forecast(20, 90, 365, 1, 1));
        refused("forecast.implied_weight", "got -0.01", () -> forecast(20, 90, 365, -0.01, 1));
        // options: deltas in [0.01, 0.99], fractions and spread in [0, 1], min VRP ratio in [0, 100]
        assertDoesNotThrow(() -> options(0.01, 0.99, 1, 0, 0, 0, 0));
        assertDoesNotThrow(() -> options(0.99, 0.01, 1, 1, 1, 1, 100));
        refused("options.call_delta", "got 0.009", () -> options(0.009, 0.2, 7, 1, 0.25, 0.05, 1));
        refused("options.call_delta", "got 0.991", () -> options(0.991, 0.2, 7, 1, 0.25, 0.05, 1));
        refused("options.put_delta", "got 0.009", () -> options(0.2, 0.009, 7, 1, 0.25, 0.05, 1));
        refused("options.put_delta", "got 0.991", () -> options(0.2, 0.991, 7, 1, 0.25, 0.05, 1));
        refused("options.call_fraction", "got 1.01", () -> options(0.2, 0.2, 7, 1.01, 0.25, 0.05, 1));
        refused("options.put_delta_share", "got -0.01", () -> options(0.2, 0.2, 7, 1, -0.01, 0.05, 1));
        refused("options.premium_spread", "got 1.01", () -> options(0.2, 0.2, 7, 1, 0.25, 1.01, 1));
        refused("options.min_vrp_ratio", "got 100.5", () -> options(0.2, 0.2, 7, 1, 0.25, 0.05, 100.5));
        // costs: fee in [0, 10,000] bps, gas >= 0
        assertDoesNotThrow(() -> new Costs(0, 1, 0));
        assertDoesNotThrow(() -> new Costs(10_000, 1, 0));
        refused("costs.pool_fee_bps", "got 10000.5", () -> new Costs(10_000.5, 1, 0));
        refused("costs.gas_per_transaction", "got -1.0", () -> new Costs(30, 1, -1));
    }

    @Test
    void dayCountsHaveTheirFloors() {
        assertDoesNotThrow(() -> forecast(1, 2, 0, 0.5, 1));
        refused("forecast.window_days", "got 0", () -> forecast(0, 90, 365, 0.5, 1));
        refused("forecast.iv_window_days", "got 1", () -> forecast(20, 1, 365, 0.5, 1));
        refused("forecast.calibration_days", "got -1", () -> forecast(20, 90, -1, 0.5, 1));
        // The long-run window: 0 (off) or longer than the estimator's window.
        Forecast f = forecast(20, 90, 365, 0.5, 1);
        assertEquals(21, f.withLongRunDays(21).longRunDays());
        refused("forecast.long_run_days", "window_days (20), got 20", () -> f.withLongRunDays(20));
        refused("forecast.long_run_days", "got -1", () -> f.withLongRunDays(-1));
        refused("options.tenor_days", "got 0", () -> options(0.2, 0.2, 0, 1, 0.25, 0.05, 1));
    }

    @Test
    void daysBecomeBarsRoundedAndAtLeastTwo() {
        // days x bars a year / 365, rounded half up, at least 2
        assertEquals(2, Forecast.bars(1, 365));          // 1 -> 2
        assertEquals(20, Forecast.bars(20, 365));
        assertEquals(480, Forecast.bars(20, 365 * 24));   // hourly bars: 24 a day
        assertEquals(3, Forecast.bars(5, 182.5));        // 2.5 -> 3
        assertEquals(2, Forecast.bars(3, 200));          // 1.64 -> 2
        assertEquals(7, Forecast.bars(10, 255));         // 6.99 -> 7
        Forecast f = forecast(20, 90, 365, 0.5, 1);
        assertEquals(480, f.windowBars(365 * 24));
        assertEquals(2160, f.ivWindowBars(365 * 24));
    }

    @Test
    void eachWithChangesOnlyItsOwnField() {
        Sizing s = D.sizing().withTargetVol(0.25).withFixedWeight(0.3).withRule(SizingRule.CPPI);
        assertEquals(new Sizing(SizingRule.CPPI, 0.25, D.sizing().maxLeverage(), 0.3, D.sizing().cppiFloor(),
            D.sizing().cppiMultiplier()), s);
        Forecast f = D.forecast().withEstimator(Estimator.PARKINSON, 30).withSource(ForecastSource.BLEND)
            .withProxyPremiumRatio(1.3).withCalibrationDays(0).withLongRunDays(31)
            .withCalibrationBars(CalibrationBars.ALL);
        assertEquals(new Forecast(ForecastSource.BLEND, Estimator.PARKINSON, 30, D.forecast().ivWindowDays(), 0,
            CalibrationBars.ALL, 31, D.forecast().impliedWeight(), 1.3), f);
        assertEquals(CalibrationBars.UNCAPPED, D.forecast().calibrationBars());
        // vol targeting sits at the cap once target / forecast reaches max leverage
        assertEquals(0.2, sizing(0.4, 2, 0.5, 0.8, 3).capVol(), 1e-15);
        assertEquals(0.4, D.sizing().capVol(), 1e-15);
        Options o = D.options().withDeltaAndTenor(0.15, 30).with(false, true, 0.5, 0.75);
        assertEquals(new Options(false, true, 0.15, 0.15, 30, 0.5, 0.75, D.options().premiumSpread(),
            D.options().minVrpRatio(), D.options().vrpRule()), o);
        StrategyConfig c = D.withSizing(s).withForecast(f).withRebalance(new Rebalance(2)).withOptions(o);
        assertEquals(new StrategyConfig(D.initialNav(), s, f, new Rebalance(2), o, D.risk(), D.costs()), c);
    }
}
