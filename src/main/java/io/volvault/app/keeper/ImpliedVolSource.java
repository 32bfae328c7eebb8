package io.volvault.app.keeper;

import io.volvault.app.marketdata.ChainSnapshot;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.greeks.surface.ChainFit;
import io.volvault.greeks.surface.ChainFitter;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import io.volvault.app.marketdata.VolatilityCandle;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where the keeper's ATM implied vol comes from. */
public interface ImpliedVolSource {

    /** Longest a vol-index value may be older than the decision: the backtester's rule too. */
    long MAX_AGE_SECONDS = 2 * 86_400;

    /**
     * The ATM implied vol (a fraction: 0.55 = 55%) valid at {@code decisionTime}.
     *
     * @param realizedVol the configured realized estimator now, for sources that derive from it
     * @throws IOException when the feed fails or has nothing recent enough: the keeper then does not trade
     */
    double impliedVol(long decisionTime, double realizedVol) throws IOException;

    /** What this source is, for the log. */
    String describe();

    /**
     * What the keeper reads now: the 30-day ATM level and, from a source that observes a whole smile,
     * that smile's slices (empty: the keeper strikes and marks on the model's smile around the level).
     */
    record Observed(double atm30, List<SviSlice> smile) {
        public Observed {
            smile = List.copyOf(smile);
        }
    }

    /** The level and smile valid at {@code decisionTime}; a level-only source observes no smile. */
    default Observed observe(long decisionTime, double realizedVol) throws IOException {
        return new Observed(impliedVol(decisionTime, realizedVol), List.of());
    }

    /** Deribit's DVOL index through the market-data client (the local server in the demo). */
    static ImpliedVolSource dvol(DeribitClient client, String currency) {
        return new ImpliedVolSource() {
            @Override
            public double impliedVol(long decisionTime, double realizedVol) throws IOException {
                long endMs = decisionTime * 1000;
                List<VolatilityCandle> candles = client.getVolatilityIndexData(currency,
                    endMs - MAX_AGE_SECONDS * 1000, endMs, "1D").result().candles();
                VolatilityCandle latest = candles.stream()
                    .filter(c -> c.timestamp() <= endMs)
                    .reduce((a, b) -> b.timestamp() >= a.timestamp() ? b : a)
                    .orElseThrow(() -> new IOException(currency + " DVOL has no value in the two days up to "
                        + Instant.ofEpochSecond(decisionTime)));
                if (!(latest.close() > 0) || !Double.isFinite(latest.close())) {
                    throw new IOException(currency + " DVOL at " + Instant.ofEpochMilli(latest.timestamp())
                        + " is not a positive number: " + latest.close());
                }
                return latest.close() / 100;
            }

            @Override
            public String describe() {
                return currency + " DVOL from the market-data endpoint";
            }
        };
    }

    /**
     * The recorded option chain the market-data server answers (its {@link DeribitClient#chainSnapshot},
     * fitted by {@link ChainFitter} on the mark IVs of the out-of-the-money options): its 30-day ATM
     * vol (what DVOL measures, on the days DVOL's file does not reach) and its smile, both as of the
     * decision time ({@link #rolledTo}). Refuses a synthetic chain or a snapshot older than
     * {@link #MAX_AGE_SECONDS}.
     */
    static ImpliedVolSource recordedChain(DeribitClient client, String currency) {
        return new ImpliedVolSource() {
            @Override
            public double impliedVol(long decisionTime, double realizedVol) throws IOException {
                return observe(decisionTime, realizedVol).atm30();
            }

            @Override
            public Observed observe(long decisionTime, double realizedVol) throws IOException {
                ChainSnapshot chain = client.chainSnapshot(currency);
                String source = chain.source().orElse("(no source)");
                if (!source.startsWith("recorded")) {
                    throw new IOException(currency + " option chain at " + Instant.ofEpochSecond(decisionTime)
                        + " is not recorded: " + source);
                }
                long age = decisionTime - chain.timestamp() / 1000;
                if (age < 0 || age > MAX_AGE_SECONDS) {
                    throw new IOException(currency + " chain snapshot " + Instant.ofEpochMilli(chain.timestamp())
                        + " is not within two days before " + Instant.ofEpochSecond(decisionTime));
                }
                ChainFit fit = ChainFitter.fitIvs(chain.quotes());
                List<SviSlice> smile = fit.surface() == null ? List.of() : rolledTo(fit.surface(), age / SECONDS_PER_YEAR);
                if (smile.isEmpty()) {
                    throw new IOException(currency + " chain snapshot " + Instant.ofEpochMilli(chain.timestamp())
                        + ": no unexpired expiry could be fitted");
                }
                return new Observed(VolSurface.of(smile).atmVol(THIRTY_DAYS_YEARS), smile);
            }

            @Override
            public String describe() {
                return currency + " recorded chain fitted by ChainFitter (30-day ATM vol and smile), from the market-data endpoint";
            }
        };
    }

    /**
     * The fitted slices {@code elapsedYears} after the snapshot, sticky-strike: each slice's remaining
     * life shortens by the elapsed time and its implied vol at every strike stays (total variance, so
     * SVI's a and b, scaled by remaining over recorded life; forward and the smile's shape kept). A
     * slice that has expired by then is dropped.
     */
    static List<SviSlice> rolledTo(VolSurface fitted, double elapsedYears) {
        List<SviSlice> rolled = new ArrayList<>();
        for (SviSlice s : fitted.slices()) {
            double left = s.expiry() - elapsedYears;
            if (left > 0) {
                double scale = left / s.expiry();
                SviParams p = s.params();
                rolled.add(new SviSlice(left, s.forward(), new SviParams(p.a() * scale, p.b() * scale, p.rho(), p.m(), p.sigma())));
            }
        }
        return rolled;
    }

    /** ACT/365 seconds, the chain snapshot's expiry convention. */
    double SECONDS_PER_YEAR = 365 * 86_400.0;

    /** DVOL's horizon, in the 365-day years the chain snapshot's expiries are in. */
    double THIRTY_DAYS_YEARS = 30 / 365.0;

    /**
     * The strategy's stated proxy where no vol index exists (ETH here): realized vol times
     * {@code forecast.proxy_premium_ratio}, exactly as the backtester fills such bars.
     */
    static ImpliedVolSource realizedProxy(double premiumRatio) {
        return new ImpliedVolSource() {
            @Override
            public double impliedVol(long decisionTime, double realizedVol) {
                return realizedVol * premiumRatio;
            }

            @Override
            public String describe() {
                return "proxy: realized vol x " + premiumRatio + " (no vol index for this asset)";
            }
        };
    }
}
