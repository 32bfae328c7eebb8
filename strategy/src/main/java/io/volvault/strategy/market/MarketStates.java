package io.volvault.strategy.market;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.strategy.MarketState;
import io.volvault.strategy.OptionMarks;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.StrategyConfig.Forecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link MarketState} the strategy decides on, built one way for the backtester (a bar of a
 * {@link MarketHistory}) and for the live keeper (the oracle's recorded prices and the implied vol
 * now): the forecast and implied-vol statistics from {@link VolInputs}, and a {@link SkewModel}
 * surface around the 30-day ATM implied vol on a {@link TermStructure} (live, an observed surface
 * instead when the keeper reads one).
 */
public final class MarketStates {

    private final SkewModel skew;
    private final TermStructure term;

    /**
     * @param skew the smile around each expiry's ATM vol
     * @param term the ATM vol at each expiry from the 30-day level (DVOL, or the proxy standing for it)
     */
    public MarketStates(SkewModel skew, TermStructure term) {
        this.skew = skew;
        this.term = term;
    }

    /** The market at bar {@code i} of the history, with a surface slice for every open option. */
    public MarketState at(MarketHistory h, int i, List<ShortOption> shorts, double tenorYears) {
        long now = h.bars().epochSeconds()[i];
        double spot = h.bars().close()[i];
        return state(h, i, now, spot, surface(h.impliedVol()[i], spot, h.rate(), tenorYears, shorts, now));
    }

    /**
     * The market now, at {@code time} and {@code spot}, from the oracle's recorded prices {@code bars}
     * (the last one is the latest answer) and the implied vol observed now: the forecast and its
     * statistics as a backtest would have them at the last bar, with the observed implied vol there
     * only (no index history is needed), and no interest rate (the vaults earn none).
     *
     * @param capVol the forecast at or under which the book sits at its cap (sizing's capVol)
     */
    public MarketState live(long time, double spot, double impliedVol, PriceBars bars, Forecast f, double capVol,
                            List<ShortOption> shorts, double tenorYears) {
        return live(time, spot, impliedVol, surface(impliedVol, spot, 0, tenorYears, shorts, time), bars, f, capVol);
    }

    /**
     * The market now as the other {@code live} builds it, struck and marked on {@code observed} (a
     * recorded chain's fitted smile) instead of the model's smile around {@code impliedVol}, which
     * still feeds the implied-vol statistics.
     */
    public MarketState live(long time, double spot, double impliedVol, VolSurface observed, PriceBars bars, Forecast f,
                            double capVol) {
        double periodsPerYear = periodsPerYear(bars);
        double[] iv = new double[bars.size()];
        Arrays.fill(iv, Double.NaN);
        iv[iv.length - 1] = impliedVol;
        MarketHistory h = VolInputs.history(bars, periodsPerYear, iv, f, capVol, 0);
        return state(h, bars.size() - 1, time, spot, observed);
    }

    /** The forecast's realized vol at the last of the oracle's recorded prices: NaN while they are too few. */
    public static double realizedNow(PriceBars bars, Forecast f) {
        double[] realized = VolInputs.realized(bars, periodsPerYear(bars), f);
        return realized[realized.length - 1];
    }

    /** Bars per year of a recorded history, from its spacing; a daily year until it has two prices. */
    private static double periodsPerYear(PriceBars bars) {
        return bars.size() >= 2 ? bars.inferredPeriodsPerYear() : 365;
    }

    private static MarketState state(MarketHistory h, int i, long now, double spot, VolSurface surface) {
        return new MarketState(now, spot, h.forecastVol()[i], surface, h.rate(), h.ivVol()[i],
            h.spotIvCorrelation()[i], h.dailyExcessKurtosis()[i]);
    }

    /**
     * The {@link SkewModel} surface around today's 30-day ATM level {@code atm30}, with a slice at the
     * round's tenor and at each open option's remaining life, each at its own ATM vol on the
     * {@link TermStructure}, so every option is marked on a slice of its own expiry (a 7-day option
     * at 7-day vol).
     */
    public VolSurface surface(double atm30, double spot, double rate, double tenorYears, List<ShortOption> shorts,
                              long now) {
        List<SviSlice> slices = new ArrayList<>(1 + shorts.size());
        slices.add(skew.slice(atm30, spot * Math.exp(rate * tenorYears), tenorYears, term));
        for (ShortOption o : shorts) {
            double years = (o.expiryEpochSeconds() - now) / OptionMarks.SECONDS_PER_YEAR;
            if (years > 0 && !hasExpiry(slices, years)) {
                slices.add(skew.slice(atm30, spot * Math.exp(rate * years), years, term));
            }
        }
        return VolSurface.of(slices);
    }

    private static boolean hasExpiry(List<SviSlice> slices, double years) {
        for (SviSlice s : slices) {
            if (s.expiry() == years) {
                return true;
            }
        }
        return false;
    }
}
