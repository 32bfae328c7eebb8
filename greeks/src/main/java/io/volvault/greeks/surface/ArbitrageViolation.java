package io.volvault.greeks.surface;

/**
 * A static-arbitrage finding of a {@link VolSurface}.
 *
 * @param kind           butterfly (a negative implied density within one expiry) or calendar
 *                       (total variance falling from one expiry to the next)
 * @param expiry         the expiry where it occurs; for calendar, the later of the two expiries
 * @param logMoneyness   the worst point, ln(K / F)
 * @param value          the worst value: Durrleman's g(k) (< 0) for butterfly, the change of
 *                       total variance w(k, T2) - w(k, T1) (< 0) for calendar
 * @param description    one line for people, naming the expiries and the k interval affected
 */
public record ArbitrageViolation(Kind kind, double expiry, double logMoneyness, double value, String description) {

    public enum Kind { BUTTERFLY, CALENDAR }
}
