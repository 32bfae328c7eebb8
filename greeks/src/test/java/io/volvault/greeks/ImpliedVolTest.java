package io.volvault.greeks;

import static io.volvault.greeks.OptionType.CALL;
import static io.volvault.greeks.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImpliedVolTest {

    private static final double MAX_RELATIVE_ERROR = 1e-12;

    /**
     * The required domain: out of the money up to 8 standard deviations (|ln(K/F)| / (vol sqrt T)),
     * in the money up to 3, T from one day to two years, vol from 5% to 300%; 10 expiries x 12 vols
     * x 45 moneyness levels x calls and puts x both models = 21,600 round trips.
     */
    @Test
    void roundTripsOverTheWholeGridWithNoFailures() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0.0;
        String worstCase = "";
        List<String> failures = new ArrayList<>();
        int count = 0;
        int limitedByPrice = 0;
        for (double t : logSpaced(1.0 / 365.0, 2.0, 10)) {
            for (double vol : logSpaced(0.05, 3.0, 12)) {
                for (OptionType type : OptionType.values()) {
                    for (int step = -32; step <= 32; step++) {
                        double z = step / 4.0;   // standard deviations of ln(K/F)
                        boolean inTheMoney = type == CALL ? z < 0 : z > 0;
                        if (inTheMoney && Math.abs(z) > 3.0) {
                            continue;
                        }
                        double r = random.nextDouble(-0.01, 0.08);
                        double q = random.nextDouble(0.0, 0.05);
                        double stdDev = vol * Math.sqrt(t);
                        double spot = 100.0;
                        double forward = spot * Math.exp((r - q) * t);
                        double strike = forward * Math.exp(z * stdDev);
                        count += 2;
                        String bs = "BS " + new BsOption(type, spot, strike, t, vol, r, q);
                        try {
                            Greeks g = BlackScholes.greeks(new BsOption(type, spot, strike, t, vol, r, q));
                            double implied = ImpliedVol.blackScholes(type, g.price(), spot, strike, t, r, q);
                            double excess = excessError(implied, vol, g);
                            if (!(excess <= worst)) {
                                worst = excess;
                                worstCase = bs;
                            }
                            limitedByPrice += attainable(g, vol) > MAX_RELATIVE_ERROR ? 1 : 0;
                        } catch (ImpliedVolException e) {
                            failures.add(bs + ": " + e.getMessage());
                        }
                        String b76 = "B76 " + new B76Option(type, forward, strike, t, vol, r);
                        try {
                            Greeks g = Black76.greeks(new B76Option(type, forward, strike, t, vol, r));
                            double implied = ImpliedVol.black76(type, g.price(), forward, strike, t, r);
                            double excess = excessError(implied, vol, g);
                            if (!(excess <= worst)) {
                                worst = excess;
                                worstCase = b76;
                            }
                            limitedByPrice += attainable(g, vol) > MAX_RELATIVE_ERROR ? 1 : 0;
                        } catch (ImpliedVolException e) {
                            failures.add(b76 + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertEquals(21_600, count);
        assertEquals(List.of(), failures);
        assertTrue(worst <= 1.0, "error " + worst + " times the allowed error at " + worstCase);
        // Deep in the money with large vol sqrt(T), the time value is a tiny part of the price, so
        // the price's own rounding moves the vol by more than 1e-12; this is the only exemption.
        assertEquals(LIMITED_BY_PRICE_ROUNDING, limitedByPrice);
    }

    /**
     * Grid points where the rounding of the price alone moves the vol by more than 1e-12 (of 21,600;
     * all in the money by 2.25 to 3 standard deviations with vol sqrt(T) of 2 or more; worst ~3e-11).
     */
    private static final int LIMITED_BY_PRICE_ROUNDING = 44;

    /** The vol error, as a multiple of what is allowed: 1e-12 relative, or attainable() if larger. */
    private static double excessError(double implied, double vol, Greeks g) {
        return Math.abs(implied - vol) / vol / Math.max(MAX_RELATIVE_ERROR, attainable(g, vol));
    }

    /**
     * The relative vol error caused by the price being rounded to a double: half an ulp of the
     * price, through vega, counted twice (pricing, then the inversion's own parity subtraction).
     */
    private static double attainable(Greeks g, double vol) {
        return 2.0 * Math.ulp(g.price()) / (g.vega() * vol);
    }

    @Test
    void recoversHaugsVolFromTheBookPrice() {
        // Haug p. 2-8: the call worth 2.1334 has vol 0.30 (to the 4 decimals of the price).
        assertEquals(0.30, ImpliedVol.blackScholes(CALL, 2.1334, 60, 65, 0.25, 0.08, 0.0), 1e-5);
    }

    @Test
    void pricesOutsideTheNoArbitrageBoundsAreRefusedNamingTheBound() {
        // Discounted intrinsic value e^{-rT} (F - K) of the in-the-money call, F = S e^{(r-q)T}.
        double lower = Math.exp(-0.05) * (110.0 * Math.exp(0.05) - 100.0);
        ImpliedVolException below = assertThrows(ImpliedVolException.class,
            () -> ImpliedVol.blackScholes(CALL, 12.3, 110, 100, 1.0, 0.05, 0.0));
        assertEquals("price 12.3 is below the lower no-arbitrage bound " + lower + " (discounted intrinsic)",
            below.getMessage());

        ImpliedVolException above = assertThrows(ImpliedVolException.class,
            () -> ImpliedVol.black76(PUT, 120.0, 100, 110, 1.0, 0.0));
        assertEquals("price 120.0 is at or above the upper no-arbitrage bound 110.0 (discounted strike)",
            above.getMessage());

        ImpliedVolException callAbove = assertThrows(ImpliedVolException.class,
            () -> ImpliedVol.black76(CALL, 100.0, 100, 110, 1.0, 0.0));
        assertEquals("price 100.0 is at or above the upper no-arbitrage bound 100.0 (discounted forward)",
            callAbove.getMessage());

        ImpliedVolException noTimeValue = assertThrows(ImpliedVolException.class,
            () -> ImpliedVol.black76(PUT, 0.0, 100, 90, 1.0, 0.0));
        assertEquals("price 0.0 equals the lower no-arbitrage bound 0.0 (discounted intrinsic): "
            + "no time value, so no positive implied vol", noTimeValue.getMessage());

        assertEquals("price must be a finite number, got NaN", assertThrows(IllegalArgumentException.class,
            () -> ImpliedVol.black76(PUT, Double.NaN, 100, 90, 1.0, 0.0)).getMessage());
        assertEquals("expiry must be positive and finite, got 0.0", assertThrows(IllegalArgumentException.class,
            () -> ImpliedVol.blackScholes(PUT, 1.0, 100, 90, 0.0, 0.0, 0.0)).getMessage());
    }

    @Test
    void extremePricesStillInvert() {
        // Far beyond the tested domain (out of the money) the inversion still converges.
        for (double vol : new double[] {0.01, 5.0, 10.0}) {
            for (double z : new double[] {0.0, 6.0, 12.0}) {
                double strike = 100.0 * Math.exp(z * vol * Math.sqrt(0.5));
                double price = Black76.price(new B76Option(CALL, 100.0, strike, 0.5, vol, 0.0));
                if (price > 0.0 && price < 100.0) {
                    assertEquals(vol, ImpliedVol.black76(CALL, price, 100.0, strike, 0.5, 0.0), 1e-9 * vol,
                        "vol " + vol + " z " + z);
                }
            }
        }
    }

    static double[] logSpaced(double from, double to, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = from * Math.pow(to / from, i / (n - 1.0));
        }
        return values;
    }
}
