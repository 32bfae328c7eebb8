package io.volvault.strategy.research;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Deflated Sharpe Ratio of Bailey and López de Prado (2014, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality"): the probability that the
 * true Sharpe ratio of the selected configuration exceeds the largest Sharpe ratio that
 * {@code trials} unskilled configurations would be expected to show.
 *
 * <p>All Sharpe ratios here are per bar (not annualised), as in the paper's formulas; divide an
 * annual Sharpe by sqrt(bars per year), and its variance by bars per year.
 */
public final class DeflatedSharpe {

    /** The Euler-Mascheroni constant. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private DeflatedSharpe() {}

    /**
     * Expected maximum of {@code trials} Sharpe ratios with true value 0 and variance
     * {@code sharpeVariance} across trials:
     * {@code sqrt(V) ((1 - g) Z(1 - 1/N) + g Z(1 - 1/(N e)))}, Z the standard normal quantile.
     */
    public static double expectedMaxSharpe(double sharpeVariance, int trials) {
        if (trials < 2) {
            throw new IllegalArgumentException("number of trials " + trials + " must be at least 2");
        }
        if (!(sharpeVariance >= 0)) {
            throw new IllegalArgumentException("variance of the trials' Sharpe ratios " + sharpeVariance
                + " must be non-negative");
        }
        return Math.sqrt(sharpeVariance) * ((1 - EULER_GAMMA) * NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
            + EULER_GAMMA * NORMAL.inverseCumulativeProbability(1 - 1 / (trials * Math.E)));
    }

    /**
     * The Probabilistic Sharpe Ratio: P(true Sharpe > {@code benchmark}) given the observed
     * {@code sharpe} over {@code observations} returns with {@code skewness} and (non-excess)
     * {@code kurtosis}:
     * {@code Phi((SR - SR*) sqrt(T - 1) / sqrt(1 - g3 SR + (g4 - 1) / 4 SR^2))}.
     */
    public static double probabilisticSharpe(double sharpe, double benchmark, int observations, double skewness,
                                             double kurtosis) {
        if (observations < 2) {
            throw new IllegalArgumentException("observations " + observations + " must be at least 2");
        }
        double denominator = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (!(denominator > 0)) {
            throw new IllegalArgumentException("skewness " + skewness + " and kurtosis " + kurtosis
                + " with Sharpe " + sharpe + " leave no positive variance for the Sharpe estimate");
        }
        return NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(observations - 1.0) / Math.sqrt(denominator));
    }

    /** The Deflated Sharpe Ratio: the PSR against {@link #expectedMaxSharpe} of the trials. */
    public static double deflated(double sharpe, int observations, double skewness, double kurtosis,
                                  double sharpeVariance, int trials) {
        return probabilisticSharpe(sharpe, expectedMaxSharpe(sharpeVariance, trials), observations, skewness, kurtosis);
    }
}
