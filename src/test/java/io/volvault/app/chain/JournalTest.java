package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.JournalEntry.Status;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    private static final LocalDate DAY = LocalDate.of(2025, 7, 1);

    @Test
    void remembersSignedTransactionsAcrossARestart(@TempDir Path dir) throws Exception {
        try (Journal journal = Journal.open(dir)) {
            journal.recordSigned(entry("roll:1", 7, 300_000, DAY));
            journal.recordSigned(entry("rebalance:1", 8, 200_000, DAY));
            journal.recordOutcome("roll:1", Status.CONFIRMED, 250_000L);
        }
        try (Journal reopened = Journal.open(dir)) {
            assertEquals(Status.CONFIRMED, reopened.find("roll:1").orElseThrow().status());
            assertEquals(250_000L, reopened.find("roll:1").orElseThrow().gasUsed());
            List<JournalEntry> open = reopened.unresolved();
            assertEquals(1, open.size());
            assertEquals("rebalance:1", open.get(0).action());
            assertEquals(BigInteger.valueOf(8), open.get(0).nonce());
            assertEquals("0xsigned-rebalance:1", open.get(0).signedTx());
            assertTrue(reopened.find("never").isEmpty());
        }
    }

    @Test
    void chargesUsedGasOnceKnownAndTheLimitUntilThen(@TempDir Path dir) throws Exception {
        try (Journal journal = Journal.open(dir)) {
            journal.recordSigned(entry("a", 1, 300_000, DAY));
            journal.recordSigned(entry("b", 2, 200_000, DAY));
            journal.recordSigned(entry("c", 3, 100_000, DAY));
            journal.recordSigned(entry("next-day", 4, 900_000, DAY.plusDays(1)));
            journal.recordOutcome("a", Status.CONFIRMED, 120_000L);
            journal.recordOutcome("c", Status.DROPPED, null);
            assertEquals(120_000 + 200_000, journal.gasCharged(DAY));
            assertEquals(900_000, journal.gasCharged(DAY.plusDays(1)));
            assertEquals(0, journal.gasCharged(DAY.minusDays(1)));
        }
    }

    @Test
    void refusesToJournalTheSameDecisionTwice(@TempDir Path dir) throws Exception {
        try (Journal journal = Journal.open(dir)) {
            journal.recordSigned(entry("roll:1", 1, 1, DAY));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> journal.recordSigned(entry("roll:1", 2, 1, DAY)));
            assertTrue(e.getMessage().startsWith("journal: cannot record roll:1"), e.getMessage());
        }
    }

    private static JournalEntry entry(String action, long nonce, long gasLimit, LocalDate day) {
        return new JournalEntry(action, "test " + action, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            BigInteger.valueOf(nonce), "0xhash-" + action, "0xsigned-" + action, gasLimit, day, Status.SENT, null);
    }
}
