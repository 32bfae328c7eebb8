package io.volvault.app.index;

import io.volvault.app.io.H2Files;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event index on disk (embedded H2): which chain it describes, the blocks it has seen (number,
 * hash, time) and the decoded events. Knows nothing about the chain itself: {@link EventIndexer}
 * decides what to add and what to roll back.
 */
final class EventStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Connection db;

    private EventStore(Connection db) {
        this.db = db;
    }

    static EventStore open(Path directory) throws IOException {
        Connection db = H2Files.open(directory, "events", "index", "event index", """
            CREATE TABLE IF NOT EXISTS chain_identity (
              id       INT PRIMARY KEY,
              identity VARCHAR(2000) NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS block (
              number BIGINT PRIMARY KEY,
              hash   VARCHAR(66) NOT NULL,
              ts     BIGINT NOT NULL)""", """
            CREATE TABLE IF NOT EXISTS event (
              block_number BIGINT NOT NULL,
              log_index    INT NOT NULL,
              tx_hash      VARCHAR(66) NOT NULL,
              contract     VARCHAR(42) NOT NULL,
              name         VARCHAR(64) NOT NULL,
              fields       CLOB NOT NULL,
              PRIMARY KEY (block_number, log_index))""",
            "CREATE INDEX IF NOT EXISTS event_by_contract ON event (contract, name)");
        try {
            db.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IOException("cannot open the event index in " + directory + ": " + e.getMessage(), e);
        }
        return new EventStore(db);
    }

    Optional<String> identity() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT identity FROM chain_identity")) {
            return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
        }
    }

    /** Forgets everything and records which chain (and contracts) the index now describes. */
    void reset(String identity) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DELETE FROM event");
            s.execute("DELETE FROM block");
            s.execute("DELETE FROM chain_identity");
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO chain_identity (id, identity) VALUES (1, ?)")) {
            p.setString(1, identity);
            p.executeUpdate();
        }
        db.commit();
    }

    /** The newest block indexed, if any. */
    Optional<IndexedBlock> tip() throws SQLException {
        List<IndexedBlock> newest = blocks("SELECT * FROM block ORDER BY number DESC LIMIT 1");
        return newest.stream().findFirst();
    }

    /** Every block the index has seen, newest first: the candidates when looking for a fork point. */
    List<IndexedBlock> blocksNewestFirst() throws SQLException {
        return blocks("SELECT * FROM block ORDER BY number DESC");
    }

    /** Drops the blocks and events after {@code number} (the chain replaced them). */
    void truncateAfter(long number) throws SQLException {
        try (PreparedStatement e = db.prepareStatement("DELETE FROM event WHERE block_number > ?");
             PreparedStatement b = db.prepareStatement("DELETE FROM block WHERE number > ?")) {
            e.setLong(1, number);
            e.executeUpdate();
            b.setLong(1, number);
            b.executeUpdate();
        }
        db.commit();
    }

    /** Adds one batch of blocks and their events atomically. */
    void append(List<IndexedBlock> blocks, List<IndexedEvent> events) throws SQLException {
        try (PreparedStatement b = db.prepareStatement("MERGE INTO block (number, hash, ts) KEY (number) VALUES (?, ?, ?)");
             PreparedStatement e = db.prepareStatement(
                 "INSERT INTO event (block_number, log_index, tx_hash, contract, name, fields) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (IndexedBlock block : blocks) {
                b.setLong(1, block.number());
                b.setString(2, block.hash());
                b.setLong(3, block.timestamp());
                b.addBatch();
            }
            b.executeBatch();
            for (IndexedEvent event : events) {
                e.setLong(1, event.block());
                e.setInt(2, event.logIndex());
                e.setString(3, event.txHash());
                e.setString(4, event.contract());
                e.setString(5, event.name());
                e.setString(6, JSON.writeValueAsString(event.fields()));
                e.addBatch();
            }
            e.executeBatch();
            db.commit();
        } catch (SQLException | JsonProcessingException failure) {
            db.rollback();
            throw failure instanceof SQLException sql ? sql : new SQLException("cannot encode event fields", failure);
        }
    }

    /** The events of {@code contract} (lower-case address) in chain order, all kinds. */
    List<IndexedEvent> events(String contract) throws SQLException {
        return query("WHERE e.contract = ?", contract);
    }

    /** Every event in chain order. */
    List<IndexedEvent> allEvents() throws SQLException {
        return query("");
    }

    private List<IndexedEvent> query(String where, Object... args) throws SQLException {
        String sql = "SELECT e.*, b.ts FROM event e JOIN block b ON b.number = e.block_number " + where
            + " ORDER BY e.block_number, e.log_index";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            List<IndexedEvent> events = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    events.add(new IndexedEvent(r.getLong("block_number"), r.getInt("log_index"), r.getString("tx_hash"),
                        r.getLong("ts"), r.getString("contract"), r.getString("name"),
                        JSON.readValue(r.getString("fields"), FIELDS)));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("corrupt event fields in the index: " + e.getMessage(), e);
            }
            return events;
        }
    }

    private List<IndexedBlock> blocks(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<IndexedBlock> blocks = new ArrayList<>();
            while (r.next()) {
                blocks.add(new IndexedBlock(r.getLong("number"), r.getString("hash"), r.getLong("ts")));
            }
            return blocks;
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
