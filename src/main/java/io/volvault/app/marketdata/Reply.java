package io.volvault.app.marketdata;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A successful JSON-RPC answer: the typed result, the server's own timing ({@code usDiff}, the
 * microseconds it spent, when it says), and {@code volvault_source}, which the local server puts
 * on every answer that is not plain recorded data (a chain built by a skew model, a computed
 * realized vol). Deribit itself never sends it.
 */
public record Reply<T>(T result, OptionalLong usDiff, Optional<String> volvaultSource) {

    /** True when the server said this answer was built, not recorded. */
    public boolean isSynthetic() {
        return volvaultSource.map(source -> source.startsWith("synthetic")).orElse(false);
    }
}
