package io.volvault.greeks;

/** A price that no positive volatility reproduces; the message names the bound it violates. */
public final class ImpliedVolException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ImpliedVolException(String message) {
        super(message);
    }
}
