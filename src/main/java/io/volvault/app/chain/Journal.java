package io.volvault.app.chain;

import io.volvault.app.io.H2Files;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The keeper's memory: every transaction it signed, before it was broadcast, and what became of it.
 * Together with the chain this is enough for a restarted keeper to neither repeat nor lose a
 * transaction. It is an embedded H2 database by default ({@link #open}), or a PostgreSQL database
 * ({@link #connect}) that two keepers share for high availability: they hold a {@link Fence lease}
 * in it, and a transaction is journaled only under the lease's current fencing token.
 */
public final class Journal implements AutoCloseable {

    /** The schema, the same SQL on H2 and PostgreSQL; every statement is idempotent. */
    private static final String[] SCHEMA = {"""
        CREATE TABLE IF NOT EXISTS tx (
          action      VARCHAR(300) PRIMARY KEY,
          description VARCHAR(1000) NOT NULL,
          sender      VARCHAR(42) NOT NULL,
          nonce       DECIMAL(40) NOT NULL,
          tx_hash     VARCHAR(66) NOT NULL,
          signed_tx   VARCHAR(200000) NOT NULL,
          gas_limit   BIGINT NOT NULL,
          chain_day   DATE NOT NULL,
          status      VARCHAR(10) NOT NULL,
          gas_used    BIGINT,
          seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE)""", """
        CREATE TABLE IF NOT EXISTS memo (
          name    VARCHAR(300) PRIMARY KEY,
          epoch   BIGINT NOT NULL,
          amount  DOUBLE PRECISION NOT NULL)""", """
        CREATE TABLE IF NOT EXISTS lease (
          name       VARCHAR(100) PRIMARY KEY,
          holder     VARCHAR(200) NOT NULL,
          token      BIGINT NOT NULL,
          expires_ms BIGINT NOT NULL)""", """
        CREATE TABLE IF NOT EXISTS decision_inputs (
          inputs_hash VARCHAR(66) PRIMARY KEY,
          inputs      VARCHAR(1000000) NOT NULL)""", """
        CREATE TABLE IF NOT EXISTS round_record (
          action      VARCHAR(300) PRIMARY KEY,
          inputs_hash VARCHAR(66) NOT NULL,
          decision    VARCHAR(10000) NOT NULL)"""};
    private static final String LEASE = "keeper";

    private final Connection db;
    /** Wall-clock milliseconds, for the lease's expiry: keepers sharing a journal need clocks in step (NTP). */
    private LongSupplier clock = System::currentTimeMillis;
    /** The lease this journal writes under, or null while it holds none. */
    private Fence fence;

    private Journal(Connection db) {
        this.db = db;
    }

    /** Replaces the wall clock the lease is timed by (tests step it by hand). */
    public synchronized Journal clock(LongSupplier millis) {
        this.clock = millis;
        return this;
    }

    /** Opens (creating if needed) the embedded journal stored in {@code directory}. */
    public static Journal open(Path directory) throws IOException {
        return new Journal(H2Files.open(directory, "journal", "keeper", "keeper journal", SCHEMA));
    }

    /** Connects to a shared journal, a PostgreSQL database ({@code jdbc:postgresql://host:port/db?user=...}). */
    public static Journal connect(String jdbcUrl) throws IOException {
        try {
            Connection db = DriverManager.getConnection(jdbcUrl);
            try (Statement st = db.createStatement()) {
                for (String statement : SCHEMA) {
                    st.execute(statement);
                }
            }
            return new Journal(db);
        } catch (SQLException e) {
            throw new IOException("cannot open the keeper journal at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /**
     * A lease on acting for the vaults: who holds it, until when, and its fencing token, which grows by
     * one whenever the lease changes hands. A keeper whose token is no longer the current one has been
     * deposed: it may not journal, so it cannot broadcast.
     */
    public record Fence(String holder, long token, long expiresMs) {}

    /** Thrown when this keeper acts without holding the current lease. */
    public static final class FencedOut extends IllegalStateException {
        FencedOut(String message) {
            super(message);
        }
    }

    /**
     * Takes the lease for {@code ttlMs} if it is free, expired, or already {@code holder}'s; the token
     * grows when the holder changes. Empty when another keeper holds a live lease.
     */
    public synchronized Optional<Fence> acquire(String holder, long ttlMs) {
        long nowMs = clock.getAsLong();
        return transaction(() -> {
            Optional<Fence> current = currentLease();
            Fence next;
            if (current.isEmpty()) {
                next = new Fence(holder, 1, nowMs + ttlMs);
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT INTO lease (name, holder, token, expires_ms) VALUES (?, ?, ?, ?)")) {
                    p.setString(1, LEASE);
                    p.setString(2, next.holder());
                    p.setLong(3, next.token());
                    p.setLong(4, next.expiresMs());
                    p.executeUpdate();
                }
            } else {
                Fence c = current.get();
                boolean mine = c.holder().equals(holder) && c.expiresMs() > nowMs;
                if (!mine && c.expiresMs() > nowMs) {
                    return Optional.<Fence>empty();
                }
                next = new Fence(holder, mine ? c.token() : c.token() + 1, nowMs + ttlMs);
                writeLease(next);
            }
            fence = next;
            return Optional.of(next);
        });
    }

    /** Extends this keeper's lease by {@code ttlMs}; false (and no lease held) when it was lost meanwhile. */
    public synchronized boolean renew(long ttlMs) {
        if (fence == null) {
            return false;
        }
        long nowMs = clock.getAsLong();
        Fence held = fence;
        return transaction(() -> {
            if (!isCurrent(held, nowMs)) {
                fence = null;
                return false;
            }
            fence = new Fence(held.holder(), held.token(), nowMs + ttlMs);
            writeLease(fence);
            return true;
        });
    }

    /** Gives the lease up at once, so that a standby need not wait for it to expire. */
    public synchronized void release() {
        if (fence == null) {
            return;
        }
        long nowMs = clock.getAsLong();
        Fence held = fence;
        fence = null;
        transaction(() -> {
            if (isCurrent(held, nowMs)) {
                writeLease(new Fence(held.holder(), held.token(), 0));
            }
            return null;
        });
    }

    /** The lease as stored, if any keeper ever took it. */
    public synchronized Optional<Fence> lease() {
        return transaction(this::currentLease);
    }

    /**
     * Fails with {@link FencedOut} unless this journal holds the current lease (or works without one,
     * as the single embedded keeper does): checked before every broadcast.
     */
    public synchronized void checkFence() {
        if (fence == null && !leased()) {
            return;
        }
        long nowMs = clock.getAsLong();
        Fence held = fence;
        transaction(() -> {
            requireCurrent(held, nowMs);
            return null;
        });
    }

    private boolean leased() {
        return transaction(() -> currentLease().isPresent());
    }

    private void requireCurrent(Fence held, long nowMs) throws SQLException {
        if (held == null || !isCurrent(held, nowMs)) {
            fence = null;
            throw new FencedOut("this keeper does not hold the lease (held " + held + ", stored "
                + currentLease().orElse(null) + "): it may not act");
        }
    }

    /** Reads the lease row under a row lock, so that the caller's transaction sees no concurrent change. */
    private boolean isCurrent(Fence held, long nowMs) throws SQLException {
        Optional<Fence> stored = currentLease();
        return stored.isPresent() && stored.get().holder().equals(held.holder()) && stored.get().token() == held.token()
            && stored.get().expiresMs() > nowMs;
    }

    private Optional<Fence> currentLease() throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT holder, token, expires_ms FROM lease WHERE name = ? FOR UPDATE")) {
            p.setString(1, LEASE);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new Fence(r.getString(1), r.getLong(2), r.getLong(3))) : Optional.empty();
            }
        }
    }

    private void writeLease(Fence f) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(
                "UPDATE lease SET holder = ?, token = ?, expires_ms = ? WHERE name = ?")) {
            p.setString(1, f.holder());
            p.setLong(2, f.token());
            p.setLong(3, f.expiresMs());
            p.setString(4, LEASE);
            p.executeUpdate();
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} as one database transaction. */
    private <T> T transaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal: " + e.getMessage(), e);
        }
    }

    public synchronized Optional<JournalEntry> find(String action) {
        return query("SELECT * FROM tx WHERE action = ?", action).stream().findFirst();
    }

    /**
     * Writes a signed transaction down; fails if the action was already journaled, or, on a leased
     * journal, with {@link FencedOut} when this keeper's fencing token is no longer the current one
     * (checked in the same transaction as the insert, under the lease row's lock).
     */
    public synchronized void recordSigned(JournalEntry entry) {
        long nowMs = clock.getAsLong();
        boolean leased = fence != null || leased();
        Fence held = fence;
        try {
            transaction(() -> {
                if (leased) {
                    requireCurrent(held, nowMs);
                }
                insert(entry);
                return null;
            });
        } catch (FencedOut e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("journal: cannot record " + entry.action() + ": " + e.getMessage(), e);
        }
    }

    private void insert(JournalEntry entry) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("""
                INSERT INTO tx (action, description, sender, nonce, tx_hash, signed_tx, gas_limit, chain_day, status, gas_used)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            p.setString(1, entry.action());
            p.setString(2, entry.description());
            p.setString(3, entry.sender());
            p.setBigDecimal(4, new BigDecimal(entry.nonce()));
            p.setString(5, entry.txHash());
            p.setString(6, entry.signedTx());
            p.setLong(7, entry.gasLimit());
            p.setDate(8, Date.valueOf(entry.chainDay()));
            p.setString(9, entry.status().name());
            if (entry.gasUsed() == null) {
                p.setNull(10, Types.BIGINT);
            } else {
                p.setLong(10, entry.gasUsed());
            }
            p.executeUpdate();
        }
    }

    public synchronized void recordOutcome(String action, JournalEntry.Status status, Long gasUsed) {
        try (PreparedStatement p = db.prepareStatement("UPDATE tx SET status = ?, gas_used = ? WHERE action = ?")) {
            p.setString(1, status.name());
            if (gasUsed == null) {
                p.setNull(2, Types.BIGINT);
            } else {
                p.setLong(2, gasUsed);
            }
            p.setString(3, action);
            if (p.executeUpdate() != 1) {
                throw new IllegalStateException("journal: no transaction recorded for " + action);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot update " + action + ": " + e.getMessage(), e);
        }
    }

    /** A fact worth keeping across restarts that the chain does not hold (e.g. the forecast vol at the last rebalance). */
    public record Memo(long epochSeconds, double amount) {}

    public synchronized void remember(String name, Memo memo) {
        transaction(() -> {
            try (PreparedStatement u = db.prepareStatement("UPDATE memo SET epoch = ?, amount = ? WHERE name = ?")) {
                u.setLong(1, memo.epochSeconds());
                u.setDouble(2, memo.amount());
                u.setString(3, name);
                if (u.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement i = db.prepareStatement("INSERT INTO memo (name, epoch, amount) VALUES (?, ?, ?)")) {
                i.setString(1, name);
                i.setLong(2, memo.epochSeconds());
                i.setDouble(3, memo.amount());
                i.executeUpdate();
            }
            return null;
        });
    }

    public synchronized Optional<Memo> recall(String name) {
        try (PreparedStatement p = db.prepareStatement("SELECT epoch, amount FROM memo WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new Memo(r.getLong(1), r.getDouble(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot recall " + name + ": " + e.getMessage(), e);
        }
    }

    /** Keeps the text a decision was made from under its hash (recorded on chain in KeeperLog). */
    public synchronized void rememberInputs(String inputsHash, String inputs) {
        // The hash names its content, so a row already there holds the same inputs: insert only when
        // absent (portable between H2 and PostgreSQL, unlike H2's MERGE ... KEY).
        transaction(() -> {
            try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM decision_inputs WHERE inputs_hash = ?")) {
                q.setString(1, inputsHash);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement i = db.prepareStatement(
                    "INSERT INTO decision_inputs (inputs_hash, inputs) VALUES (?, ?)")) {
                i.setString(1, inputsHash);
                i.setString(2, inputs);
                i.executeUpdate();
            }
            return null;
        });
    }

    /**
     * What a round's KeeperLog record (action {@code record:<vault>:round=N}) will say, written when
     * the roll that opens the round is about to go out, so that a keeper restarted before the record
     * was sent can still send it: the inputs (kept under their hash) and the decision. A later
     * attempt at the same roll replaces it. On a leased journal only the current leader may write
     * it, checked in the same transaction, as for {@link #recordSigned}.
     */
    public synchronized void rememberRoundRecord(String action, String inputsHash, String inputs, String decision) {
        rememberInputs(inputsHash, inputs);
        long nowMs = clock.getAsLong();
        boolean leased = fence != null || leased();
        Fence held = fence;
        transaction(() -> {
            if (leased) {
                requireCurrent(held, nowMs);
            }
            try (PreparedStatement u = db.prepareStatement("UPDATE round_record SET inputs_hash = ?, decision = ? WHERE action = ?")) {
                u.setString(1, inputsHash);
                u.setString(2, decision);
                u.setString(3, action);
                if (u.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement i = db.prepareStatement(
                    "INSERT INTO round_record (action, inputs_hash, decision) VALUES (?, ?, ?)")) {
                i.setString(1, action);
                i.setString(2, inputsHash);
                i.setString(3, decision);
                i.executeUpdate();
            }
            return null;
        });
    }

    /** A round's record as {@link #rememberRoundRecord} kept it: the inputs' hash and text, and the decision. */
    public record RoundRecord(String inputsHash, String inputs, String decision) {}

    public synchronized Optional<RoundRecord> roundRecord(String action) {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT r.inputs_hash, i.inputs, r.decision FROM round_record r"
                    + " JOIN decision_inputs i ON i.inputs_hash = r.inputs_hash WHERE r.action = ?")) {
            p.setString(1, action);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(new RoundRecord(r.getString(1), r.getString(2), r.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot read the round record " + action + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<String> inputs(String inputsHash) {
        try (PreparedStatement p = db.prepareStatement("SELECT inputs FROM decision_inputs WHERE inputs_hash = ?")) {
            p.setString(1, inputsHash);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot read the inputs " + inputsHash + ": " + e.getMessage(), e);
        }
    }

    /** Transactions signed but whose fate is not known yet, oldest first. */
    public synchronized List<JournalEntry> unresolved() {
        return query("SELECT * FROM tx WHERE status = 'SENT' ORDER BY seq");
    }

    /** Every journaled transaction, oldest first. */
    public synchronized List<JournalEntry> all() {
        return query("SELECT * FROM tx ORDER BY seq");
    }

    /** Gas charged to {@code day}'s budget so far. */
    public synchronized long gasCharged(LocalDate day) {
        return query("SELECT * FROM tx WHERE chain_day = ?", Date.valueOf(day)).stream()
            .mapToLong(JournalEntry::gasCharged).sum();
    }

    private List<JournalEntry> query(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    entries.add(new JournalEntry(
                        r.getString("action"),
                        r.getString("description"),
                        r.getString("sender"),
                        r.getBigDecimal("nonce").toBigIntegerExact(),
                        r.getString("tx_hash"),
                        r.getString("signed_tx"),
                        r.getLong("gas_limit"),
                        r.getDate("chain_day").toLocalDate(),
                        JournalEntry.Status.valueOf(r.getString("status")),
                        r.getObject("gas_used", Long.class)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("journal query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot close: " + e.getMessage(), e);
        }
    }
}
