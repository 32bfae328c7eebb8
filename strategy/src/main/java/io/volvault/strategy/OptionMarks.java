package io.volvault.strategy;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

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
     * (a call above the forward for small deltas, a put below). Brent's method on log-strike over a
     * bracket of eight standard deviations either side of spot, which holds any delta from about
     * 1e-15 to 1 - 1e-15 on a flat smile; the delta is monotone in the strike whenever the smile is
     * arbitrage-free. A steep smile (real short-dated wings run at several times the ATM vol) can
     * keep the delta above the target at eight ATM deviations, so the bracket doubles, up to
     * {@value #MAX_BRACKET_DOUBLINGS} times, until it holds the strike. The strike is found to 1e-12
     * relative, in about ten evaluations.
     */
    public static double strikeForDelta(OptionType type, double absDelta, double years, MarketState m) {
        double width = 8 * Math.max(m.forecastVol(), m.surface().iv(m.spot(), years)) * Math.sqrt(years);
        double logSpot = Math.log(m.spot());
        UnivariateFunction excessDelta = logStrike -> {
            double strike = Math.exp(logStrike);
            double vol = m.surface().iv(strike, years);
            return Math.abs(BlackScholes.delta(new BsOption(type, m.spot(), strike, years, vol, m.rate(), 0.0)))
                - absDelta;
        };
        for (int doubling = 0; doubling < MAX_BRACKET_DOUBLINGS
            && excessDelta.value(logSpot - width) * excessDelta.value(logSpot + width) > 0; doubling++) {
            width *= 2;
        }
        if (excessDelta.value(logSpot - width) * excessDelta.value(logSpot + width) > 0) {
            throw new IllegalArgumentException("no " + type.name().toLowerCase(java.util.Locale.ROOT) + " strike within "
                + Math.round(width / Math.sqrt(years) * 100) + " vol points x sqrt(T) of spot " + m.spot()
                + " has delta " + absDelta + " on this surface at T = " + years + " years: its wings admit arbitrage");
        }
        return Math.exp(new BrentSolver(1e-12).solve(200, excessDelta, logSpot - width, logSpot + width));
    }

    /** How often {@link #strikeForDelta} widens its bracket: to 128 ATM standard deviations at most. */
    static final int MAX_BRACKET_DOUBLINGS = 4;
}
