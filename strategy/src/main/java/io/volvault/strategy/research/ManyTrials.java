package io.volvault.strategy.research;

import java.util.ArrayList;
import java.util.List;

/**
 * What a set of trials (configurations run over the same bars) says about the pick among them:
 * the Deflated Sharpe Ratio of the picked trial with the number of trials and the dispersion of
 * their Sharpe ratios, and the probability of backtest overfitting of the selection by CSCV.
 *
 * @param trials the number of configurations
 * @param observations returns per configuration
 * @param pickedSharpe the pick's Sharpe ratio per bar
 * @param sharpeVariance the variance (sample, n - 1) of the trials' Sharpe ratios per bar
 * @param skewness the pick's return skewness (population moment)
 * @param kurtosis the pick's return kurtosis (population moment, 3 for a normal)
 * @param expectedMaxSharpe the largest per-bar Sharpe ratio expected of {@code trials} unskilled trials
 * @param deflatedSharpe P(the pick's true Sharpe ratio exceeds {@code expectedMaxSharpe})
 * @param pbo the probability of backtest overfitting, CSCV with {@code splits} blocks
 * @param splits the CSCV blocks
 */
public record ManyTrials(int trials, int observations, double pickedSharpe, double sharpeVariance, double skewness,
                         double kurtosis, double expectedMaxSharpe, double deflatedSharpe, double pbo, int splits) {

    /**
     * @param navs {@code navs[n][t]}: trial n's NAV at bar t, all over the same bars
     * @param picked index of the picked trial
     */
    public static ManyTrials of(double[][] navs, int picked, int splits) {
        List<TrialSummary> trials = new ArrayList<>(navs.length);
        for (double[] nav : navs) {
            double[] r = new double[nav.length - 1];
            for (int i = 0; i < r.length; i++) {
                r[i] = nav[i + 1] / nav[i] - 1;
            }
            trials.add(TrialSummary.of(r, splits));
        }
        return of(trials, picked);
    }

    /**
     * From the trials' summaries, all over the same bars and CSCV blocks.
     *
     * @param picked index of the picked trial
     */
    public static ManyTrials of(List<TrialSummary> trials, int picked) {
        int n = trials.size();
        if (n < 2) {
            throw new IllegalArgumentException("statistics of many trials need at least 2 configurations, got " + n);
        }
        if (picked < 0 || picked >= n) {
            throw new IllegalArgumentException("picked trial " + picked + " is not one of the " + n + " trials");
        }
        double mean = 0;
        for (TrialSummary s : trials) {
            mean += s.sharpe();
        }
        mean /= n;
        double variance = 0;
        for (TrialSummary s : trials) {
            variance += (s.sharpe() - mean) * (s.sharpe() - mean);
        }
        variance /= n - 1;
        // CSCV first: it refuses trials over different bars.
        double pbo = Cscv.pbo(trials).probability();
        TrialSummary p = trials.get(picked);
        double bar = DeflatedSharpe.expectedMaxSharpe(variance, n);
        double dsr = DeflatedSharpe.probabilisticSharpe(p.sharpe(), bar, p.observations(), p.skewness(), p.kurtosis());
        return new ManyTrials(n, p.observations(), p.sharpe(), variance, p.skewness(), p.kurtosis(), bar, dsr, pbo,
            p.splits());
    }

    /**
     * The Deflated Sharpe Ratio of any one of the trials: its Probabilistic Sharpe Ratio against
     * {@link #expectedMaxSharpe}.
     */
    public double deflatedSharpeOf(TrialSummary trial) {
        return DeflatedSharpe.probabilisticSharpe(trial.sharpe(), expectedMaxSharpe, trial.observations(),
            trial.skewness(), trial.kurtosis());
    }
}
