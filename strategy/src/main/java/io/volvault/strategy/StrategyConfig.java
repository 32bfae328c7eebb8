package io.volvault.strategy;

import io.volvault.greeks.realized.Estimator;

/**
 * Everything the strategy decides with, as plain values. {@link #defaults()} gives the documented
 * defaults; every constructor checks its ranges and names the offending field.
 *
 * @param initialNav capital at the start, in quote units (USD); also the CPPI reference
 * @param sizing how much spot-equivalent exposure to hold
 * @param forecast where the volatility forecast comes from
 * @param rebalance when to trade
 * @param options which options to write and how
 * @param risk caps on the short-option book
 * @param costs pool fee, depth, gas and option spread
 */
public record StrategyConfig(
        double initialNav,
        Sizing sizing,
        Forecast forecast,
        Rebalance rebalance,
        Options options,
        Risk risk,
        Costs costs) {

    public StrategyConfig {
        positive("initial_nav", initialNav);
        required("sizing", sizing);
        required("forecast", forecast);
        required("rebalance", rebalance);
        required("options", options);
        required("risk", risk);
        required("costs", costs);
    }

    /**
     * The documented defaults: a 40% vol target on a 20-day EWMA forecast, 0.20-delta weekly
     * options, the puts carrying half the book's delta.
     */
    public static StrategyConfig defaults() {
        return new StrategyConfig(
            1_000_000,
            new Sizing(SizingRule.VOL_TARGET, 0.40, 1.0, 0.5, 0.8, 3.0),
            new Forecast(ForecastSource.REALIZED, Estimator.EWMA, 20, 90, 365, CalibrationBars.UNCAPPED, 0, 0.5, 1.15),
            new Rebalance(1.0),
            new Options(true, true, 0.20, 0.20, 7, 1.0, 0.25, 0.05, 1.0, VrpRule.FURTHER_OTM),
            new Risk(0.5, 0.15),
            new Costs(30, 500_000_000, 5.0));
    }

    public StrategyConfig withSizing(Sizing s) {
        return new StrategyConfig(initialNav, s, forecast, rebalance, options, risk, costs);
    }

    public StrategyConfig withForecast(Forecast f) {
        return new StrategyConfig(initialNav, sizing, f, rebalance, options, risk, costs);
    }

    public StrategyConfig withRebalance(Rebalance r) {
        return new StrategyConfig(initialNav, sizing, forecast, r, options, risk, costs);
    }

    public StrategyConfig withOptions(Options o) {
        return new StrategyConfig(initialNav, sizing, forecast, rebalance, o, risk, costs);
    }

    /** How the spot-equivalent exposure (the portfolio delta in NAV fractions) is chosen. */
    public enum SizingRule {
        /** weight = target vol / forecast vol, in [0, max leverage]. */
        VOL_TARGET,
        /** a constant weight, rebalanced by the triggers. */
        FIXED_WEIGHT,
        /** constant-proportion portfolio insurance: exposure = multiplier x (NAV - floor). */
        CPPI,
        /** buy once with the whole NAV and never trade spot again. */
        BUY_AND_HOLD
    }

    /**
     * @param rule the sizing rule
     * @param targetVol annualised volatility the portfolio aims at (VOL_TARGET)
     * @param maxLeverage cap on the weight; 1.0 = no borrowing (the vaults cannot borrow)
     * @param fixedWeight the weight of FIXED_WEIGHT
     * @param cppiFloor CPPI floor as a fraction of the initial NAV
     * @param cppiMultiplier CPPI multiplier on the cushion
     */
    public record Sizing(SizingRule rule, double targetVol, double maxLeverage, double fixedWeight,
                         double cppiFloor, double cppiMultiplier) {
        public Sizing {
            required("sizing.rule", rule);
            positive("sizing.target_vol", targetVol);
            positive("sizing.max_leverage", maxLeverage);
            between("sizing.fixed_weight", fixedWeight, 0, maxLeverage);
            between("sizing.cppi_floor", cppiFloor, 0, 1);
            positive("sizing.cppi_multiplier", cppiMultiplier);
        }

        /** The forecast vol at or under which vol targeting sits at max leverage: target vol / max leverage. */
        public double capVol() {
            return targetVol / maxLeverage;
        }

        public Sizing withTargetVol(double v) {
            return new Sizing(rule, v, maxLeverage, fixedWeight, cppiFloor, cppiMultiplier);
        }

        public Sizing withFixedWeight(double w) {
            return new Sizing(rule, targetVol, maxLeverage, w, cppiFloor, cppiMultiplier);
        }

        public Sizing withRule(SizingRule r) {
            return new Sizing(r, targetVol, maxLeverage, fixedWeight, cppiFloor, cppiMultiplier);
        }
    }

    /** Where the volatility forecast comes from. */
    public enum ForecastSource {
        /** a realized estimator over the price bars. */
        REALIZED,
        /** the implied ATM vol (a volatility index such as DVOL). */
        IMPLIED,
        /** implied_weight x implied + (1 - implied_weight) x realized. */
        BLEND
    }

    /** Which bars the forecast's trailing correction is measured on. */
    public enum CalibrationBars {
        /** every bar of the calibration window. */
        ALL,
        /**
         * the bars the forecast sized: those whose forecast the bar before was above target vol / max
         * leverage (at or under it the book sits at the cap whatever the forecast says).
         */
        UNCAPPED
    }

    /**
     * @param source realized, implied or a blend
     * @param estimator the realized estimator (greeks' {@link Estimator})
     * @param windowDays the estimator's window in days, the same span on daily and hourly bars
     *     (converted to bars with the bars per year; EWMA: decay (n - 1) / (n + 1) for n bars, as greeks
     *     defines it)
     * @param ivWindowDays the trailing window, in days, over which the implied vol's own volatility and
     *     its correlation with spot returns are measured (the risk model's vega term)
     * @param calibrationDays trailing days over which the forecast's shortfall is measured and corrected
     *     (the mean squared return over the forecast variance of the bar before; 0: no correction)
     * @param calibrationBars the bars that correction is measured on: all, or only those the forecast
     *     sized below the cap (the single factor only; the level-dependent one uses all bars)
     * @param longRunDays 0: the correction is that one trailing factor; more than {@code windowDays}: it
     *     depends on the forecast's level against the long-run variance (the mean squared return over
     *     this many trailing days), fitted over the calibration window (see {@code LevelCalibration})
     * @param impliedWeight weight of implied vol in a BLEND
     * @param proxyPremiumRatio where no implied-vol history covers a bar, implied vol is taken as
     *     realized vol times this ratio (stated in every report that uses it)
     */
    public record Forecast(ForecastSource source, Estimator estimator, int windowDays, int ivWindowDays,
                           int calibrationDays, CalibrationBars calibrationBars, int longRunDays,
                           double impliedWeight, double proxyPremiumRatio) {
        public Forecast {
            required("forecast.source", source);
            required("forecast.estimator", estimator);
            required("forecast.calibration_bars", calibrationBars);
            if (windowDays < 1) {
                throw new IllegalArgumentException("forecast.window_days must be at least 1 day, got " + windowDays);
            }
            if (ivWindowDays < 2) {
                throw new IllegalArgumentException("forecast.iv_window_days must be at least 2 days, got "
                    + ivWindowDays);
            }
            if (calibrationDays < 0) {
                throw new IllegalArgumentException("forecast.calibration_days must be 0 (off) or more days, got "
                    + calibrationDays);
            }
            if (longRunDays != 0 && longRunDays <= windowDays) {
                throw new IllegalArgumentException("forecast.long_run_days must be 0 (off) or more than window_days ("
                    + windowDays + "), got " + longRunDays);
            }
            between("forecast.implied_weight", impliedWeight, 0, 1);
            positive("forecast.proxy_premium_ratio", proxyPremiumRatio);
        }

        public Forecast withEstimator(Estimator e, int days) {
            return new Forecast(source, e, days, ivWindowDays, calibrationDays, calibrationBars,
                longRunDays, impliedWeight, proxyPremiumRatio);
        }

        public Forecast withSource(ForecastSource s) {
            return new Forecast(s, estimator, windowDays, ivWindowDays, calibrationDays, calibrationBars,
                longRunDays, impliedWeight, proxyPremiumRatio);
        }

        public Forecast withProxyPremiumRatio(double ratio) {
            return new Forecast(source, estimator, windowDays, ivWindowDays, calibrationDays, calibrationBars,
                longRunDays, impliedWeight, ratio);
        }

        public Forecast withCalibrationDays(int days) {
            return new Forecast(source, estimator, windowDays, ivWindowDays, days, calibrationBars,
                longRunDays, impliedWeight, proxyPremiumRatio);
        }

        public Forecast withCalibrationBars(CalibrationBars bars) {
            return new Forecast(source, estimator, windowDays, ivWindowDays, calibrationDays, bars, longRunDays,
                impliedWeight, proxyPremiumRatio);
        }

        public Forecast withLongRunDays(int days) {
            return new Forecast(source, estimator, windowDays, ivWindowDays, calibrationDays, calibrationBars,
                days, impliedWeight, proxyPremiumRatio);
        }

        /** The window in bars at this bar frequency: windowDays x bars per day, at least 2. */
        public int windowBars(double periodsPerYear) {
            return bars(windowDays, periodsPerYear);
        }

        /** The implied-vol statistics' window in bars, at least 2. */
        public int ivWindowBars(double periodsPerYear) {
            return bars(ivWindowDays, periodsPerYear);
        }

        /** Days as bars at this frequency, at least 2. */
        public static int bars(int days, double periodsPerYear) {
            return (int) Math.max(2, Math.round(days * periodsPerYear / 365));
        }
    }

    /**
     * When spot is traded: at the first allocation, and whenever the spot trade that brings the book
     * to its target moves the weight by more than the no-trade half-width
     * {@code (3 eps w^2 (1 - w)^2 / (4 gamma))^(1/3)} (Janecek and Shreve 2004), with eps the trade's
     * cost per unit traded (fee, impact and gas), w the target weight and gamma = assumed Sharpe /
     * target vol the risk aversion at which the target is the optimal holding (Merton: w sigma =
     * Sharpe / gamma). Inside it the tracking risk the trade removes is worth less than its cost.
     *
     * @param assumedSharpe the asset's Sharpe ratio the risk aversion is derived from; larger means
     *     more risk aversion at the same target, so a narrower no-trade region
     */
    public record Rebalance(double assumedSharpe) {
        public Rebalance {
            positive("rebalance.assumed_sharpe", assumedSharpe);
        }
    }

    /** What to do when the volatility risk premium (implied / forecast realized) is thin. */
    public enum VrpRule {
        /** write nothing this round. */
        SKIP,
        /** write size x (ratio / min ratio). */
        REDUCE,
        /** write at half the target delta (further out of the money). */
        FURTHER_OTM
    }

    /**
     * @param writeCalls write covered calls on the base holdings
     * @param writePuts write cash-secured puts on the quote holdings
     * @param callDelta target call delta (e.g. 0.10 .. 0.30)
     * @param putDelta target put delta, as a positive number
     * @param tenorDays option tenor (7 weekly, 30 monthly); a new round is written at expiry
     * @param callFraction fraction of the base held written as covered calls
     * @param putDeltaShare the share of the book's target delta the new puts carry (spot carries the
     *     rest); bounded by the cash that secures them and by the risk caps
     * @param premiumSpread bid/ask haircut: premium received = mark x (1 - premium_spread)
     * @param minVrpRatio the implied/forecast ratio under which {@code vrpRule} applies (0: never)
     * @param vrpRule what to do below {@code minVrpRatio}
     */
    public record Options(boolean writeCalls, boolean writePuts, double callDelta, double putDelta,
                          int tenorDays, double callFraction, double putDeltaShare, double premiumSpread,
                          double minVrpRatio, VrpRule vrpRule) {
        public Options {
            between("options.call_delta", callDelta, 0.01, 0.99);
            between("options.put_delta", putDelta, 0.01, 0.99);
            if (tenorDays < 1) {
                throw new IllegalArgumentException("options.tenor_days must be at least 1, got " + tenorDays);
            }
            between("options.call_fraction", callFraction, 0, 1);
            between("options.put_delta_share", putDeltaShare, 0, 1);
            between("options.premium_spread", premiumSpread, 0, 1);
            between("options.min_vrp_ratio", minVrpRatio, 0, 100);
            required("options.vrp_rule", vrpRule);
        }

        public Options withDeltaAndTenor(double delta, int tenor) {
            return new Options(writeCalls, writePuts, delta, delta, tenor, callFraction, putDeltaShare,
                premiumSpread, minVrpRatio, vrpRule);
        }

        public Options with(boolean calls, boolean puts, double callFrac, double putShare) {
            return new Options(calls, puts, callDelta, putDelta, tenorDays, callFrac, putShare,
                premiumSpread, minVrpRatio, vrpRule);
        }
    }

    /**
     * Caps on the short-option book in the risk model's units: each is a share of the target vol
     * that one risk of the options may take on its own (annualised, as a fraction of NAV). New options
     * are scaled down until both hold; open options are never bought back.
     *
     * @param maxVegaShare the vega risk, implied-vol vol x |vega| / NAV, at most this x target vol
     * @param maxGammaShare the gamma risk over each option's remaining life,
     *     sqrt(1/2) x vol^2 x |sum gamma_i spot^2 sqrt(T_i)| / NAV, at most this x target vol
     */
    public record Risk(double maxVegaShare, double maxGammaShare) {
        /** No caps: the plain covered-call and put-write baselines. */
        public static final Risk UNCAPPED = new Risk(Double.MAX_VALUE, Double.MAX_VALUE);

        public Risk {
            positive("risk.max_vega_share", maxVegaShare);
            positive("risk.max_gamma_share", maxGammaShare);
        }
    }

    /**
     * @param poolFeeBps the constant-product pool's fee on the input amount, in basis points
     * @param poolDepthQuote the pool's quote-side reserve (USD); sets the price impact
     * @param gasPerTransaction gas cost of one transaction (swap or option write), in quote units
     */
    public record Costs(double poolFeeBps, double poolDepthQuote, double gasPerTransaction) {
        public Costs {
            between("costs.pool_fee_bps", poolFeeBps, 0, 10_000);
            positive("costs.pool_depth_quote", poolDepthQuote);
            between("costs.gas_per_transaction", gasPerTransaction, 0, Double.MAX_VALUE);
        }
    }

    static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(field + " must be a positive number, got " + v);
        }
    }

    static void between(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }

    static void required(String field, Object v) {
        if (v == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }
}
