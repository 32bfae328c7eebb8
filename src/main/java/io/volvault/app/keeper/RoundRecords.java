package io.volvault.app.keeper;

import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.contracts.KeeperLog;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * The rounds' KeeperLog records, and the one a restart left unsent. What a round's record says is
 * journaled before the roll that opens the round goes out; if the keeper stops after the roll and
 * before the record, the next tick (of this keeper restarted, or of the standby that takes the lease)
 * finds the live round unrecorded on chain and records it from the journal, under the same journal
 * key as ever ({@code record:<vault>:round=N}), so it is sent once even by two keepers sharing a journal.
 */
final class RoundRecords {

    private static final Logger log = LoggerFactory.getLogger(RoundRecords.class);

    private final Journal journal;
    private final KeeperLog keeperLog;
    private final String keeper;
    /** Records on chain or journaled (or with nothing kept to send), not looked up again. */
    private final Set<String> settled = new HashSet<>();

    RoundRecords(Journal journal, KeeperLog keeperLog, String keeper) {
        this.journal = journal;
        this.keeperLog = keeperLog;
        this.keeper = keeper;
    }

    /** The journal key of the roll that closes round {@code round - 1} and opens {@code round}. */
    static String rollAction(String vault, long opened) {
        return "roll:" + vault + ":round=" + (opened - 1);
    }

    static String recordAction(String vault, long round) {
        return "record:" + vault + ":round=" + round;
    }

    /**
     * Journals what round {@code round}'s record will say, just before its roll is sent; once that
     * roll is journaled the record is left as it was (the roll on its way was decided from it).
     */
    void beforeRoll(String vault, long round, DecisionRecord r) {
        if (journal.find(rollAction(vault, round)).isEmpty()) {
            journal.rememberRoundRecord(recordAction(vault, round), Numeric.toHexString(r.inputsHash()), r.inputsJson(),
                r.decision());
        }
    }

    /** The KeeperLog call that records round {@code round} of {@code vault}. */
    PlannedTx recordTx(Keeper.ManagedVault v, long round, byte[] inputsHash, byte[] decisionHash) {
        return new PlannedTx(recordAction(v.address(), round),
            String.format("%s: record round %d's inputs %s and decision %s", v.name(), round,
                Numeric.toHexString(inputsHash), Numeric.toHexString(decisionHash)),
            keeperLog.getContractAddress(),
            keeperLog.record(v.address(), BigInteger.valueOf(round), inputsHash, decisionHash).encodeFunctionCall());
    }

    /** Round {@code round} is recorded (its record confirmed): no need to look it up on chain. */
    void recorded(String vault, long round) {
        settled.add(recordAction(vault, round));
    }

    /**
     * The record of the vault's live round if this journal's roll opened it (confirmed) and KeeperLog
     * has no entry of this keeper for it; built from what was journaled at roll time.
     */
    Optional<PlannedTx> missing(Keeper.ManagedVault v, VaultSnapshot s) throws IOException {
        long round = s.currentRound();
        String action = recordAction(v.address(), round);
        if (s.seriesId() == 0 || settled.contains(action)) {
            return Optional.empty();
        }
        Optional<JournalEntry> roll = journal.find(rollAction(v.address(), round));
        if (roll.isEmpty() || roll.get().status() != JournalEntry.Status.CONFIRMED) {
            return Optional.empty();  // not this journal's roll, or not settled yet (the sender settles it first)
        }
        if (journal.find(action).isPresent()) {
            settled.add(action);      // journaled already: the sender settles it, and a key is never sent twice
            return Optional.empty();
        }
        byte[] onChain;
        try {
            onChain = keeperLog.inputsHashOf(keeper, v.address(), BigInteger.valueOf(round)).send();
        } catch (Exception e) {
            throw new IOException("reading KeeperLog.inputsHashOf(" + keeper + ", " + v.address() + ", " + round + "): "
                + e.getMessage(), e);
        }
        if (!Arrays.equals(onChain, new byte[32])) {
            settled.add(action);
            return Optional.empty();
        }
        Optional<Journal.RoundRecord> kept = journal.roundRecord(action);
        if (kept.isEmpty()) {
            log.warn("{}: round {} has no KeeperLog record and the journal kept nothing to record: it stays unrecorded",
                v.name(), round);
            settled.add(action);
            return Optional.empty();
        }
        byte[] inputsHash = DecisionRecord.keccak(kept.get().inputs());
        if (!Numeric.toHexString(inputsHash).equals(kept.get().inputsHash())) {
            throw new IllegalStateException("journal: the inputs kept for " + action + " do not hash to " + kept.get().inputsHash());
        }
        log.info("{}: round {} was rolled but not recorded in KeeperLog (a restart in between): recording the inputs"
            + " journaled at roll time, {}", v.name(), round, kept.get().inputsHash());
        return Optional.of(recordTx(v, round, inputsHash, DecisionRecord.keccak(kept.get().decision())));
    }
}
