package io.volvault.greeks.surface;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The fitter this project used before the implied-vol fitter ({@link SviFitter}), kept in test
 * scope as the baseline of the real-chain comparison: least squares on total variance.
 * It fits raw SVI to one expiry's quotes by least squares on total variance {@code w = iv^2 T}.
 *
 * <p>SVI least squares has local minima, so the start matters. For fixed (m, sigma) the model is
 * linear in (a, b rho sigma, b sigma) (the quasi-explicit reduction of Zeliade Systems, 2009), so a
 * grid of (m, sigma) each solved by linear least squares finds the basin; Commons Math's
 * Levenberg-Marquardt then refines all five parameters together, kept inside
 * {@code b >= 0, |rho| < 1, sigma > 0, min w >= 0} and within a box around the quoted strikes:
 * {@code m} within two quoted ranges of them and {@code sigma} at most five quoted ranges. The box
 * keeps the fit finite when the quotes are not SVI-shaped: a smile more convex than a hyperbola
 * would otherwise pull sigma and b to infinity together.
 */
final class TotalVarianceLsqFitter {

    static final int MIN_QUOTES = 5;
    private static final int GRID_M = 25;
    private static final int GRID_SIGMA = 20;
    private static final double MAX_RHO = 0.999;
    private static final double MIN_SIGMA = 1e-6;
    private static final double FORWARD_TOLERANCE = 1e-9;
    private static final double M_RANGES = 2.0;
    private static final double SIGMA_RANGES = 5.0;

    private TotalVarianceLsqFitter() {
    }

    static SviSlice fit(double expiry, List<ChainQuote> quotes) {
        double forward = quotes.get(0).forward();
        for (ChainQuote quote : quotes) {
            if (Math.abs(quote.forward() - forward) > FORWARD_TOLERANCE * forward) {
                throw new IllegalArgumentException("expiry " + expiry + ": quotes disagree on the forward ("
                    + forward + " and " + quote.forward() + "); one expiry has one forward");
            }
        }
        long distinctStrikes = quotes.stream().mapToDouble(ChainQuote::strike).distinct().count();
        if (distinctStrikes < MIN_QUOTES) {
            throw new IllegalArgumentException("expiry " + expiry + " has " + distinctStrikes
                + " distinct strikes: raw SVI has 5 parameters and needs at least " + MIN_QUOTES);
        }
        double[] k = quotes.stream().mapToDouble(ChainQuote::logMoneyness).toArray();
        double[] w = quotes.stream().mapToDouble(ChainQuote::totalVariance).toArray();
        Box box = Box.around(k);
        double[] best;
        try {
            best = refine(k, w, gridStart(k, w, box), box);
        } catch (MathIllegalStateException noConvergence) {
            throw new IllegalArgumentException("expiry " + expiry + ": the SVI fit of " + quotes.size()
                + " quotes did not converge (" + noConvergence.getMessage() + ")");
        }
        return new SviSlice(expiry, forward, new SviParams(best[0], best[1], best[2], best[3], best[4]));
    }

    /** Where the parameters may go, from the quoted log-moneyness range. */
    private record Box(double kMin, double kMax, double range) {

        static Box around(double[] k) {
            double kMin = Arrays.stream(k).min().orElseThrow();
            double kMax = Arrays.stream(k).max().orElseThrow();
            return new Box(kMin, kMax, kMax - kMin);
        }

        /** Clamps a parameter vector into the box and the region where raw SVI is a valid total variance. */
        double[] admissible(double[] p) {
            double b = Math.max(p[1], 0.0);
            double rho = Math.max(-MAX_RHO, Math.min(MAX_RHO, p[2]));
            double m = Math.max(kMin - M_RANGES * range, Math.min(kMax + M_RANGES * range, p[3]));
            double sigma = Math.max(MIN_SIGMA, Math.min(SIGMA_RANGES * range, p[4]));
            double a = Math.max(p[0], -b * sigma * Math.sqrt(1.0 - rho * rho));
            return new double[] {a, b, rho, m, sigma};
        }
    }

    /** The best (a, b, rho, m, sigma) over a grid of (m, sigma), each solved linearly. */
    private static double[] gridStart(double[] k, double[] w, Box box) {
        double[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID_M; i++) {
            double m = box.kMin() - 0.5 * box.range() + 2.0 * box.range() * i / (GRID_M - 1);
            for (int j = 0; j < GRID_SIGMA; j++) {
                double sigma = box.range() * Math.pow(10.0, -3.0 + 3.5 * j / (GRID_SIGMA - 1));
                double[] candidate = linearSolve(k, w, m, sigma, box);
                double error = squaredError(k, w, candidate);
                if (error < bestError) {
                    bestError = error;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Linear least squares of w = a + d y + c sqrt(y^2 + 1), y = (k - m) / sigma, mapped back to raw SVI. */
    private static double[] linearSolve(double[] k, double[] w, double m, double sigma, Box box) {
        RealMatrix design = new Array2DRowRealMatrix(k.length, 3);
        for (int i = 0; i < k.length; i++) {
            double y = (k[i] - m) / sigma;
            design.setEntry(i, 0, 1.0);
            design.setEntry(i, 1, y);
            design.setEntry(i, 2, Math.sqrt(y * y + 1.0));
        }
        RealVector solution = new QRDecomposition(design).getSolver().solve(new ArrayRealVector(w));
        double a = solution.getEntry(0);
        double d = solution.getEntry(1);
        double c = Math.max(solution.getEntry(2), 0.0);
        double b = c / sigma;
        double rho = c > 0.0 ? Math.max(-MAX_RHO, Math.min(MAX_RHO, d / c)) : 0.0;
        return box.admissible(new double[] {a, b, rho, m, sigma});
    }

    private static double[] refine(double[] k, double[] w, double[] start, Box box) {
        ParameterValidator validator = point -> new ArrayRealVector(box.admissible(point.toArray()), false);
        Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
            .start(start)
            .target(w)
            .model(point -> modelAndJacobian(k, point.toArray()))
            .parameterValidator(validator)
            .maxEvaluations(10_000)
            .maxIterations(10_000)
            .build());
        return box.admissible(optimum.getPoint().toArray());
    }

    private static Pair<RealVector, RealMatrix> modelAndJacobian(double[] k, double[] p) {
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
            values.setEntry(i, a + b * (rho * x + root));
            jacobian.setEntry(i, 0, 1.0);
            jacobian.setEntry(i, 1, rho * x + root);
            jacobian.setEntry(i, 2, b * x);
            jacobian.setEntry(i, 3, -b * (rho + x / root));
            jacobian.setEntry(i, 4, b * sigma / root);
        }
        return new Pair<>(values, jacobian);
    }

    private static double squaredError(double[] k, double[] w, double[] p) {
        double sum = 0.0;
        for (int i = 0; i < k.length; i++) {
            double x = k[i] - p[3];
            double residual = p[0] + p[1] * (p[2] * x + Math.sqrt(x * x + p[4] * p[4])) - w[i];
            sum += residual * residual;
        }
        return sum;
    }
}
