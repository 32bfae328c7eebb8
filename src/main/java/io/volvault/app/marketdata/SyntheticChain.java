package io.volvault.app.marketdata;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.VolSurface;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An option chain built, not recorded: outside the days of the recorded chains ({@link RecordedChains}), at a replay
 * time the server lists options by {@link ChainListing} and marks them on the surface that
 * {@link SkewModel#CRYPTO_DEFAULT} builds from one ATM vol level (DVOL for BTC) and the index as
 * the forward (zero rate and yield). Prices and greeks are Black-Scholes on the index with r = q = 0
 * (the same prices as Black-76 on that forward, with rho taken at a fixed spot, as Deribit quotes
 * it); like Deribit, option prices are quoted in the base currency (USD value / index).
 *
 * @param source the {@code volvault_source} line every answer built from this chain carries
 */
record SyntheticChain(String currency, long asOfMillis, double forward, double atmVol, String source,
                      VolSurface surface, Map<String, ListedOption> options) {

    /** Skew parameters of the built chains: a stated assumption, see {@link SkewModel#CRYPTO_DEFAULT}. */
    static final SkewModel SKEW = SkewModel.CRYPTO_DEFAULT;

    /**
     * Lists and marks the chain of {@code currency} at {@code asOfMillis}.
     *
     * @param atmVolOrigin what the ATM level is, for the source line, e.g. {@code DVOL 56.76 on 2022-11-06}
     */
    static SyntheticChain build(String currency, long asOfMillis, double forward, double atmVol, String atmVolOrigin) {
        List<LocalDate> dates = ChainListing.expiries(asOfMillis);
        double[] years = new double[dates.size()];
        Map<String, ListedOption> options = new LinkedHashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            ListedOption any = new ListedOption(currency, date, 1, OptionType.CALL);
            years[i] = ChainListing.yearsBetween(asOfMillis, any.expiryMillis());
            for (long strike : ChainListing.strikes(forward, atmVol, years[i])) {
                for (OptionType type : OptionType.values()) {
                    ListedOption option = new ListedOption(currency, date, strike, type);
                    options.put(option.name(), option);
                }
            }
        }
        String source = String.format(java.util.Locale.ROOT,
                "synthetic: %s options listed by volvault's expiry and strike rules, marked on"
                        + " SkewModel(rho %s, eta %s, gamma %s) from %s, forward = index %.2f; no recorded chain",
                currency, SKEW.rho(), SKEW.eta(), SKEW.gamma(), atmVolOrigin, forward);
        return new SyntheticChain(currency, asOfMillis, forward, atmVol, source,
                SKEW.surface(atmVol, forward, years), Collections.unmodifiableMap(options));
    }

    Optional<ListedOption> find(String instrumentName) {
        return Optional.ofNullable(options.get(instrumentName));
    }

    List<ListedOption> listed() {
        return new ArrayList<>(options.values());
    }

    double years(ListedOption option) {
        return ChainListing.yearsBetween(asOfMillis, option.expiryMillis());
    }

    /** The surface's implied vol of an option, as a fraction (0.5676 for 56.76%). */
    double iv(ListedOption option) {
        return surface.iv(option.strike(), years(option));
    }

    /** Value in USD and greeks of an option at its surface vol. */
    Greeks greeks(ListedOption option) {
        return BlackScholes.greeks(new BsOption(option.type(), forward, option.strike(), years(option), iv(option), 0.0, 0.0));
    }
}
