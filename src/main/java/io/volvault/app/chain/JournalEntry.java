package io.volvault.app.chain;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * One transaction the keeper decided to send, written down before it is broadcast. The signed
 * bytes are kept so that a restarted keeper re-broadcasts exactly this transaction (same nonce,
 * same hash) instead of deciding again.
 *
 * @param action   what the transaction does, unique per decision (e.g. {@code roll:vault=0x..:round=4})
 * @param chainDay the UTC day of the chain's clock when it was signed: the gas budget's day
 * @param gasUsed  null until the receipt is seen
 */
public record JournalEntry(
    String action,
    String description,
    String sender,
    BigInteger nonce,
    String txHash,
    String signedTx,
    long gasLimit,
    LocalDate chainDay,
    Status status,
    Long gasUsed) {

    public enum Status {
        /** Signed and journaled; maybe broadcast, receipt not seen yet. */
        SENT,
        CONFIRMED,
        REVERTED,
        /** Never mined and can no longer be (its nonce was used by another transaction). */
        DROPPED
    }

    /** Gas counted against the day's budget: what it used once known, its limit until then. */
    public long gasCharged() {
        return gasUsed != null ? gasUsed : status == Status.DROPPED ? 0 : gasLimit;
    }
}
