package io.volvault.strategy.market;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import io.volvault.strategy.StrategyConfig;
import io.volvault.strategy.StrategyConfig.CalibrationBars;
import io.volvault.strategy.StrategyConfig.Forecast;

/**
 * Builds the forecast and implied-vol series a backtest runs on, once per configuration.
 *
 * <p>Realized vol: the configured estimator over its window in days, scaled by its trailing
 * shortfall ({@link #standardizedMoments}, {@code forecast.calibration_days}; by default measured on
 * the bars the forecast sized, {@link #uncappedFactor}), or by a correction
 * that depends on its level against the long-run vol ({@link LevelCalibration},
 * {@code forecast.long_run_days}). Implied vol: the
 * observed index where it exists; elsewhere the proxy {@code realized x proxy_premium_ratio}, flagged
 * bar by bar so reports can say which bars used it. Forecast: realized, implied, or their blend. The implied vol's own vol
 * and its correlation with spot come from the trailing {@code forecast.iv_window_days} of bars
 * (zero-mean second moments of the per-bar changes, annualised with the bars per year).
 */
public final class VolInputs {

    private VolInputs() {}

    /**
     * @param observedImplied the index aligned with the bars, NaN where it has no value
     * @param capVol          the forecast at or under which the book sits at its cap ({@link
     *                        StrategyConfig.Sizing#capVol}); 0 counts every bar
     */
    public static MarketHistory history(PriceBars bars, double periodsPerYear, double[] observedImplied,
                                        Forecast f, double capVol, double rate) {
        double[] realized = realized(bars, periodsPerYear, f);
        return history(bars, periodsPerYear, observedImplied, realized, f, capVol, rate);
    }

    /** As above, from an already computed realized series (sweeps share it across configurations). */
    public static MarketHistory history(PriceBars bars, double periodsPerYear, double[] observedImplied,
                                        double[] realized, Forecast f, double capVol, double rate) {
        int n = bars.size();
        if (observedImplied.length != n) {
            throw new IllegalArgumentException("implied vol has " + observedImplied.length + " values for " + n + " bars");
        }
        int tailWindow = Forecast.bars(Math.max(f.calibrationDays(), MIN_CALIBRATION_DAYS), periodsPerYear);
        int minCount = Forecast.bars(MIN_CALIBRATION_DAYS, periodsPerYear);
        double[][] tails = standardizedMoments(bars, realized, tailWindow, minCount, periodsPerYear);
        double[] calibrated = realized.clone();
        if (f.calibrationDays() > 0) {
            double[] factor = f.longRunDays() != 0
                ? LevelCalibration.multipliers(bars, realized, LevelCalibration.longRunVariance(bars,
                    Forecast.bars(f.longRunDays(), periodsPerYear), minCount, periodsPerYear), tailWindow, minCount,
                    periodsPerYear)
                : f.calibrationBars() == CalibrationBars.UNCAPPED
                ? uncappedFactor(bars, realized, tails[0], capVol, tailWindow, minCount, periodsPerYear)
                : tails[0];
            for (int i = 0; i < n; i++) {
                calibrated[i] *= Math.sqrt(factor[i]);
            }
        }
        double[] implied = new double[n];
        boolean[] proxy = new boolean[n];
        double[] forecast = new double[n];
        for (int i = 0; i < n; i++) {
            proxy[i] = !(observedImplied[i] > 0);
            implied[i] = proxy[i] ? calibrated[i] * f.proxyPremiumRatio() : observedImplied[i];
            forecast[i] = switch (f.source()) {
                case REALIZED -> calibrated[i];
                case IMPLIED -> implied[i];
                case BLEND -> f.impliedWeight() * implied[i] + (1 - f.impliedWeight()) * calibrated[i];
            };
        }
        double[] kurtosis = new double[n];
        double barsPerDay = periodsPerYear / 365;
        for (int i = 0; i < n; i++) {
            // Excess kurtosis of a sum of iid bars falls with their number: a day of b bars has 1 / b of it.
            kurtosis[i] = Math.max(0, tails[1][i] - 3) / barsPerDay;
        }
        double[][] stats = impliedStatistics(bars, implied, proxy, f.ivWindowBars(periodsPerYear), periodsPerYear);
        return new MarketHistory(bars, periodsPerYear, forecast, implied, proxy, stats[0], stats[1], kurtosis, rate);
    }

    /** Days of forecast errors needed before the calibration applies. */
    static final int MIN_CALIBRATION_DAYS = 30;

    /**
     * The forecast's errors over the trailing {@code window} bars j <= i, with z_j = r_j /
     * (raw[j - 1] / sqrt(bars per year)) each bar's return over the forecast the bar before:
     * entry [0][i] is k = mean(z^2) and [1][i] the kurtosis mean(z^4) / mean(z^2)^2. A book sized on
     * raw realizes about target x sqrt(k) (k > 1 when the forecast lags bursts and fat tails), so
     * raw x sqrt(k) is the calibrated forecast. Until {@code minCount} errors are known: k = 1 and
     * kurtosis 3 (normal).
     */
    static double[][] standardizedMoments(PriceBars bars, double[] raw, int window, int minCount,
                                          double periodsPerYear) {
        int n = raw.length;
        boolean[] counted = new boolean[n];
        for (int j = 1; j < n; j++) {
            counted[j] = raw[j - 1] > 0;
        }
        double[][] sums = trailingErrorMoments(bars, raw, counted, window, minCount, periodsPerYear);
        double[] k = new double[n];
        double[] kurtosis = new double[n];
        for (int i = 0; i < n; i++) {
            boolean known = sums[0][i] > 0;
            k[i] = known ? sums[0][i] : 1;
            kurtosis[i] = known ? sums[1][i] / (k[i] * k[i]) : 3;
        }
        return new double[][] {k, kurtosis};
    }

