package io.volvault.strategy.research;

import java.util.ArrayList;
import java.util.List;

/**
 * The probability of backtest overfitting (PBO) by combinatorially symmetric cross-validation, after
 * Bailey, Borwein, López de Prado and Zhu (2017, "The Probability of Backtest Overfitting").
 *
 * <p>The T x N matrix of per-bar returns (N configurations) is cut into S equal row blocks (S even;
 * the last T mod S rows are left out). For each of the C(S, S/2) ways to pick half the blocks as the
 * in-sample set, the configuration with the best in-sample Sharpe ratio is ranked among all N on
 * the other half; its relative rank w = rank / (N + 1) (rank 1 the worst, ties averaged) gives the
 * logit {@code ln(w / (1 - w))}. PBO is the share of splits whose logit is at most 0: where the
 * in-sample winner is no better than the median out of sample.
 */
public final class Cscv {

    private Cscv() {}

    /**
     * @param probability the PBO
     * @param logits one logit per split, in the order the splits were enumerated
     * @param splits the number of row blocks S
     */
    public record Result(double probability, double[] logits, int splits) {}

    /** @param returns {@code returns[t][n]}: bar t, configuration n */
    public static Result pbo(double[][] returns, int splits) {
        int n = returns[0].length;
        List<TrialSummary> trials = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            double[] column = new double[returns.length];
            for (int r = 0; r < returns.length; r++) {
                if (returns[r].length != n) {
                    throw new IllegalArgumentException("row " + r + " has " + returns[r].length
                        + " configurations, row 0 has " + n);
                }
                column[r] = returns[r][c];
            }
            trials.add(TrialSummary.of(column, splits));
        }
        return pbo(trials);
    }

    /**
     * The PBO from the trials' block sums ({@link TrialSummary}): the same number as from their
     * returns. Every trial must have the same observations and blocks.
     */
    public static Result pbo(List<TrialSummary> trials) {
        int n = trials.size();
        if (n < 2) {
            throw new IllegalArgumentException("CSCV needs at least 2 configurations, got " + n);
        }
        TrialSummary first = trials.get(0);
        int splits = first.splits();
        int rows = first.observations() / splits;
        // Per block and configuration: sum, sum of squares, so any half's Sharpe is a sum of blocks.
        double[][] sum = new double[splits][n];
        double[][] sumSq = new double[splits][n];
        for (int c = 0; c < n; c++) {
            TrialSummary s = trials.get(c);
            if (s.observations() != first.observations() || s.splits() != splits) {
                throw new IllegalArgumentException("trial " + c + " has " + s.observations() + " bars in "
                    + s.splits() + " blocks, trial 0 has " + first.observations() + " in " + splits);
            }
            for (int b = 0; b < splits; b++) {
                sum[b][c] = s.blockSum()[b];
                sumSq[b][c] = s.blockSumSq()[b];
            }
        }
        List<int[]> halves = new ArrayList<>();
        choose(splits, splits / 2, 0, new int[splits / 2], 0, halves);
        double[] logits = new double[halves.size()];
        int overfit = 0;
        for (int h = 0; h < halves.size(); h++) {
            boolean[] inSample = new boolean[splits];
            for (int b : halves.get(h)) {
                inSample[b] = true;
            }
            double[] is = sharpe(sum, sumSq, inSample, true, n, rows * splits / 2);
            double[] oos = sharpe(sum, sumSq, inSample, false, n, rows * splits / 2);
            int best = 0;
            for (int c = 1; c < n; c++) {
                if (is[c] > is[best]) {
                    best = c;
                }
            }
            double below = 0;
            double ties = 0;
            for (int c = 0; c < n; c++) {
                if (oos[c] < oos[best]) {
                    below++;
                } else if (oos[c] == oos[best] && c != best) {
                    ties++;
                }
            }
            double rank = below + 1 + ties / 2;
            double w = rank / (n + 1);
            logits[h] = Math.log(w / (1 - w));
            if (logits[h] <= 0) {
                overfit++;
            }
        }
        return new Result((double) overfit / halves.size(), logits, splits);
    }

    /** Mean / sample standard deviation over the blocks in (or out of) the half; 0 when flat. */
    private static double[] sharpe(double[][] sum, double[][] sumSq, boolean[] inSample, boolean want, int n,
                                   int count) {
        double[] out = new double[n];
        for (int c = 0; c < n; c++) {
            double s = 0;
            double ss = 0;
            for (int b = 0; b < sum.length; b++) {
                if (inSample[b] == want) {
                    s += sum[b][c];
                    ss += sumSq[b][c];
                }
            }
            double mean = s / count;
            double variance = (ss - s * mean) / (count - 1);
            out[c] = variance > 0 ? mean / Math.sqrt(variance) : 0;
        }
        return out;
    }

    private static void choose(int n, int k, int start, int[] picked, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(picked.clone());
            return;
        }
        for (int i = start; i <= n - (k - depth); i++) {
            picked[depth] = i;
            choose(n, k, i + 1, picked, depth + 1, out);
        }
    }
}
