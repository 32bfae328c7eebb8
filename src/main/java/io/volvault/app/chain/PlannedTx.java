package io.volvault.app.chain;

/**
 * A contract call the keeper decided to make, before it is signed.
 *
 * @param action      unique key of the decision (the same decision taken twice has the same key)
 * @param description what a person reading the log or a dry run should see
 * @param to          the contract address
 * @param data        the ABI-encoded call, from a generated wrapper's {@code encodeFunctionCall()}
 */
public record PlannedTx(String action, String description, String to, String data) {

    @Override
    public String toString() {
        return description + " -> " + to + " data=" + data;
    }
}
