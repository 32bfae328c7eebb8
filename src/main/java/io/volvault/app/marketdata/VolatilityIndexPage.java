package io.volvault.app.marketdata;

import java.util.List;
import java.util.OptionalLong;

/**
 * One answer of {@code public/get_volatility_index_data}: candles oldest first, and the
 * {@code end_timestamp} to ask for the older ones when the answer was cut short.
 */
public record VolatilityIndexPage(List<VolatilityCandle> candles, OptionalLong continuation) {

    public VolatilityIndexPage {
        candles = List.copyOf(candles);
    }
}
