package io.volvault.app.marketdata;

import java.io.IOException;
import java.util.Optional;

/**
 * The server answered with a JSON-RPC error object ({@code {"error":{"code":..,"message":..,
 * "data":..}}}). Carries Deribit's code and message, and the endpoint that was asked.
 */
public final class DeribitRpcException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final int httpStatus;
    private final int code;
    private final String rpcMessage;
    private final String data;

    DeribitRpcException(String method, int httpStatus, int code, String rpcMessage, Optional<String> data) {
        super(method + ": Deribit error " + code + " " + rpcMessage
                + data.map(d -> " " + d).orElse("") + " (HTTP " + httpStatus + ")");
        this.method = method;
        this.httpStatus = httpStatus;
        this.code = code;
        this.rpcMessage = rpcMessage;
        this.data = data.orElse(null);
    }

    /** The endpoint, e.g. {@code public/ticker}. */
    public String method() {
        return method;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Deribit's error code, e.g. -32602 for invalid params, 10028 for too many requests. */
    public int code() {
        return code;
    }

    /** Deribit's error message, e.g. {@code Invalid params}. */
    public String rpcMessage() {
        return rpcMessage;
    }

    /** The error's {@code data} object as JSON text, when there is one. */
    public Optional<String> data() {
        return Optional.ofNullable(data);
    }
}
