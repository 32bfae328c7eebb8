package io.volvault.greeks;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BlackKernel} transcribed lane by lane with the Vector API: every branch of the scalar
 * code becomes a blend of both sides. Loaded only when {@code jdk.incubator.vector} is present
 * (see {@link BatchGreeks}). Rows at expiry and the last partial vector go through the scalar kernel.
 */
final class VectorBatchKernel implements BatchKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void evaluate(boolean[] call, double[] spot, double[] strike, double[] expiry, double[] vol,
                         double[] rate, double[] yield, boolean rhoHoldsForward, GreeksColumns out) {
        int n = spot.length;
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += SPECIES.length()) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, expiry, i);
            if (t.compare(VectorOperators.EQ, 0.0).anyTrue()) {
                scalar(i, i + SPECIES.length(), call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
            } else {
                lanes(i, t, call, spot, strike, vol, rate, yield, rhoHoldsForward, out);
            }
        }
        scalar(i, n, call, spot, strike, expiry, vol, rate, yield, rhoHoldsForward, out);
    }

    private static void scalar(int from, int to, boolean[] call, double[] spot, double[] strike, double[] expiry,
                               double[] vol, double[] rate, double[] yield, boolean rhoHoldsForward,
                               GreeksColumns out) {
        for (int i = from; i < to; i++) {
            out.set(i, BlackKernel.evaluate(call[i] ? 1.0 : -1.0, spot[i], strike[i], expiry[i], vol[i],
                rate[i], yield[i], rhoHoldsForward));
        }
    }

    private static void lanes(int i, DoubleVector t, boolean[] call, double[] spotColumn, double[] strikeColumn,
                              double[] volColumn, double[] rateColumn, double[] yieldColumn,
                              boolean rhoHoldsForward, GreeksColumns out) {
        VectorMask<Double> isCall = VectorMask.fromArray(SPECIES, call, i);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector sign = one.neg().blend(one, isCall);
        DoubleVector spot = DoubleVector.fromArray(SPECIES, spotColumn, i);
        DoubleVector strike = DoubleVector.fromArray(SPECIES, strikeColumn, i);
        DoubleVector vol = DoubleVector.fromArray(SPECIES, volColumn, i);
        DoubleVector rate = DoubleVector.fromArray(SPECIES, rateColumn, i);
        DoubleVector yield = DoubleVector.fromArray(SPECIES, yieldColumn, i);

        DoubleVector sqrtT = t.sqrt();
        DoubleVector stdDev = vol.mul(sqrtT);
        DoubleVector carryRate = rate.sub(yield).mul(t);
        DoubleVector carry = carryRate.lanewise(VectorOperators.EXP);
        DoubleVector discount = rate.neg().mul(t).lanewise(VectorOperators.EXP);
        DoubleVector yieldDiscount = discount.mul(carry);
        DoubleVector forward = spot.mul(carry);
        DoubleVector logMoneyness = spot.div(strike).lanewise(VectorOperators.LOG).add(carryRate);
        DoubleVector d1 = logMoneyness.div(stdDev).add(stdDev.mul(0.5));
        DoubleVector d2 = d1.sub(stdDev);
        DoubleVector a1 = d1.abs();
        DoubleVector a2 = d2.abs();
        DoubleVector pdf1 = pdf(d1);
        DoubleVector pdf2 = pdf1.mul(forward.div(strike));
        VectorMask<Double> erf1 = a1.compare(VectorOperators.LE, Normal.ERF_REGION);
        VectorMask<Double> erf2 = a2.compare(VectorOperators.LE, Normal.ERF_REGION);
        DoubleVector y1 = a1.mul(Normal.INV_SQRT_2);
        DoubleVector y2 = a2.mul(Normal.INV_SQRT_2);
        DoubleVector e1 = erfcxLarge(y1).blend(erfSmall(y1), erf1);
        DoubleVector e2 = erfcxLarge(y2).blend(erfSmall(y2), erf2);
        DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
        DoubleVector tail1 = pdf1.mul(Normal.SQRT_PI_OVER_2).mul(e1).blend(half.sub(e1.mul(0.5)), erf1);
        DoubleVector tail2 = pdf2.mul(Normal.SQRT_PI_OVER_2).mul(e2).blend(half.sub(e2.mul(0.5)), erf2);
        DoubleVector nd1 = one.sub(tail1).blend(tail1, sign.mul(d1).compare(VectorOperators.LT, 0.0));
        DoubleVector nd2 = one.sub(tail2).blend(tail2, sign.mul(d2).compare(VectorOperators.LT, 0.0));

        // Price: out-of-the-money option plus intrinsic value, as in BlackKernel.forwardValue.
        VectorMask<Double> callOutOfMoney = logMoneyness.compare(VectorOperators.LE, 0.0);
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
        DoubleVector value = otm.add(sign.mul(forward.sub(strike)).blend(0.0, inTheMoney.not()));
        DoubleVector price = discount.mul(value);

        DoubleVector spotPdf = spot.mul(yieldDiscount).mul(pdf1);
        DoubleVector delta = sign.mul(yieldDiscount).mul(nd1);
        DoubleVector gamma = yieldDiscount.mul(pdf1).div(spot.mul(stdDev));
        DoubleVector vega = spotPdf.mul(sqrtT);
        DoubleVector theta = spotPdf.neg().mul(vol).div(sqrtT.mul(2.0))
            .add(sign.mul(yield.mul(spot).mul(yieldDiscount).mul(nd1).sub(rate.mul(strike).mul(discount).mul(nd2))));
        DoubleVector rho = rhoHoldsForward
            ? t.neg().mul(price)
            : sign.mul(strike).mul(t).mul(discount).mul(nd2);
        DoubleVector vanna = yieldDiscount.neg().mul(pdf1).mul(d2).div(vol);
        DoubleVector volga = vega.mul(d1).mul(d2).div(vol);
        DoubleVector charm = yield.mul(delta).sub(yieldDiscount.mul(pdf1)
            .mul(rate.sub(yield).mul(t).mul(2.0).sub(d2.mul(stdDev))).div(t.mul(stdDev).mul(2.0)));

        price.intoArray(out.price, i);
        delta.intoArray(out.delta, i);
        gamma.intoArray(out.gamma, i);
        vega.intoArray(out.vega, i);
        theta.intoArray(out.theta, i);
        rho.intoArray(out.rho, i);
        vanna.intoArray(out.vanna, i);
        volga.intoArray(out.volga, i);
        charm.intoArray(out.charm, i);
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

    /** {@link Normal#erfcxLarge} lane-wise: both of Cody's intervals, blended. */
    private static DoubleVector erfcxLarge(DoubleVector y) {
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
        DoubleVector middle = num.add(1.23033935479799725e03).div(den.add(1.23033935480374942e03));

        DoubleVector z = DoubleVector.broadcast(SPECIES, 1.0).div(y.mul(y));
        DoubleVector tnum = z.mul(1.63153871373020978e-2);
        DoubleVector tden = z;
        tnum = tnum.add(3.05326634961232344e-1).mul(z);
        tden = tden.add(2.56852019228982242e00).mul(z);
        tnum = tnum.add(3.60344899949804439e-1).mul(z);
        tden = tden.add(1.87295284992346047e00).mul(z);
        tnum = tnum.add(1.25781726111229246e-1).mul(z);
        tden = tden.add(5.27905102951428412e-1).mul(z);
        tnum = tnum.add(1.60837851487422766e-2).mul(z);
        tden = tden.add(6.05183413124413191e-2).mul(z);
        DoubleVector r = z.mul(tnum.add(6.58749161529837803e-4)).div(tden.add(2.33520497626869185e-3));
        DoubleVector outer = DoubleVector.broadcast(SPECIES, Normal.INV_SQRT_PI).sub(r).div(y);
        return middle.blend(outer, y.compare(VectorOperators.GT, 4.0));
    }
}
