package io.volvault.greeks;

/** European option payoff: a call pays max(S - K, 0) at expiry, a put max(K - S, 0). */
public enum OptionType {
    CALL,
    PUT;

    /** +1 for a call, -1 for a put: the sign that turns put formulas into call formulas. */
    public double sign() {
        return this == CALL ? 1.0 : -1.0;
    }
}
