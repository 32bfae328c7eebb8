package io.volvault.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Chains that are not exactly SVI: the fit still lands somewhere sensible and finite. */
class SviFitRobustnessTest {

    @Test
    void flatSmileFitsWithZeroWings() {
        List<ChainQuote> flat = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            flat.add(new ChainQuote(0.5, 80 + 5 * i, 100, 0.6));
        }
        SviSlice slice = VolSurface.fit(flat).slices().get(0);
        assertEquals(0.0, slice.params().b(), 1e-12);
        assertEquals(0.6 * 0.6 * 0.5, slice.params().a(), 1e-12);
        assertEquals(0.6, slice.iv(55.0), 1e-12);
    }

    @Test
    void noisyQuotesFitWithinTheirNoise() {
        SviSlice truth = new SviSlice(0.1, 100, new SviParams(0.002, 0.08, -0.2, 0.0, 0.08));
        SplittableRandom random = new SplittableRandom(3);
        List<ChainQuote> noisy = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            double strike = 60 + 3 * i;
            // Uniform noise of +-0.5 vol points: rms 0.29 vol points.
            noisy.add(new ChainQuote(0.1, strike, 100, truth.iv(strike) + 0.01 * (random.nextDouble() - 0.5)));
        }
        VolSurface surface = VolSurface.fit(noisy);
        SviSlice fitted = surface.slices().get(0);
        for (ChainQuote quote : noisy) {
            assertEquals(truth.iv(quote.strike()), fitted.iv(quote.strike()), 0.003, "strike " + quote.strike());
        }
        assertEquals(List.of(), surface.arbitrage());
    }

    /**
     * Implied vol quadratic in k makes total variance quartic, more convex than any hyperbola: the
     * least-squares optimum runs off to sigma, b -> infinity. The box stops sigma at five quoted
     * ranges (5 * 0.8 = 4) and the fit is still a usable smile.
     */
    @Test
    void smileMoreConvexThanSviStopsAtTheBox() {
        List<ChainQuote> quotes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            double k = -0.4 + 0.1 * i;
            quotes.add(new ChainQuote(0.02, 100 * Math.exp(k), 100, 0.8 + 2 * k * k));
        }
        SviSlice fitted = VolSurface.fit(quotes).slices().get(0);
        assertEquals(4.0, fitted.params().sigma(), 1e-9);
        double worst = 0.0;
        for (ChainQuote quote : quotes) {
            worst = Math.max(worst, Math.abs(fitted.iv(quote.strike()) - quote.iv()));
        }
        assertTrue(worst < 0.05, "worst vol error " + worst);
    }
}
