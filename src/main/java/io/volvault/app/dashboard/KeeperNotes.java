package io.volvault.app.dashboard;

import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/** The keeper's own words about its transactions (its journal's descriptions), by transaction hash. */
@FunctionalInterface
public interface KeeperNotes {

    /** No journal in sight: actions are shown from the chain's events alone. */
    KeeperNotes NONE = Map::of;

    Map<String, String> byTxHash() throws IOException;

    /** Reads the descriptions from a journal the keeper in this process writes to. */
    static KeeperNotes of(Journal journal) {
        return () -> journal.all().stream()
            .collect(Collectors.toMap(e -> e.txHash().toLowerCase(), JournalEntry::description, (a, b) -> b));
    }
}
