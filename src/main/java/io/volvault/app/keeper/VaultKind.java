package io.volvault.app.keeper;

import io.volvault.strategy.StrategyConfig;

/** The two vaults the contracts deploy, and the strategy configuration each runs. */
public enum VaultKind {
    /** Holds WETH; writes covered calls; its spot hedge is the USDC it swaps into. */
    COVERED_CALL("covered-call", "covered_call"),
    /** Holds USDC; writes cash-secured puts; its spot exposure is the WETH it swaps into. */
    CASH_SECURED_PUT("cash-secured-put", "cash_secured_put");

    private final String label;
    private final String jsonName;

    VaultKind(String label, String jsonName) {
        this.label = label;
        this.jsonName = jsonName;
    }

    public String label() {
        return label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The shared configuration, restricted to the options this vault can write. */
    public StrategyConfig config(StrategyConfig shared) {
        StrategyConfig.Options o = shared.options();
        boolean calls = this == COVERED_CALL;
        return shared.withOptions(o.with(calls, !calls, o.callFraction(), o.putDeltaShare()));
    }
}
