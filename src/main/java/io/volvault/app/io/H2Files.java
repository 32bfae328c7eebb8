package io.volvault.app.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded H2 databases the application keeps on disk (the keeper's journal, the event index). */
public final class H2Files {

    private H2Files() {}

    /**
     * Opens, creating if needed, the database {@code name} in {@code directory} as {@code user} (H2
     * ties a file to the user that created it) and runs the idempotent {@code schema} statements.
     * {@code what} names the database in errors.
     */
    public static Connection open(Path directory, String name, String user, String what, String... schema)
            throws IOException {
        Files.createDirectories(directory);
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + ";AUTO_SERVER=FALSE";
        try {
            Connection db = DriverManager.getConnection(url, user, "");
            try (Statement s = db.createStatement()) {
                for (String statement : schema) {
                    s.execute(statement);
                }
            }
            return db;
        } catch (SQLException e) {
            throw new IOException("cannot open the " + what + " in " + directory + ": " + e.getMessage(), e);
        }
    }
}
