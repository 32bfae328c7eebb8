package io.volvault.app.chain;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The lease on the embedded H2 journal: two connections in one process share its file. */
class JournalLeaseTest extends JournalLeaseContract {

    @TempDir
    Path dir;

    @Override
    Journal connect() throws Exception {
        return Journal.open(dir);
    }
}
