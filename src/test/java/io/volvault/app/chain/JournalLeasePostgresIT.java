package io.volvault.app.chain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;

/** The lease on the shared PostgreSQL journal ({@code -Dvolvault.pg=JDBC-URL}, started by scripts/test). */
class JournalLeasePostgresIT extends JournalLeaseContract {

    static String url() {
        String url = System.getProperty("volvault.pg");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("system property volvault.pg is not set: run through scripts/test");
        }
        return url;
    }

    @BeforeEach
    void empty() throws Exception {
        try (Journal schema = Journal.connect(url()); Connection db = DriverManager.getConnection(url());
             Statement s = db.createStatement()) {
            s.execute("DELETE FROM tx");
            s.execute("DELETE FROM memo");
            s.execute("DELETE FROM lease");
            s.execute("DELETE FROM round_record");
            s.execute("DELETE FROM decision_inputs");
        }
    }

    @Override
    Journal connect() throws Exception {
        return Journal.connect(url());
    }
}