    /**
     * The factor k measured only on the bars the forecast sized: bar j counts when the forecast it was
     * sized on, raw[j - 1] x sqrt(all[j - 1]) with {@code all} the factor over every bar, was above
     * {@code capVol}. At or under it the book sits at its cap whatever the forecast says, and those
     * bars are the calm ones where the forecast runs low: counted, they raise k and leave the
     * forecast too high on the bars it does size. The mask uses only the bar before, so no bar's
     * factor sees a later return. Until {@code minCount} such bars are known: {@code all}.
     */
    static double[] uncappedFactor(PriceBars bars, double[] raw, double[] all, double capVol, int window,
                                   int minCount, double periodsPerYear) {
        int n = raw.length;
        boolean[] counted = new boolean[n];
        for (int j = 1; j < n; j++) {
            counted[j] = raw[j - 1] * Math.sqrt(all[j - 1]) > capVol; // false for a NaN or zero forecast
        }
        double[] mean = trailingErrorMoments(bars, raw, counted, window, minCount, periodsPerYear)[0];
        double[] k = all.clone();
        for (int i = 0; i < n; i++) {
            if (mean[i] > 0) {
                k[i] = mean[i];
            }
        }
        return k;
    }

    /**
     * Over the bars j in (i - window, i] with {@code counted[j]}: [0][i] the mean of z_j^2 and [1][i]
     * the mean of z_j^4 (z as in {@link #standardizedMoments}); 0 while fewer than {@code minCount}
     * are counted.
     */
    private static double[][] trailingErrorMoments(PriceBars bars, double[] raw, boolean[] counted, int window,
                                                   int minCount, double periodsPerYear) {
        int n = raw.length;
        double[] z2 = new double[n];
        for (int j = 1; j < n; j++) {
            if (counted[j]) {
                double r = bars.logReturn(j);
                z2[j] = r * r * periodsPerYear / (raw[j - 1] * raw[j - 1]);
            }
        }
        double[] m2 = new double[n];
        double[] m4 = new double[n];
        double s2 = 0;
        double s4 = 0;
        int count = 0;
        for (int i = 1; i < n; i++) {
            if (counted[i]) {
                s2 += z2[i];
                s4 += z2[i] * z2[i];
                count++;
            }
            int leaving = i - window;
            if (leaving >= 1 && counted[leaving]) {
                s2 -= z2[leaving];
                s4 -= z2[leaving] * z2[leaving];
                count--;
            }
            if (count >= minCount && s2 > 0) {
                m2[i] = s2 / count;
                m4[i] = s4 / count;
            }
        }
        return new double[][] {m2, m4};
    }

    /**
     * Entry i: over the changes of bars max(1, i - window + 1) .. i with both ends known and from the
     * same source (a switch between the proxy and the observed index is no market move: the live
     * keeper sees the index at its last bar only), the annualised vol of implied-vol changes,
     * sqrt(mean(dIV^2) x bars per year), and the correlation mean(r dIV) / sqrt(mean(r^2) mean(dIV^2))
     * with the log returns r; 0 while fewer than two changes are known or either series is flat.
     */
    static double[][] impliedStatistics(PriceBars bars, double[] implied, boolean[] proxy, int window,
                                        double periodsPerYear) {
        int n = bars.size();
        double[] vol = new double[n];
        double[] correlation = new double[n];
        double[] r = new double[n];
        double[] d = new double[n];
        boolean[] known = new boolean[n];
        for (int i = 1; i < n; i++) {
            known[i] = implied[i] > 0 && implied[i - 1] > 0 && proxy[i] == proxy[i - 1];
            if (known[i]) {
                r[i] = bars.logReturn(i);
                d[i] = implied[i] - implied[i - 1];
            }
        }
        double srr = 0;
        double sdd = 0;
        double srd = 0;
        int count = 0;
        for (int i = 1; i < n; i++) {
            if (known[i]) {
                srr += r[i] * r[i];
                sdd += d[i] * d[i];
                srd += r[i] * d[i];
                count++;
            }
            int out = i - window;
            if (out >= 1 && known[out]) {
                srr -= r[out] * r[out];
                sdd -= d[out] * d[out];
                srd -= r[out] * d[out];
                count--;
            }
            if (count >= 2 && sdd > 0) {
                vol[i] = Math.sqrt(sdd / count * periodsPerYear);
                correlation[i] = srr > 0 ? Math.max(-1, Math.min(1, srd / Math.sqrt(srr * sdd))) : 0;
            }
        }
        return new double[][] {vol, correlation};
    }

    /** The configured realized estimator over its window in days, NaN before it has a full window. */
    public static double[] realized(PriceBars bars, double periodsPerYear, Forecast f) {
        VolSeries s = RealizedVol.rolling(f.estimator(), bars, f.windowBars(periodsPerYear), periodsPerYear);
        return s.values();
    }
}
