package io.volvault.greeks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlackKernel} transcribed lane by lane with the Vector API: every branch of the scalar
 * code becomes a blend of both sides. Loaded only when {@code jdk.incubator.vector} is present
 * (see {@link BatchGreeks}).
 *
 * <p>The work runs in chunks of {@value #CHUNK} rows and, within a chunk, in three loops (set-up,
 * normal distribution, price and Greeks) that hand their results over in small scratch arrays.
 * One loop doing everything is too large for C2 to inline the Vector API calls into, and every
 * vector that crosses a call that is not inlined gets boxed, which costs more than the arrays.
 * Chunks with a row at expiry and the last partial chunk go through the scalar kernel.
 */
final class VectorBatchKernel implements BatchKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int CHUNK = 512;

    /** Per-call intermediate columns of one chunk. */
    private static final class Scratch {
        final double[] sqrtT = new double[CHUNK];
        final double[] stdDev = new double[CHUNK];
        final double[] discount = new double[CHUNK];
        final double[] yieldDiscount = new double[CHUNK];
        final double[] forward = new double[CHUNK];
        final double[] logMoneyness = new double[CHUNK];
        final double[] d1 = new double[CHUNK];
        final double[] d2 = new double[CHUNK];
        final double[] pdf1 = new double[CHUNK];
        final double[] pdf2 = new double[CHUNK];
        final double[] e1 = new double[CHUNK];
        final double[] e2 = new double[CHUNK];
        final double[] tail1 = new double[CHUNK];
        final double[] tail2 = new double[CHUNK];
    }

    @Override
    public void evaluate(boolean[] call, double[] spot, double[] strike, double[] expiry, double[] vol,
                         double[] rate, double[] yield, boolean rhoHoldsForward, GreeksColumns out) {
        vectorRows(call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
    }

    /**
     * {@link #evaluate}, returning how many rows the vector code computed (the others went through
     * the scalar kernel), so that a test can tell that the vector path really ran.
     */
    int vectorRows(boolean[] call, double[] spot, double[] strike, double[] expiry, double[] vol,
                   double[] rate, double[] yield, boolean rhoHoldsForward, GreeksColumns out) {
        int n = spot.length;
        Scratch scratch = new Scratch();
        int vectorRows = 0;
        int from = 0;
        for (; from + CHUNK <= n; from += CHUNK) {
            if (anyAtExpiry(expiry, from)) {
                scalar(from, from + CHUNK, call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
                continue;
            }
            setUp(from, scratch, spot, strike, expiry, vol, rate, yield);
            normal(scratch.d1, scratch.pdf1, scratch.e1, scratch.tail1);
            normal(scratch.d2, scratch.pdf2, scratch.e2, scratch.tail2);
            greeks(from, scratch, call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
            vectorRows += CHUNK;
        }
        scalar(from, n, call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
        return vectorRows;
    }

    private static boolean anyAtExpiry(double[] expiry, int from) {
        for (int i = from; i < from + CHUNK; i++) {
            if (expiry[i] == 0.0) {
                return true;
            }
        }
        return false;
    }

    private static void scalar(int from, int to, boolean[] call, double[] spot, double[] strike, double[] expiry,
                               double[] vol, double[] rate, double[] yield, boolean rhoHoldsForward,
                               GreeksColumns out) {
        for (int i = from; i < to; i++) {
            BlackKernel.evaluate(call[i] ? 1.0 : -1.0, spot[i], strike[i], expiry[i], vol[i], rate[i], yield[i],
                rhoHoldsForward, out, i);
        }
    }

    /** Discounting, forward, d1, d2 and the densities at d1 and d2. */
    private static void setUp(int from, Scratch s, double[] spotColumn, double[] strikeColumn, double[] expiryColumn,
                              double[] volColumn, double[] rateColumn, double[] yieldColumn) {
        for (int j = 0; j < CHUNK; j += SPECIES.length()) {
            int i = from + j;
            DoubleVector spot = DoubleVector.fromArray(SPECIES, spotColumn, i);
            DoubleVector strike = DoubleVector.fromArray(SPECIES, strikeColumn, i);
            DoubleVector t = DoubleVector.fromArray(SPECIES, expiryColumn, i);
            DoubleVector vol = DoubleVector.fromArray(SPECIES, volColumn, i);
            DoubleVector rate = DoubleVector.fromArray(SPECIES, rateColumn, i);
            DoubleVector yield = DoubleVector.fromArray(SPECIES, yieldColumn, i);
            DoubleVector sqrtT = t.sqrt();
            DoubleVector stdDev = vol.mul(sqrtT);
            DoubleVector carryRate = rate.sub(yield).mul(t);
            DoubleVector carry = carryRate.lanewise(VectorOperators.EXP);
            DoubleVector discount = rate.neg().mul(t).lanewise(VectorOperators.EXP);
            DoubleVector forward = spot.mul(carry);
            DoubleVector logMoneyness = spot.div(strike).lanewise(VectorOperators.LOG).add(carryRate);
            DoubleVector d1 = logMoneyness.div(stdDev).add(stdDev.mul(0.5));
            DoubleVector pdf1 = pdf(d1);
            sqrtT.intoArray(s.sqrtT, j);
            stdDev.intoArray(s.stdDev, j);
            discount.intoArray(s.discount, j);
            discount.mul(carry).intoArray(s.yieldDiscount, j);
            forward.intoArray(s.forward, j);
            logMoneyness.intoArray(s.logMoneyness, j);
            d1.intoArray(s.d1, j);
            d1.sub(stdDev).intoArray(s.d2, j);
            pdf1.intoArray(s.pdf1, j);
            pdf1.mul(forward.div(strike)).intoArray(s.pdf2, j);   // phi(d2) = phi(d1) F / K
        }
    }

    /**
     * For each d: e = erf(|d|/sqrt2) near the centre or erfcx(|d|/sqrt2) in the tails, and the
     * lower tail N(-|d|), as in {@link BlackKernel#evaluate}. Two methods, as C2 compiles each
     * method as one unit and three rational functions in one are again too many nodes to inline.
     */
    private static void normal(double[] d, double[] pdf, double[] e, double[] tail) {
        centreAndMiddle(d, e);
        outerAndTail(d, pdf, e, tail);
    }

    /** e for |d|/sqrt2 up to 4: erf in Cody's first interval, erfcx in the second. */
    private static void centreAndMiddle(double[] d, double[] e) {
        for (int j = 0; j < CHUNK; j += SPECIES.length()) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, d, j).abs();
            DoubleVector y = a.mul(Normal.INV_SQRT_2);
            erfcxMiddle(y).blend(erfSmall(y), a.compare(VectorOperators.LE, Normal.ERF_REGION)).intoArray(e, j);
        }
    }

    /** e for |d|/sqrt2 above 4 (Cody's third interval), then the tails. */
    private static void outerAndTail(double[] d, double[] pdf, double[] e, double[] tail) {
        for (int j = 0; j < CHUNK; j += SPECIES.length()) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, d, j).abs();
            DoubleVector y = a.mul(Normal.INV_SQRT_2);
            DoubleVector ev = DoubleVector.fromArray(SPECIES, e, j).blend(erfcxOuter(y), y.compare(VectorOperators.GT, 4.0));
            DoubleVector tailOfTails = DoubleVector.fromArray(SPECIES, pdf, j).mul(Normal.SQRT_PI_OVER_2).mul(ev);
            ev.intoArray(e, j);
            tailOfTails.blend(ev.mul(-0.5).add(0.5), a.compare(VectorOperators.LE, Normal.ERF_REGION)).intoArray(tail, j);
        }
    }

    /** Price (out-of-the-money value plus intrinsic, as BlackKernel.forwardValue) and Greeks. */
    private static void greeks(int from, Scratch s, boolean[] call, double[] spotColumn, double[] strikeColumn,
                               double[] expiryColumn, double[] volColumn, double[] rateColumn, double[] yieldColumn,
                               boolean rhoHoldsForward, GreeksColumns out) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
        for (int j = 0; j < CHUNK; j += SPECIES.length()) {
            int i = from + j;
            VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, call, i);
            DoubleVector sign = one.neg().blend(one, isCall);
            DoubleVector spot = DoubleVector.fromArray(SPECIES, spotColumn, i);
            DoubleVector strike = DoubleVector.fromArray(SPECIES, strikeColumn, i);
            DoubleVector t = DoubleVector.fromArray(SPECIES, expiryColumn, i);
            DoubleVector vol = DoubleVector.fromArray(SPECIES, volColumn, i);
            DoubleVector rate = DoubleVector.fromArray(SPECIES, rateColumn, i);
            DoubleVector yield = DoubleVector.fromArray(SPECIES, yieldColumn, i);
            DoubleVector sqrtT = DoubleVector.fromArray(SPECIES, s.sqrtT, j);
            DoubleVector stdDev = DoubleVector.fromArray(SPECIES, s.stdDev, j);
            DoubleVector discount = DoubleVector.fromArray(SPECIES, s.discount, j);
            DoubleVector yieldDiscount = DoubleVector.fromArray(SPECIES, s.yieldDiscount, j);
            DoubleVector forward = DoubleVector.fromArray(SPECIES, s.forward, j);
            DoubleVector d1 = DoubleVector.fromArray(SPECIES, s.d1, j);
            DoubleVector d2 = DoubleVector.fromArray(SPECIES, s.d2, j);
            DoubleVector pdf1 = DoubleVector.fromArray(SPECIES, s.pdf1, j);
            DoubleVector e1 = DoubleVector.fromArray(SPECIES, s.e1, j);
            DoubleVector e2 = DoubleVector.fromArray(SPECIES, s.e2, j);
            DoubleVector tail1 = DoubleVector.fromArray(SPECIES, s.tail1, j);
            DoubleVector tail2 = DoubleVector.fromArray(SPECIES, s.tail2, j);
            VectorMask<Double> erf1 = d1.abs().compare(VectorOperators.LE, Normal.ERF_REGION);
            VectorMask<Double> erf2 = d2.abs().compare(VectorOperators.LE, Normal.ERF_REGION);
            DoubleVector nd1 = one.sub(tail1).blend(tail1, sign.mul(d1).compare(VectorOperators.LT, 0.0));
            DoubleVector nd2 = one.sub(tail2).blend(tail2, sign.mul(d2).compare(VectorOperators.LT, 0.0));

            // The out-of-the-money option pays P at argument u and owes Q at v < 0 (see BlackKernel).
            VectorMask<Double> callOutOfMoney = DoubleVector.fromArray(SPECIES, s.logMoneyness, j)
                .compare(VectorOperators.LE, 0.0);
            DoubleVector p = strike.blend(forward, callOutOfMoney);
            DoubleVector q = forward.blend(strike, callOutOfMoney);
            DoubleVector u = d2.neg().blend(d1, callOutOfMoney);
            VectorMask<Double> erfU = erf2.and(callOutOfMoney.not()).or(erf1.and(callOutOfMoney));
            VectorMask<Double> erfV = erf1.and(callOutOfMoney.not()).or(erf2.and(callOutOfMoney));
            DoubleVector eU = e2.blend(e1, callOutOfMoney);
            DoubleVector eV = e1.blend(e2, callOutOfMoney);
            DoubleVector tailU = tail2.blend(tail1, callOutOfMoney);
            DoubleVector tailV = tail1.blend(tail2, callOutOfMoney);
            DoubleVector common = forward.mul(pdf1).mul(Normal.SQRT_PI_OVER_2);
            DoubleVector payLeg = common.mul(eU).blend(p.mul(tailU), erfU);
            DoubleVector oweLeg = common.mul(eV).blend(q.mul(tailV), erfV);
            DoubleVector halfU = half.sub(tailU).blend(eU.mul(0.5), erfU);
            DoubleVector halfV = half.sub(tailV).blend(eV.mul(0.5), erfV);
            DoubleVector straddling = p.mul(halfU.add(halfV)).add(p.sub(q).mul(tailV));
            DoubleVector otm = straddling.blend(payLeg.sub(oweLeg), u.compare(VectorOperators.LT, 0.0));
            VectorMask<Double> inTheMoney = callOutOfMoney.not().and(isCall).or(callOutOfMoney.and(isCall.not()));
            DoubleVector intrinsic = sign.mul(forward.sub(strike)).blend(0.0, inTheMoney.not());
            DoubleVector price = discount.mul(otm.add(intrinsic));

            DoubleVector spotPdf = spot.mul(yieldDiscount).mul(pdf1);
            DoubleVector delta = sign.mul(yieldDiscount).mul(nd1);
            DoubleVector vega = spotPdf.mul(sqrtT);
            price.intoArray(out.price, i);
            delta.intoArray(out.delta, i);
            yieldDiscount.mul(pdf1).div(spot.mul(stdDev)).intoArray(out.gamma, i);
            vega.intoArray(out.vega, i);
            spotPdf.neg().mul(vol).div(sqrtT.mul(2.0))
                .add(sign.mul(yield.mul(spot).mul(yieldDiscount).mul(nd1).sub(rate.mul(strike).mul(discount).mul(nd2))))
                .intoArray(out.theta, i);
            (rhoHoldsForward ? t.neg().mul(price) : sign.mul(strike).mul(t).mul(discount).mul(nd2))
                .intoArray(out.rho, i);
            yieldDiscount.neg().mul(pdf1).mul(d2).div(vol).intoArray(out.vanna, i);
            vega.mul(d1).mul(d2).div(vol).intoArray(out.volga, i);
            yield.mul(delta).sub(yieldDiscount.mul(pdf1)
                .mul(rate.sub(yield).mul(t).mul(2.0).sub(d2.mul(stdDev))).div(t.mul(stdDev).mul(2.0)))
                .intoArray(out.charm, i);
        }
    }

    /** {@link Normal#pdf} lane-wise, with the same fma correction of x^2. */
    private static DoubleVector pdf(DoubleVector x) {
        DoubleVector square = x.mul(x);
        DoubleVector squareError = x.fma(x, square.neg());
        return square.mul(-0.5).lanewise(VectorOperators.EXP).mul(Normal.INV_SQRT_2PI)
            .mul(squareError.mul(-0.5).add(1.0));
    }

    /** {@link Normal#erfSmall} lane-wise. */
    private static DoubleVector erfSmall(DoubleVector y) {
        DoubleVector z = y.mul(y);
        DoubleVector num = z.mul(1.85777706184603153e-1);
        DoubleVector den = z;
        num = num.add(3.16112374387056560e00).mul(z);
        den = den.add(2.36012909523441209e01).mul(z);
        num = num.add(1.13864154151050156e02).mul(z);
        den = den.add(2.44024637934444173e02).mul(z);
        num = num.add(3.77485237685302021e02).mul(z);
        den = den.add(1.28261652607737228e03).mul(z);
        return y.mul(num.add(3.20937758913846947e03)).div(den.add(2.84423683343917062e03));
    }

    /** Cody's interval 0.46875 < y <= 4. */
    private static DoubleVector erfcxMiddle(DoubleVector y) {
        DoubleVector num = y.mul(2.15311535474403846e-8);
        DoubleVector den = y;
        num = num.add(5.64188496988670089e-1).mul(y);
        den = den.add(1.57449261107098347e01).mul(y);
        num = num.add(8.88314979438837594e00).mul(y);
        den = den.add(1.17693950891312499e02).mul(y);
        num = num.add(6.61191906371416295e01).mul(y);
        den = den.add(5.37181101862009858e02).mul(y);
        num = num.add(2.98635138197400131e02).mul(y);
        den = den.add(1.62138957456669019e03).mul(y);
        num = num.add(8.81952221241769090e02).mul(y);
        den = den.add(3.29079923573345963e03).mul(y);
        num = num.add(1.71204761263407058e03).mul(y);
        den = den.add(4.36261909014324716e03).mul(y);
        num = num.add(2.05107837782607147e03).mul(y);
        den = den.add(3.43936767414372164e03).mul(y);
        return num.add(1.23033935479799725e03).div(den.add(1.23033935480374942e03));
    }

    /** Cody's interval y > 4, in z = 1/y^2. */
    private static DoubleVector erfcxOuter(DoubleVector y) {
        DoubleVector z = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
        DoubleVector num = z.mul(1.63153871373020978e-2);
        DoubleVector den = z;
        num = num.add(3.05326634961232344e-1).mul(z);
        den = den.add(2.56852019228982242e00).mul(z);
        num = num.add(3.60344899949804439e-1).mul(z);
        den = den.add(1.87295284992346047e00).mul(z);
        num = num.add(1.25781726111229246e-1).mul(z);
        den = den.add(5.27905102951428412e-1).mul(z);
        num = num.add(1.60837851487422766e-2).mul(z);
        den = den.add(6.05183413124413191e-2).mul(z);
        DoubleVector r = z.mul(num.add(6.58749161529837803e-4)).div(den.add(2.33520497626869185e-3));
        return DoubleVector.broadcast(SPECIES, Normal.INV_SQRT_PI).sub(r).div(y);
    }
}
