package io.volvault.strategy.research;

/**
 * One trial's per-bar returns reduced to what the Deflated Sharpe Ratio and CSCV need: its Sharpe
 * ratio per bar (rate 0), the population skewness and kurtosis of its returns, and the sums and
 * sums of squares of its returns over the CSCV blocks. A distributed sweep ships these instead of
 * the returns themselves; the statistics computed from them are the ones computed from the returns.
 *
 * @param observations returns of the trial
 * @param sharpe mean / sample standard deviation, per bar; 0 for a flat path
 * @param skewness third central moment / second^1.5 (population moments)
 * @param kurtosis fourth central moment / second^2 (population moments, 3 for a normal)
 * @param blockSum the sum of the returns of each of the CSCV blocks, {@code T / S} bars each
 * @param blockSumSq the sum of their squares, block by block
 */
public record TrialSummary(int observations, double sharpe, double skewness, double kurtosis, double[] blockSum,
                           double[] blockSumSq) implements java.io.Serializable {

    /** @param splits the CSCV blocks S (even); the last {@code T mod S} returns belong to no block */
    public static TrialSummary of(double[] returns, int splits) {
        int t = returns.length;
        if (splits < 2 || splits % 2 != 0) {
            throw new IllegalArgumentException("CSCV splits " + splits + " must be an even number >= 2");
        }
        if (t < 2 * splits) {
            throw new IllegalArgumentException("CSCV needs at least 2 bars per split: " + t + " bars for "
                + splits + " splits");
        }
        int rows = t / splits;
        double[] sum = new double[splits];
        double[] sumSq = new double[splits];
        for (int b = 0; b < splits; b++) {
            for (int r = b * rows; r < (b + 1) * rows; r++) {
                sum[b] += returns[r];
                sumSq[b] += returns[r] * returns[r];
            }
        }
        double m = 0;
        for (double v : returns) {
            m += v;
        }
        m /= t;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : returns) {
            double d = v - m;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= t;
        m3 /= t;
        m4 /= t;
        return new TrialSummary(t, WalkForward.sharpe(returns, 1), m3 / Math.pow(m2, 1.5), m4 / (m2 * m2), sum, sumSq);
    }

    /** The CSCV blocks S. */
    public int splits() {
        return blockSum.length;
    }
}
