package io.volvault.bench;

import java.util.SplittableRandom;

/**
 * A batch of random crypto-range European options as columns: spot around 60,000, vol 15% to
 * 200%, T from one day to two years (log-uniform), rate 0 to 8%, yield 0 to 3%, strikes within
 * 3 standard deviations of the forward, calls and puts mixed. Fixed seed: every run, and every
 * contender in a run, sees the same options.
 */
final class OptionSample {

    final boolean[] call;
    final double[] spot;
    final double[] strike;
    final double[] expiry;
    final double[] vol;
    final double[] rate;
    final double[] yield;

    OptionSample(int size, long seed) {
        call = new boolean[size];
        spot = new double[size];
        strike = new double[size];
        expiry = new double[size];
        vol = new double[size];
        rate = new double[size];
        yield = new double[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            call[i] = random.nextBoolean();
            spot[i] = 60_000.0 * Math.exp(random.nextDouble(-0.3, 0.3));
            expiry[i] = Math.exp(random.nextDouble(Math.log(1.0 / 365.0), Math.log(2.0)));
            vol[i] = random.nextDouble(0.15, 2.0);
            rate[i] = random.nextDouble(0.0, 0.08);
            yield[i] = random.nextDouble(0.0, 0.03);
            double forward = spot[i] * Math.exp((rate[i] - yield[i]) * expiry[i]);
            strike[i] = forward * Math.exp(random.nextDouble(-3.0, 3.0) * vol[i] * Math.sqrt(expiry[i]));
        }
    }

    int size() {
        return spot.length;
    }
}
