package io.volvault.strategy;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;

/** Options marked on the market's surface: Greeks at the surface's vol, and strikes by delta. */
public final class OptionMarks {

    public static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;

    private OptionMarks() {}

    /** Years from the decision time to {@code expiryEpochSeconds} (zero once expired). */
    public static double yearsTo(long expiryEpochSeconds, MarketState m) {
        return Math.max(0, expiryEpochSeconds - m.epochSeconds()) / SECONDS_PER_YEAR;
    }

    /** Black-Scholes Greeks of one long option at the surface's implied vol for its strike and expiry. */
    public static Greeks greeks(OptionType type, double strike, double years, MarketState m) {
        double vol = m.surface().iv(strike, years);
        return BlackScholes.greeks(new BsOption(type, m.spot(), strike, years, vol, m.rate(), 0.0));
    }

    /** What one option pays at expiry, in quote: max(S - K, 0) for a call, max(K - S, 0) for a put. */
    public static double payoff(OptionType type, double strike, double spot) {
        return type == OptionType.CALL ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
    }

    /**
     * The strike whose Black-Scholes delta on the surface is {@code absDelta} in absolute value
     * (a call above the forward for small deltas, a put below). Bisection on log-strike: the delta
     * is monotone in the strike whenever the smile is arbitrage-free. The bracket, eight forecast
     * standard deviations either side of spot, holds any delta from about 1e-15 to 1 - 1e-15;
     * bisection stops when the strike is known to 1e-12 relative.
     */
    public static double strikeForDelta(OptionType type, double absDelta, double years, MarketState m) {
        double width = 8 * Math.max(m.forecastVol(), m.surface().iv(m.spot(), years)) * Math.sqrt(years);
        double lo = Math.log(m.spot()) - width;
        double hi = Math.log(m.spot()) + width;
        while (hi - lo > 1e-12) {
            double mid = 0.5 * (lo + hi);
            double strike = Math.exp(mid);
            double vol = m.surface().iv(strike, years);
            double delta = Math.abs(BlackScholes.delta(
                new BsOption(type, m.spot(), strike, years, vol, m.rate(), 0.0)));
            // A call's delta falls with the strike; a put's absolute delta rises with it.
            boolean strikeTooLow = type == OptionType.CALL ? delta > absDelta : delta < absDelta;
            if (strikeTooLow) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }
}
