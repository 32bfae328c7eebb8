package io.volvault.greeks;

/**
 * The standard normal distribution, accurate to a few units in the last place over the whole
 * range, including the far lower tail where option prices are ~1e-15 of the forward.
 *
 * <p>Uses W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for
 * the error function", Math. Comp. 23, 1969): erf for |y| <= 0.46875, and the scaled complement
 * erfcx(y) = exp(y^2) erfc(y) above, so that a tail probability is the product of the density,
 * which we already need for the Greeks, and a slowly varying rational function.
 */
public final class Normal {

    static final double INV_SQRT_2PI = 0.3989422804014326779399460599343818684759;
    static final double INV_SQRT_2 = 0.7071067811865475244008443621048490392848;
    static final double SQRT_PI_OVER_2 = 1.2533141373155002512078826424055226265035;
    static final double INV_SQRT_PI = 0.5641895835477562869480794515607725858440;

    /** |d| at or below which N(d) is computed from erf rather than from the tail: 0.46875 sqrt(2). */
    static final double ERF_REGION = 0.46875 / INV_SQRT_2;

    private Normal() {}

    /** Density phi(x) = exp(-x^2/2) / sqrt(2 pi). */
    public static double pdf(double x) {
        // x*x is rounded; its error (up to ~x^2 ulp) would be magnified by exp in the tails, so
        // recover the rounding error with an fma and apply it to first order.
        double square = x * x;
        double squareError = Math.fma(x, x, -square);
        return INV_SQRT_2PI * Math.exp(-0.5 * square) * (1.0 - 0.5 * squareError);
    }

    /** Cumulative distribution N(x), with full relative accuracy in the lower tail. */
    public static double cdf(double x) {
        return cdf(x, pdf(x));
    }

    /** N(x) given pdf(x), which the Greeks compute anyway: saves an exponential. */
    static double cdf(double x, double pdfX) {
        double lowerTail = lowerTail(Math.abs(x), pdfX);
        return x < 0.0 ? lowerTail : 1.0 - lowerTail;
    }

    /** N(-a) for a >= 0, given pdf(a). */
    static double lowerTail(double a, double pdfA) {
        return a <= ERF_REGION
            ? 0.5 - 0.5 * erfSmall(a * INV_SQRT_2)
            : SQRT_PI_OVER_2 * pdfA * erfcxLarge(a * INV_SQRT_2);
    }

    /** erf(y) for |y| <= 0.46875 (Cody's first interval). */
    static double erfSmall(double y) {
        double z = y * y;
        double num = 1.85777706184603153e-1 * z;
        double den = z;
        num = (num + 3.16112374387056560e00) * z;
        den = (den + 2.36012909523441209e01) * z;
        num = (num + 1.13864154151050156e02) * z;
        den = (den + 2.44024637934444173e02) * z;
        num = (num + 3.77485237685302021e02) * z;
        den = (den + 1.28261652607737228e03) * z;
        return y * (num + 3.20937758913846947e03) / (den + 2.84423683343917062e03);
    }

    /** erfcx(y) = exp(y^2) erfc(y) for y > 0.46875 (Cody's second and third intervals). */
    static double erfcxLarge(double y) {
        if (y <= 4.0) {
            double num = 2.15311535474403846e-8 * y;
            double den = y;
            num = (num + 5.64188496988670089e-1) * y;
            den = (den + 1.57449261107098347e01) * y;
            num = (num + 8.88314979438837594e00) * y;
            den = (den + 1.17693950891312499e02) * y;
            num = (num + 6.61191906371416295e01) * y;
            den = (den + 5.37181101862009858e02) * y;
            num = (num + 2.98635138197400131e02) * y;
            den = (den + 1.62138957456669019e03) * y;
            num = (num + 8.81952221241769090e02) * y;
            den = (den + 3.29079923573345963e03) * y;
            num = (num + 1.71204761263407058e03) * y;
            den = (den + 4.36261909014324716e03) * y;
            num = (num + 2.05107837782607147e03) * y;
            den = (den + 3.43936767414372164e03) * y;
            return (num + 1.23033935479799725e03) / (den + 1.23033935480374942e03);
        }
        double z = 1.0 / (y * y);
        double num = 1.63153871373020978e-2 * z;
        double den = z;
        num = (num + 3.05326634961232344e-1) * z;
        den = (den + 2.56852019228982242e00) * z;
        num = (num + 3.60344899949804439e-1) * z;
        den = (den + 1.87295284992346047e00) * z;
        num = (num + 1.25781726111229246e-1) * z;
        den = (den + 5.27905102951428412e-1) * z;
        num = (num + 1.60837851487422766e-2) * z;
        den = (den + 6.05183413124413191e-2) * z;
        double r = z * (num + 6.58749161529837803e-4) / (den + 2.33520497626869185e-3);
        return (INV_SQRT_PI - r) / y;
    }

    /**
     * Acklam's rational approximation of the inverse of N (relative error below 1.2e-9): only a
     * starting point for Newton-type iterations, not an accurate quantile.
     */
    static double inverseCdfGuess(double p) {
        if (p < 0.02425) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1.0);
        }
        if (p > 1.0 - 0.02425) {
            return -inverseCdfGuess(1.0 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0);
    }
}
