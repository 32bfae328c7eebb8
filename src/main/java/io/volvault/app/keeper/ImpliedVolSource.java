package io.volvault.app.keeper;

import io.volvault.app.marketdata.ChainSnapshot;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.greeks.surface.ChainFit;
import io.volvault.greeks.surface.ChainFitter;
import io.volvault.app.marketdata.VolatilityCandle;
import java.io.IOException;
import java.time.Instant;
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
     * The 30-day ATM implied vol of the recorded option chain the market-data server answers (its
     * {@link DeribitClient#chainSnapshot}, fitted by {@link ChainFitter} on the mark IVs of the
     * out-of-the-money options): what DVOL measures, on the days DVOL's file
     * does not reach. Refuses a synthetic chain or a snapshot older than {@link #MAX_AGE_SECONDS}.
     */
    static ImpliedVolSource recordedChain(DeribitClient client, String currency) {
        return new ImpliedVolSource() {
            @Override
            public double impliedVol(long decisionTime, double realizedVol) throws IOException {
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
                if (fit.surface() == null) {
                    throw new IOException(currency + " chain snapshot " + Instant.ofEpochMilli(chain.timestamp())
                        + ": no expiry could be fitted");
                }
                return fit.surface().atmVol(THIRTY_DAYS_YEARS);
            }

            @Override
            public String describe() {
                return currency + " 30-day ATM vol of the recorded chain fitted by ChainFitter, from the market-data endpoint";
            }
        };
    }

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
