package io.volvault.app.chain;

import io.volvault.app.io.H2Files;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keeper's local memory, an embedded H2 database: every transaction it signed, before it was
 * broadcast, and what became of it. Together with the chain this is enough for a restarted keeper
 * to neither repeat nor lose a transaction.
 */
public final class Journal implements AutoCloseable {

    private final Connection db;

    private Journal(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the journal stored in {@code directory}. */
    public static Journal open(Path directory) throws IOException {
        return new Journal(H2Files.open(directory, "journal", "keeper", "keeper journal", """
            CREATE TABLE IF NOT EXISTS tx (
              action      VARCHAR(300) PRIMARY KEY,
              description VARCHAR(1000) NOT NULL,
              sender      VARCHAR(42) NOT NULL,
              nonce       DECIMAL(40) NOT NULL,
              tx_hash     VARCHAR(66) NOT NULL,
              signed_tx   CLOB NOT NULL,
              gas_limit   BIGINT NOT NULL,
              chain_day   DATE NOT NULL,
              status      VARCHAR(10) NOT NULL,
              gas_used    BIGINT,
              seq         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE)""", """
            CREATE TABLE IF NOT EXISTS memo (
              name    VARCHAR(300) PRIMARY KEY,
              epoch   BIGINT NOT NULL,
              amount  DOUBLE PRECISION NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS decision_inputs (
              inputs_hash VARCHAR(66) PRIMARY KEY,
              inputs      CLOB NOT NULL)"""));
    }

    public synchronized Optional<JournalEntry> find(String action) {
        return query("SELECT * FROM tx WHERE action = ?", action).stream().findFirst();
    }

    /** Writes a signed transaction down; fails if the action was already journaled. */
    public synchronized void recordSigned(JournalEntry entry) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot record " + entry.action() + ": " + e.getMessage(), e);
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
        try (PreparedStatement p = db.prepareStatement("MERGE INTO memo (name, epoch, amount) KEY (name) VALUES (?, ?, ?)")) {
            p.setString(1, name);
            p.setLong(2, memo.epochSeconds());
            p.setDouble(3, memo.amount());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot remember " + name + ": " + e.getMessage(), e);
        }
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
        try (PreparedStatement p = db.prepareStatement(
                "MERGE INTO decision_inputs (inputs_hash, inputs) KEY (inputs_hash) VALUES (?, ?)")) {
            p.setString(1, inputsHash);
            p.setString(2, inputs);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("journal: cannot keep the inputs " + inputsHash + ": " + e.getMessage(), e);
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
