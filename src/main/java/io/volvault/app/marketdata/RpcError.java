package io.volvault.app.marketdata;

import java.util.Optional;

/**
 * An error the local server answers with, in Deribit's shape: {@code -32602 Invalid params} with
 * the offending {@code param} and a {@code reason}, {@code -32601 Method not found}, or
 * {@code 13020 not_found} for a replay time the recorded files do not cover.
 */
final class RpcError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int INVALID_PARAMS = -32602;
    static final int METHOD_NOT_FOUND = -32601;
    static final int NOT_FOUND = 13020;

    private final int code;
    private final String rpcMessage;
    private final String reason;
    private final String param;

    private RpcError(int code, String rpcMessage, String reason, Optional<String> param) {
        super(code + " " + rpcMessage + ": " + reason + param.map(p -> " (param " + p + ")").orElse(""));
        this.code = code;
        this.rpcMessage = rpcMessage;
        this.reason = reason;
        this.param = param.orElse(null);
    }

    static RpcError invalidParam(String param, String reason) {
        return new RpcError(INVALID_PARAMS, "Invalid params", reason, Optional.of(param));
    }

    /** Deribit's own answer to a name it does not list: {@code -32602 Invalid params}, "instrument not found". */
    static RpcError instrumentNotFound() {
        return invalidParam("instrument_name", "instrument not found");
    }

    static RpcError methodNotFound(String reason) {
        return new RpcError(METHOD_NOT_FOUND, "Method not found", reason, Optional.empty());
    }

    static RpcError notRecorded(String reason) {
        return new RpcError(NOT_FOUND, "not_found", reason, Optional.empty());
    }

    int code() {
        return code;
    }

    String rpcMessage() {
        return rpcMessage;
    }

    String reason() {
        return reason;
    }

    Optional<String> param() {
        return Optional.ofNullable(param);
    }
}
