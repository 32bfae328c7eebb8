package io.volvault.greeks.realized;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A GARCH(1,1) model with constant mean, fitted by Gaussian (quasi-)maximum likelihood:
 * <pre>
 *   r_t = mu + e_t,   e_t = sqrt(h_t) z_t,   h_t = omega + alpha e_(t-1)^2 + beta h_(t-1)
 * </pre>
 * Presample convention (Fiorentini, Calzolari and Panattoni 1996; McCullough and Renfro 1999):
 * {@code e_0^2 = h_0 = (1/T) sum e_t^2}, the sample mean of the squared residuals at the current
 * mu, so {@code h_1 = omega + (alpha + beta) mean(e^2)}. With that convention the fit reproduces
 * their DEM/GBP benchmark. Parameters are in the units of the returns given (omega in squared
 * units); the log-likelihood includes the {@code -T/2 ln(2 pi)} constant.
 */
public record Garch11(double mu, double omega, double alpha, double beta, double logLikelihood) {

    /** Fewer returns than this cannot pin down four parameters. */
    public static final int MIN_RETURNS = 20;

    public Garch11 {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu = " + mu + " must be finite");
        }
        if (!(omega > 0.0) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("omega = " + omega + " must be positive and finite");
        }
        if (!(alpha >= 0.0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha = " + alpha + " must be non-negative and finite");
        }
        if (!(beta >= 0.0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta = " + beta + " must be non-negative and finite");
        }
    }

    /**
     * Fits by maximum likelihood. The returns are first scaled to unit sample standard deviation
     * so that the optimiser (Powell's BOBYQA, box bounds {@code omega > 0, 0 <= alpha, beta <= 1})
     * sees the same problem whatever the units; the estimates are scaled back.
     */
    public static Garch11 fit(double[] returns) {
        if (returns == null || returns.length < MIN_RETURNS) {
            throw new IllegalArgumentException("returns: need at least " + MIN_RETURNS + " returns, got "
                + (returns == null ? "none" : returns.length));
        }
        double mean = 0.0;
        for (int t = 0; t < returns.length; t++) {
            if (!Double.isFinite(returns[t])) {
                throw new IllegalArgumentException("returns[" + t + "] = " + returns[t] + " is not finite");
            }
            mean += returns[t];
        }
        mean /= returns.length;
        double sumSquares = 0.0;
        for (double r : returns) {
            sumSquares += (r - mean) * (r - mean);
        }
        double scale = Math.sqrt(sumSquares / (returns.length - 1));
        if (!(scale > 0.0)) {
            throw new IllegalArgumentException("returns are all equal (" + returns[0] + "): no variance to model");
        }
        double[] standardised = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            standardised[t] = returns[t] / scale;
        }
        double standardisedMean = mean / scale;
        MultivariateFunction logLikelihood =
            p -> logLikelihood(standardised, p[0], p[1], p[2], p[3]);
        PointValuePair best = new BOBYQAOptimizer(2 * 4 + 1, 0.05, 1e-10).optimize(
            new MaxEval(100_000),
            new ObjectiveFunction(logLikelihood),
            GoalType.MAXIMIZE,
            new InitialGuess(new double[] {standardisedMean, 0.1, 0.1, 0.8}),
            new SimpleBounds(
                new double[] {standardisedMean - 1.0, 1e-9, 0.0, 0.0},
                new double[] {standardisedMean + 1.0, 10.0, 1.0, 1.0}));
        double[] p = best.getPoint();
        return new Garch11(p[0] * scale, p[1] * scale * scale, p[2], p[3],
            best.getValue() - returns.length * Math.log(scale));
    }

    /** The Gaussian log-likelihood of {@code returns} under these parameters (same presample rule). */
    public double logLikelihood(double[] returns) {
        return logLikelihood(returns, mu, omega, alpha, beta);
    }

    /** The conditional variances h_1..h_T the model assigns to {@code returns}. */
    public double[] conditionalVariances(double[] returns) {
        return conditionalVariances(returns, mu, omega, alpha, beta);
    }

    /**
     * Variance forecasts for the next {@code steps} periods after a last observed return and its
     * conditional variance: {@code h_(T+1) = omega + alpha (r_T - mu)^2 + beta h_T}, then
     * {@code h_(T+k) = omega + (alpha + beta) h_(T+k-1)}, which tends to the long-run variance.
     */
    public double[] forecastVariance(double lastReturn, double lastVariance, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " must be at least 1");
        }
        if (!(lastVariance > 0.0) || !Double.isFinite(lastVariance)) {
            throw new IllegalArgumentException("lastVariance = " + lastVariance + " must be positive and finite");
        }
        if (!Double.isFinite(lastReturn)) {
            throw new IllegalArgumentException("lastReturn = " + lastReturn + " must be finite");
        }
        double[] forecast = new double[steps];
        double e = lastReturn - mu;
        forecast[0] = omega + alpha * e * e + beta * lastVariance;
        for (int k = 1; k < steps; k++) {
            forecast[k] = omega + (alpha + beta) * forecast[k - 1];
        }
        return forecast;
    }

    /** Forecasts after the end of {@code returns}: filters the series, then {@link #forecastVariance(double, double, int)}. */
    public double[] forecastVariance(double[] returns, int steps) {
        if (returns == null || returns.length == 0) {
            throw new IllegalArgumentException("returns: need at least one return to forecast from");
        }
        double[] h = conditionalVariances(returns);
        return forecastVariance(returns[returns.length - 1], h[h.length - 1], steps);
    }

    /** alpha + beta: below 1 the variance reverts to {@link #longRunVariance()}. */
    public double persistence() {
        return alpha + beta;
    }

    /** omega / (1 - alpha - beta), for a stationary model only. */
    public double longRunVariance() {
        if (persistence() >= 1.0) {
            throw new IllegalArgumentException("alpha + beta = " + persistence()
                + " is not below 1: the model has no long-run variance");
        }
        return omega / (1.0 - persistence());
    }

    private static double[] conditionalVariances(double[] returns, double mu, double omega, double alpha, double beta) {
        double presample = 0.0;
        for (double r : returns) {
            presample += (r - mu) * (r - mu);
        }
        presample /= returns.length;
        double[] h = new double[returns.length];
        double previousResidualSquared = presample;
        double previousVariance = presample;
        for (int t = 0; t < returns.length; t++) {
            h[t] = omega + alpha * previousResidualSquared + beta * previousVariance;
            double e = returns[t] - mu;
            previousResidualSquared = e * e;
            previousVariance = h[t];
        }
        return h;
    }

    private static double logLikelihood(double[] returns, double mu, double omega, double alpha, double beta) {
        double[] h = conditionalVariances(returns, mu, omega, alpha, beta);
        double sum = 0.0;
        for (int t = 0; t < returns.length; t++) {
            double e = returns[t] - mu;
            sum += Math.log(h[t]) + e * e / h[t];
        }
        return -0.5 * (returns.length * Math.log(2.0 * Math.PI) + sum);
    }
}
