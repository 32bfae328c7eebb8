package io.volvault.greeks.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.util.Pair;

/**
 * Fits raw SVI to one expiry's implied vols, minimising the weighted squared error in implied vol.
 *
 * <p>Constraints (all on total variance w = iv^2 T, the form {@link SviParams} uses):
 * {@code b >= 0}, {@code |rho| <= }{@value #MAX_RHO}, sigma inside a box set by the quoted range,
 * a non-negative minimum {@code a + b sigma sqrt(1 - rho^2) >= 0}, and Roger Lee's moment bound on
 * the wings' slopes, {@code b (1 + |rho|) <= 2} (the slope of w in |k| is at most 2; in
 * variance-per-year terms that is 2 / T).
 *
 * <p>Method, after Zeliade Systems' quasi-explicit calibration (2009): for fixed (m, sigma), with
 * {@code y = (k - m) / sigma}, raw SVI is linear in (a, d, c) = (a, rho b sigma, b sigma):
 * {@code w = a + d y + c sqrt(y^2 + 1)}, and the constraints above become linear
 * ({@code |d| <= rho_max c}, {@code c + |d| <= 2 sigma}, and chords from inside of the convex set
 * where the minimum {@code a + sqrt(c^2 - d^2)} is non-negative, see {@link LinearSvi#constraints}). That convex quadratic program
 * is solved exactly by enumerating its active sets, with each point's total-variance residual
 * divided by {@code 2 iv T} so that it measures implied vol to first order. The outer problem over
 * (m, ln sigma) starts from the best points of a grid and runs Nelder-Mead; every evaluation is
 * remembered, so a run that stops at its evaluation limit keeps the best point seen. Last, a
 * Levenberg-Marquardt polish of all five parameters on the exact implied-vol residuals is kept only
 * when it lowers the error; if it stalls, the quasi-explicit point stays.
 */
final class SviFitter {

    static final int MIN_QUOTES = 5;
    static final double MAX_RHO = 0.999;
    /** Lee's bound on the wings' slope of total variance: b (1 + |rho|) <= 2. */
    static final double LEE_SLOPE = 2.0;
    private static final int GRID_M = 21;
    private static final int GRID_SIGMA = 12;
    private static final int STARTS = 5;
    private static final int SIMPLEX_EVALUATIONS = 1_500;
    private static final int POLISH_EVALUATIONS = 2_000;
    private static final double M_RANGES = 2.0;
    private static final double MIN_SIGMA_RANGES = 1e-3;
    private static final double MAX_SIGMA_RANGES = 5.0;

    private SviFitter() {
    }

    static SviSlice fit(double expiry, List<ChainQuote> quotes) {
        double forward = quotes.get(0).forward();
        for (ChainQuote quote : quotes) {
            if (Math.abs(quote.forward() - forward) > 1e-9 * forward) {
                throw new IllegalArgumentException("expiry " + expiry + ": quotes disagree on the forward ("
                    + forward + " and " + quote.forward() + "); one expiry has one forward");
            }
        }
        double[] k = quotes.stream().mapToDouble(ChainQuote::logMoneyness).toArray();
        double[] iv = quotes.stream().mapToDouble(ChainQuote::iv).toArray();
        double[] equal = new double[k.length];
        Arrays.fill(equal, 1.0);
        return fit(expiry, forward, k, iv, equal);
    }

    /**
     * Fits one expiry given log-moneyness ln(K / F), implied vols and each point's weight (the
     * error minimised is sum (weight (model iv - iv))^2), at least {@value #MIN_QUOTES} distinct strikes.
     */
    static SviSlice fit(double expiry, double forward, double[] k, double[] iv, double[] ivWeight) {
        long distinct = Arrays.stream(k).distinct().count();
        if (distinct < MIN_QUOTES) {
            throw new IllegalArgumentException("expiry " + expiry + " has " + distinct
                + " distinct strikes: raw SVI has 5 parameters and needs at least " + MIN_QUOTES);
        }
        Problem problem = new Problem(expiry, k, iv, ivWeight);
        double[] best = problem.quasiExplicit();
        double[] polished = problem.polish(best);
        if (problem.ivError(polished) < problem.ivError(best)) {
            best = polished;
        }
        // Clamped in the arithmetic SviParams checks, so that rounding cannot make the minimum of w negative.
        best = problem.admissible(best);
        return new SviSlice(expiry, forward, new SviParams(best[0], best[1], best[2], best[3], best[4]));
    }

