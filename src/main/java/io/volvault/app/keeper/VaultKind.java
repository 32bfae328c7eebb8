package io.volvault.app.keeper;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.volvault.strategy.StrategyConfig;
import java.util.Arrays;

/** The kinds of vault the contracts deploy, and the strategy configuration each runs. */
public enum VaultKind {
    /** Holds the base token; writes covered calls; its spot hedge is the quote it swaps into. */
    COVERED_CALL("covered-call", "covered_call"),
    /** Holds the quote token; writes cash-secured puts; its spot exposure is the base it swaps into. */
    CASH_SECURED_PUT("cash-secured-put", "cash_secured_put");

    private final String label;
    private final String jsonName;

    VaultKind(String label, String jsonName) {
        this.label = label;
        this.jsonName = jsonName;
    }

    /** The name in deployment files and configurations ({@code covered-call}). */
    @JsonValue
    public String label() {
        return label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The kind labelled {@code label}, or an exception listing the kinds. */
    @JsonCreator
    public static VaultKind of(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("vault kind must be covered-call or cash-secured-put, was " + label));
    }

    /** True for the kind that writes calls (and holds the base token). */
    public boolean writesCalls() {
        return this == COVERED_CALL;
    }

    /** The shared configuration, restricted to the options this vault can write. */
    public StrategyConfig config(StrategyConfig shared) {
        StrategyConfig.Options o = shared.options();
        boolean calls = writesCalls();
        return shared.withOptions(o.with(calls, !calls, o.callFraction(), o.putDeltaShare()));
    }
}
