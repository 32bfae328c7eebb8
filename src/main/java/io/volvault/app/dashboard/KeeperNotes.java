package io.volvault.app.dashboard;

import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keeper's own words about its transactions (its journal's descriptions), by transaction hash,
 * and the inputs of the rounds it recorded in KeeperLog.
 */
@FunctionalInterface
public interface KeeperNotes {

    /** No journal in sight: actions are shown from the chain's events alone. */
    KeeperNotes NONE = Map::of;

    Map<String, String> byTxHash() throws IOException;

    /** The inputs the keeper kept under {@code inputsHash} (0x hex) when it recorded a round, if this journal has them. */
    default Optional<String> decisionInputs(String inputsHash) {
        return Optional.empty();
    }

    /** Reads the descriptions and the recorded rounds' inputs from a journal the keeper in this process writes to. */
    static KeeperNotes of(Journal journal) {
        return new KeeperNotes() {
            @Override
            public Map<String, String> byTxHash() {
                return journal.all().stream()
                    .collect(Collectors.toMap(e -> e.txHash().toLowerCase(), JournalEntry::description, (a, b) -> b));
            }

            @Override
            public Optional<String> decisionInputs(String inputsHash) {
                return journal.inputs(inputsHash);
            }
        };
    }
}
