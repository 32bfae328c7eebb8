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

    /** The documented defaults: a 40% vol target on an EWMA(20) forecast, 0.20-delta weekly options. */
    public static StrategyConfig defaults() {
        return new StrategyConfig(
            1_000_000,
            new Sizing(SizingRule.VOL_TARGET, 0.40, 1.0, 0.5, 0.8, 3.0),
            new Forecast(ForecastSource.REALIZED, Estimator.EWMA, 20, 0.5, 1.15),
            new Rebalance(7, 0.05, 0.25, true),
            new Options(true, true, 0.20, 0.20, 7, 1.0, 0.5, 0.05, 1.0, VrpRule.FURTHER_OTM),
            new Risk(0.005, 0.05, 3.0),
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

        public Sizing withTargetVol(double v) {
            return new Sizing(rule, v, maxLeverage, fixedWeight, cppiFloor, cppiMultiplier);
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

    /**
     * @param source realized, implied or a blend
     * @param estimator the realized estimator (greeks' {@link Estimator})
     * @param window the estimator's window in bars (EWMA: decay (window - 1) / (window + 1), as greeks
     *     defines it)
     * @param impliedWeight weight of implied vol in a BLEND
     * @param proxyPremiumRatio where no implied-vol history covers a bar, implied vol is taken as
     *     realized vol times this ratio (stated in every report that uses it)
     */
    public record Forecast(ForecastSource source, Estimator estimator, int window,
                           double impliedWeight, double proxyPremiumRatio) {
        public Forecast {
            required("forecast.source", source);
            required("forecast.estimator", estimator);
            if (window < 2) {
                throw new IllegalArgumentException("forecast.window must be at least 2 bars, got " + window);
            }
            between("forecast.implied_weight", impliedWeight, 0, 1);
            positive("forecast.proxy_premium_ratio", proxyPremiumRatio);
        }

        public Forecast withEstimator(Estimator e, int w) {
            return new Forecast(source, e, w, impliedWeight, proxyPremiumRatio);
        }

        public Forecast withSource(ForecastSource s) {
            return new Forecast(s, estimator, window, impliedWeight, proxyPremiumRatio);
        }
    }

    /**
     * When spot is traded (option rounds always rebalance).
     *
     * @param calendarDays rebalance at least this often (days)
     * @param band rebalance when the weight drifts more than this from its target (NAV fraction)
     * @param regimeChange rebalance when the forecast vol moved more than this fraction since the
     *     last rebalance
     * @param costAware skip a trade whose cost exceeds the mean absolute P&L that the mis-sizing it
     *     fixes would carry until the next calendar rebalance
     */
    public record Rebalance(int calendarDays, double band, double regimeChange, boolean costAware) {
        public Rebalance {
            if (calendarDays < 1) {
                throw new IllegalArgumentException("rebalance.calendar_days must be at least 1, got " + calendarDays);
            }
            between("rebalance.band", band, 0, 1);
            positive("rebalance.regime_change", regimeChange);
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
     * @param callFraction fraction of the base holdings written as calls
     * @param putFraction fraction of the quote holdings used as put collateral
     * @param premiumSpread bid/ask haircut: premium received = mark x (1 - premium_spread)
     * @param minVrpRatio the implied/forecast ratio under which {@code vrpRule} applies (0: never)
     * @param vrpRule what to do below {@code minVrpRatio}
     */
    public record Options(boolean writeCalls, boolean writePuts, double callDelta, double putDelta,
                          int tenorDays, double callFraction, double putFraction, double premiumSpread,
                          double minVrpRatio, VrpRule vrpRule) {
        public Options {
            between("options.call_delta", callDelta, 0.01, 0.99);
            between("options.put_delta", putDelta, 0.01, 0.99);
            if (tenorDays < 1) {
                throw new IllegalArgumentException("options.tenor_days must be at least 1, got " + tenorDays);
            }
            between("options.call_fraction", callFraction, 0, 1);
            between("options.put_fraction", putFraction, 0, 1);
            between("options.premium_spread", premiumSpread, 0, 1);
            between("options.min_vrp_ratio", minVrpRatio, 0, 100);
            required("options.vrp_rule", vrpRule);
        }

        public Options withDeltaAndTenor(double delta, int tenor) {
            return new Options(writeCalls, writePuts, delta, delta, tenor, callFraction, putFraction,
                premiumSpread, minVrpRatio, vrpRule);
        }

        public Options with(boolean calls, boolean puts, double callFrac, double putFrac) {
            return new Options(calls, puts, callDelta, putDelta, tenorDays, callFrac, putFrac,
                premiumSpread, minVrpRatio, vrpRule);
        }
    }

    /**
     * Caps on the short-option book.
     *
     * @param maxShortVega short vega per vol point, as a fraction of NAV (0.005: a one-point rise
     *     in implied vol costs at most 0.5% of NAV)
     * @param maxGammaLoss the one-day gamma loss under a {@code gammaStressSigmas} move, as a
     *     fraction of NAV
     * @param gammaStressSigmas size of the one-day stress move in daily standard deviations of
     *     the forecast vol
     */
    public record Risk(double maxShortVega, double maxGammaLoss, double gammaStressSigmas) {
        /** No caps: the plain covered-call and put-write baselines write on all their collateral. */
        public static final Risk UNCAPPED = new Risk(Double.MAX_VALUE, Double.MAX_VALUE, 1);

        public Risk {
            positive("risk.max_short_vega", maxShortVega);
            positive("risk.max_gamma_loss", maxGammaLoss);
            positive("risk.gamma_stress_sigmas", gammaStressSigmas);
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