    /** One slice's data and the box (m, sigma) may range over; its two stages are open to tests. */
    static final class Problem {
        private final double expiry;
        private final double[] k;
        private final double[] iv;
        private final double[] w;
        /** The points' weights in implied vol. */
        private final double[] ivWeight;
        /** Residual weights in total variance that turn it into weighted implied vol: ivWeight / (2 iv T). */
        private final double[] weight;
        private final double[] weightedIv;
        private final double mLow;
        private final double mHigh;
        private final double sigmaLow;
        private final double sigmaHigh;
        private double bestReduced = Double.POSITIVE_INFINITY;
        private double[] bestParams;

        Problem(double expiry, double[] k, double[] iv, double[] ivWeight) {
            this.expiry = expiry;
            this.k = k.clone();
            this.iv = iv.clone();
            this.w = new double[k.length];
            this.ivWeight = ivWeight.clone();
            this.weight = new double[k.length];
            this.weightedIv = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                w[i] = iv[i] * iv[i] * expiry;
                weight[i] = ivWeight[i] / (2.0 * iv[i] * expiry);
                weightedIv[i] = ivWeight[i] * iv[i];
            }
            double kMin = Arrays.stream(k).min().orElseThrow();
            double kMax = Arrays.stream(k).max().orElseThrow();
            double range = kMax - kMin;
            mLow = kMin - M_RANGES * range;
            mHigh = kMax + M_RANGES * range;
            sigmaLow = MIN_SIGMA_RANGES * range;
            sigmaHigh = MAX_SIGMA_RANGES * range;
        }

        /** The best raw SVI point over (m, sigma), each (m, sigma) solved as a linear program. */
        double[] quasiExplicit() {
            List<double[]> rowBests = new ArrayList<>();
            for (int i = 0; i < GRID_M; i++) {
                double m = mLow + (mHigh - mLow) * i / (GRID_M - 1);
                double[] rowBest = null;
                for (int j = 0; j < GRID_SIGMA; j++) {
                    double logSigma = Math.log(sigmaLow) + Math.log(sigmaHigh / sigmaLow) * j / (GRID_SIGMA - 1);
                    double error = reduced(m, logSigma);
                    if (rowBest == null || error < rowBest[2]) {
                        rowBest = new double[] {m, logSigma, error};
                    }
                }
                rowBests.add(rowBest);
            }
            // Starts in different m: SVI's error surface has long valleys with more than one basin.
            rowBests.sort(Comparator.comparingDouble(point -> point[2]));
            MultivariateFunction objective = point -> reduced(point[0], point[1]);
            for (double[] start : rowBests.subList(0, STARTS)) {
                try {
                    new SimplexOptimizer(1e-12, 1e-18).optimize(new MaxEval(SIMPLEX_EVALUATIONS),
                        new ObjectiveFunction(objective), GoalType.MINIMIZE,
                        new InitialGuess(new double[] {start[0], start[1]}),
                        new NelderMeadSimplex(new double[] {0.5 * (mHigh - mLow) / (GRID_M - 1), 0.5}));
                } catch (TooManyEvaluationsException stalled) {
                    // The best point seen is kept in bestParams.
                }
            }
            return bestParams;
        }

        /** The weighted squared error of the best (a, d, c) at (m, sigma), clamped into the box; remembers the best. */
        double reduced(double mRaw, double logSigmaRaw) {
            double m = Math.max(mLow, Math.min(mHigh, mRaw));
            double sigma = Math.max(sigmaLow, Math.min(sigmaHigh, Math.exp(logSigmaRaw)));
            double[] adc = LinearSvi.solve(k, w, weight, m, sigma);
            if (adc == null) {
                return Double.POSITIVE_INFINITY;
            }
            double error = 0.0;
            for (int i = 0; i < k.length; i++) {
                double y = (k[i] - m) / sigma;
                double residual = weight[i] * (adc[0] + adc[1] * y + adc[2] * Math.sqrt(y * y + 1.0) - w[i]);
                error += residual * residual;
            }
            if (error < bestReduced) {
                bestReduced = error;
                double b = adc[2] / sigma;
                double rho = adc[2] > 0.0 ? adc[1] / adc[2] : 0.0;
                bestParams = new double[] {adc[0], b, rho, m, sigma};
            }
            return error;
        }

