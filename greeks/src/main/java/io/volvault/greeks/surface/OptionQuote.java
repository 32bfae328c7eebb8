package io.volvault.greeks.surface;

import io.volvault.greeks.OptionType;

/** One listed option, prices in USD per option on the forward, undiscounted (Deribit coin price x forward). NaN where absent. */
public record OptionQuote(double expiryYears, double strike, double forward, OptionType type,
                          double bid, double ask, double mark, double markIv) {}
