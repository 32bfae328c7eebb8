package io.volvault.app.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {

    @TempDir
    Path dir;

    private static IndexedEvent event(long block, int logIndex, String amount) {
        return new IndexedEvent(block, logIndex, "0x" + "ab".repeat(32), 1_700_000_000 + block, "0x" + "11".repeat(20),
            "DepositRequest", Map.of("assets", amount, "controller", "0x" + "22".repeat(20)));
    }

    @Test
    void keepsEventsAcrossReopeningAndDropsWhatFollowsAForkPoint() throws Exception {
        try (EventStore store = EventStore.open(dir)) {
            store.reset("chain A");
            store.append(List.of(new IndexedBlock(5, "0x05", 1_700_000_005), new IndexedBlock(9, "0x09", 1_700_000_009)),
                List.of(event(5, 0, "100"), event(9, 2, "7")));
        }
        try (EventStore store = EventStore.open(dir)) {
            assertEquals(Optional.of("chain A"), store.identity());
            assertEquals(Optional.of(new IndexedBlock(9, "0x09", 1_700_000_009)), store.tip());
            assertEquals(List.of(event(5, 0, "100"), event(9, 2, "7")), store.allEvents());
            store.truncateAfter(5);
            assertEquals(List.of(event(5, 0, "100")), store.allEvents());
            assertEquals(Optional.of(new IndexedBlock(5, "0x05", 1_700_000_005)), store.tip());
            store.reset("chain B");
            assertEquals(List.of(), store.allEvents());
            assertEquals(Optional.empty(), store.tip());
            assertEquals(Optional.of("chain B"), store.identity());
        }
    }
}
