package io.volvault.app.marketdata;

import io.volvault.greeks.surface.ChainQuote;
import io.volvault.greeks.surface.VolSurface;
import java.util.List;
import java.util.Optional;

/**
 * The option chain of a currency at one time, as quotes a {@link VolSurface} can be fitted to:
 * per strike the out-of-the-money option's mark IV (puts below the forward, calls at and above),
 * expiries in years from the snapshot time (ACT/365), the forward being the option's underlying
 * price. {@code source} is the server's {@code volvault_source}: present, and starting with
 * {@code synthetic}, when the chain was built by a skew model rather than recorded.
 */
public record ChainSnapshot(String currency, long timestamp, List<ChainQuote> quotes, Optional<String> source) {

    public ChainSnapshot {
        quotes = List.copyOf(quotes);
    }

    /** The SVI surface fitted to the quotes, one slice per expiry. */
    public VolSurface surface() {
        return VolSurface.fit(quotes);
    }
}
