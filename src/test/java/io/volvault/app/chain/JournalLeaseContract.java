package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.JournalEntry.Status;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The lease and its fencing token, on two journals that share one database (two keepers), with a
 * clock stepped by hand. H2 and PostgreSQL run the same checks.
 */
abstract class JournalLeaseContract {

    private static final long TTL = 10_000;
    final AtomicLong now = new AtomicLong(1_000_000);

    /** A fresh connection to the shared database; every test starts from an empty one. */
    abstract Journal connect() throws Exception;

    @Test
    void oneLeaderAtATimeAndAStandbyTakesOverOnlyAfterExpiryWithTheNextToken() throws Exception {
        try (Journal a = connect().clock(now::get); Journal b = connect().clock(now::get)) {
            assertEquals(1, a.acquire("a", TTL).orElseThrow().token());
            assertTrue(b.acquire("b", TTL).isEmpty(), "a live lease is not taken");
            now.addAndGet(TTL - 1);
            assertTrue(b.acquire("b", TTL).isEmpty(), "1 ms before expiry it is still a's");
            assertTrue(a.renew(TTL), "a renews in time");
            now.addAndGet(TTL - 1);
            assertTrue(b.acquire("b", TTL).isEmpty(), "the renewal moved the expiry");
            now.addAndGet(1);
            Journal.Fence taken = b.acquire("b", TTL).orElseThrow();
            assertEquals(new Journal.Fence("b", 2, now.get() + TTL), taken);
            assertFalse(a.renew(TTL), "the deposed leader cannot renew");
            assertEquals(taken, a.lease().orElseThrow());
        }
    }

    @Test
    void aDeposedLeaderCanNeitherJournalNorBroadcast() throws Exception {
        try (Journal a = connect().clock(now::get); Journal b = connect().clock(now::get)) {
            a.acquire("a", TTL).orElseThrow();
            a.recordSigned(entry("roll:v:round=1", 0));
            now.addAndGet(TTL);
            b.acquire("b", TTL).orElseThrow();
            Journal.FencedOut journal = assertThrows(Journal.FencedOut.class, () -> a.recordSigned(entry("roll:v:round=2", 1)));
            assertTrue(journal.getMessage().contains("does not hold the lease"), journal.getMessage());
            assertThrows(Journal.FencedOut.class, a::checkFence);
            b.checkFence();
            b.recordSigned(entry("roll:v:round=2", 1));
            assertEquals(2, b.all().size(), "the deposed leader's write never landed: " + b.all());
            // A journal that never took the lease may not act beside a leased one either.
            try (Journal outsider = connect().clock(now::get)) {
                assertThrows(Journal.FencedOut.class, outsider::checkFence);
            }
        }
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceAndAnExpiredOneFencesItsOldHolder() throws Exception {
        try (Journal a = connect().clock(now::get); Journal b = connect().clock(now::get)) {
            a.acquire("a", TTL).orElseThrow();
            a.release();
            assertEquals(2, b.acquire("b", TTL).orElseThrow().token(), "free at once after release, the token moves on");
            now.addAndGet(TTL);
            assertThrows(Journal.FencedOut.class, b::checkFence, "an expired lease fences even its holder");
            assertEquals(3, a.acquire("a", TTL).orElseThrow().token());
        }
    }

    @Test
    void theSameDecisionIsJournaledOnceEvenAcrossLeaders() throws Exception {
        try (Journal a = connect().clock(now::get); Journal b = connect().clock(now::get)) {
            a.acquire("a", TTL).orElseThrow();
            a.recordSigned(entry("close:v:round=3", 5));
            a.release();
            b.acquire("b", TTL).orElseThrow();
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> b.recordSigned(entry("close:v:round=3", 6)));
            assertTrue(twice.getMessage().startsWith("journal: cannot record close:v:round=3"), twice.getMessage());
            assertEquals(1, b.all().size());
            assertEquals(BigInteger.valueOf(5), b.find("close:v:round=3").orElseThrow().nonce());
        }
    }

    @Test
    void memosAreUpdatedInPlace() throws Exception {
        try (Journal a = connect()) {
            a.remember("last-rebalance:v", new Journal.Memo(10, 0.5));
            a.remember("last-rebalance:v", new Journal.Memo(20, 0.25));
            assertEquals(new Journal.Memo(20, 0.25), a.recall("last-rebalance:v").orElseThrow());
        }
    }

    @Test
    void aRoundsRecordIsKeptForTheLeaderAndReplacedByItsNextAttemptButNotByADeposedLeader() throws Exception {
        try (Journal a = connect().clock(now::get); Journal b = connect().clock(now::get)) {
            a.acquire("a", TTL).orElseThrow();
            assertTrue(a.roundRecord("record:v:round=2").isEmpty());
            a.rememberRoundRecord("record:v:round=2", "0x01", "{\"first\"}", "write 1");
            a.rememberRoundRecord("record:v:round=2", "0x02", "{\"second\"}", "write 2");
            assertEquals(new Journal.RoundRecord("0x02", "{\"second\"}", "write 2"), b.roundRecord("record:v:round=2").orElseThrow(),
                "the last attempt before the roll went out, seen by the other keeper");
            now.addAndGet(TTL);
            b.acquire("b", TTL).orElseThrow();
            assertThrows(Journal.FencedOut.class, () -> a.rememberRoundRecord("record:v:round=2", "0x03", "{\"late\"}", "write 3"));
            assertEquals("0x02", b.roundRecord("record:v:round=2").orElseThrow().inputsHash(), "the deposed leader's write never landed");
            b.rememberRoundRecord("record:v:round=3", "0x01", "{\"first\"}", "write 4");
            assertEquals(new Journal.RoundRecord("0x01", "{\"first\"}", "write 4"), a.roundRecord("record:v:round=3").orElseThrow(),
                "inputs kept once under their hash serve several rounds");
        }
    }

    static JournalEntry entry(String action, long nonce) {
        return new JournalEntry(action, "test " + action, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            BigInteger.valueOf(nonce), "0xhash-" + action, "0xsigned-" + action, 100_000, LocalDate.of(2025, 7, 1),
            Status.SENT, null);
    }
}