        /** Levenberg-Marquardt on the exact implied-vol residuals from {@code start}; {@code start} when it stalls. */
        double[] polish(double[] start) {
            try {
                return admissible(new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start)
                    .target(weightedIv)
                    .model(point -> ivAndJacobian(admissible(point.toArray())))
                    .parameterValidator(point -> new ArrayRealVector(admissible(point.toArray()), false))
                    .maxEvaluations(POLISH_EVALUATIONS)
                    .maxIterations(POLISH_EVALUATIONS)
                    .build()).getPoint().toArray());
            } catch (TooManyEvaluationsException | TooManyIterationsException stalled) {
                return start;
            }
        }

        /** Clamps (a, b, rho, m, sigma) into the box, Lee's bound and a positive minimum of w. */
        double[] admissible(double[] p) {
            double rho = Math.max(-MAX_RHO, Math.min(MAX_RHO, p[2]));
            double b = Math.max(0.0, Math.min(LEE_SLOPE / (1.0 + Math.abs(rho)), p[1]));
            double m = Math.max(mLow, Math.min(mHigh, p[3]));
            double sigma = Math.max(sigmaLow, Math.min(sigmaHigh, p[4]));
            double a = Math.max(p[0], -b * sigma * Math.sqrt(1.0 - rho * rho));
            return new double[] {a, b, rho, m, sigma};
        }

        private Pair<RealVector, RealMatrix> ivAndJacobian(double[] p) {
            double a = p[0];
            double b = p[1];
            double rho = p[2];
            double m = p[3];
            double sigma = p[4];
            RealVector values = new ArrayRealVector(k.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(k.length, 5);
            for (int i = 0; i < k.length; i++) {
                double x = k[i] - m;
                double root = Math.sqrt(x * x + sigma * sigma);
                double total = Math.max(a + b * (rho * x + root), Double.MIN_NORMAL);
                double vol = Math.sqrt(total / expiry);
                double chain = ivWeight[i] / (2.0 * vol * expiry);
                values.setEntry(i, ivWeight[i] * vol);
                jacobian.setEntry(i, 0, chain);
                jacobian.setEntry(i, 1, chain * (rho * x + root));
                jacobian.setEntry(i, 2, chain * b * x);
                jacobian.setEntry(i, 3, -chain * b * (rho + x / root));
                jacobian.setEntry(i, 4, chain * b * sigma / root);
            }
            return new Pair<>(values, jacobian);
        }

        /** Sum of squared weighted implied-vol errors of a raw SVI point. */
        double ivError(double[] p) {
            double sum = 0.0;
            for (int i = 0; i < k.length; i++) {
                double x = k[i] - p[3];
                double total = p[0] + p[1] * (p[2] * x + Math.sqrt(x * x + p[4] * p[4]));
                double residual = ivWeight[i] * (Math.sqrt(Math.max(total, 0.0) / expiry) - iv[i]);
                sum += residual * residual;
            }
            return sum;
        }
    }

    /**
     * The inner, linear problem: minimise sum (weight_i (a + d y_i + c sqrt(y_i^2 + 1) - w_i))^2
     * subject to {@code G x >= h} for x = (a, d, c). Convex, so the first set of active constraints
     * (at most three, smallest sets first) whose equality-constrained minimum is feasible with
     * non-negative multipliers gives the minimum.
     */
    static final class LinearSvi {

        private LinearSvi() {
        }

        /** Where the chords of -sqrt(1 - rho^2) that bound the minimum of w from inside meet it. */
        private static final double[] CHORD_NODES = {-1.0, -0.95, -0.8, -0.5, 0.0, 0.5, 0.8, 0.95, 1.0};
        private static final int CONSTRAINTS = 4 + CHORD_NODES.length - 1;

        /**
         * Rows of G x >= h for sigma: |d| <= rho_max c; c + |d| <= 2 sigma (Lee); and the minimum
         * of w, a + c sqrt(1 - rho^2) with rho = d / c, non-negative. That last set is convex but
         * not polyhedral: -sqrt(1 - rho^2) is convex in rho, so its chords between the nodes lie
         * above it, and a >= c chord(d / c) for every chord (linear in a, d, c) keeps the minimum of
         * w at or above zero, giving up at most c (1 - sqrt(1 - rho^2) - chord gap) near a node.
         */
        static double[][] constraints(double sigma) {
            double lee = -LEE_SLOPE * sigma;
            List<double[]> rows = new ArrayList<>(List.of(
                new double[] {0.0, -1.0, MAX_RHO, 0.0},
                new double[] {0.0, 1.0, MAX_RHO, 0.0},
                new double[] {0.0, -1.0, -1.0, lee},
                new double[] {0.0, 1.0, -1.0, lee}));
            for (int i = 1; i < CHORD_NODES.length; i++) {
                double left = CHORD_NODES[i - 1];
                double right = CHORD_NODES[i];
                double gLeft = -Math.sqrt(1.0 - left * left);
                double slope = (-Math.sqrt(1.0 - right * right) - gLeft) / (right - left);
                // a >= c (gLeft + slope (rho - left)) = (gLeft - slope left) c + slope d
                rows.add(new double[] {1.0, -slope, -(gLeft - slope * left), 0.0});
            }
            return rows.toArray(new double[0][]);
        }

        static double[] solve(double[] k, double[] w, double[] weight, double m, double sigma) {
            double[][] h = new double[3][3];
            double[] g = new double[3];
            for (int i = 0; i < k.length; i++) {
                double y = (k[i] - m) / sigma;
                double[] row = {1.0, y, Math.sqrt(y * y + 1.0)};
                double v = weight[i] * weight[i];
                for (int r = 0; r < 3; r++) {
                    g[r] += v * row[r] * w[i];
                    for (int c = 0; c < 3; c++) {
                        h[r][c] += v * row[r] * row[c];
                    }
                }
            }
            double[][] rows = constraints(sigma);
            double tolerance = 1e-9 * (Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(g[2]));
            for (int mask : ACTIVE_SETS) {
                double[] solution = equalityMinimum(h, g, rows, mask);
                if (solution != null && feasible(rows, solution) && multipliersNonNegative(solution, tolerance)) {
                    // Feasible with non-negative multipliers: the KKT point, so the minimum (convexity).
                    return new double[] {solution[0], solution[1], solution[2]};
                }
            }
            // H is positive definite for five or more distinct strikes, so a KKT point exists among
            // these sets; only a numerically degenerate (m, sigma) lands here, and it is skipped.
            return null;
        }

        /** The sets of at most three active constraints, smallest first (the empty set first). */
        private static final int[] ACTIVE_SETS = java.util.stream.IntStream.range(0, 1 << CONSTRAINTS)
            .filter(mask -> Integer.bitCount(mask) <= 3).boxed()
            .sorted(Comparator.comparingInt(Integer::bitCount)).mapToInt(Integer::intValue).toArray();

        /**
         * The KKT system solves H x + A' mu = g, so mu = -lambda for the multipliers lambda of
         * G x >= h in L = x'Hx/2 - g'x - lambda'(G x - h); optimality needs lambda >= 0.
         */
        private static boolean multipliersNonNegative(double[] solution, double tolerance) {
            for (int i = 3; i < solution.length; i++) {
                if (solution[i] > tolerance) {
                    return false;
                }
            }
            return true;
        }

        /** (x, mu) minimising x'Hx/2 - g'x with the constraints in {@code mask} held as equalities; null when singular. */
        private static double[] equalityMinimum(double[][] h, double[] g, double[][] rows, int mask) {
            int active = Integer.bitCount(mask);
            int n = 3 + active;
            RealMatrix kkt = new Array2DRowRealMatrix(n, n);
            RealVector rhs = new ArrayRealVector(n);
            for (int r = 0; r < 3; r++) {
                rhs.setEntry(r, g[r]);
                for (int c = 0; c < 3; c++) {
                    kkt.setEntry(r, c, h[r][c]);
                }
            }
            int index = 3;
            for (int j = 0; j < rows.length; j++) {
                if ((mask & (1 << j)) != 0) {
                    for (int c = 0; c < 3; c++) {
                        kkt.setEntry(index, c, rows[j][c]);
                        kkt.setEntry(c, index, rows[j][c]);
                    }
                    rhs.setEntry(index, rows[j][3]);
                    index++;
                }
            }
            DecompositionSolver solver = new LUDecomposition(kkt, 1e-14).getSolver();
            if (!solver.isNonSingular()) {
                return null;
            }
            return solver.solve(rhs).toArray();
        }

        private static boolean feasible(double[][] rows, double[] x) {
            double scale = Math.abs(x[0]) + Math.abs(x[1]) + Math.abs(x[2]) + Math.abs(rows[2][3]);
            for (double[] row : rows) {
                if (row[0] * x[0] + row[1] * x[1] + row[2] * x[2] < row[3] - 1e-12 * scale) {
                    return false;
                }
            }
            return true;
        }
    }
}
