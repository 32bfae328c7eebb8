package io.volvault.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code volvault demo --serve}: the dashboard over the demo's chain once the replay is done. */
public final class DemoDashboard {

    private DemoDashboard() {}

    /**
     * Serves the dashboard of the demo's deployment, with the keeper's reasons from its journal
     * (free once the replay has closed it), until Ctrl-C or SIGTERM; {@code started} gets the URL.
     */
    public static void serveUntilShutdown(String rpcUrl, Deployment deployment, Path indexDir, Path journalDir,
                                          double targetVol, Consumer<String> started)
            throws IOException, InterruptedException {
        try (Journal journal = Journal.open(journalDir)) {
            Dashboard.open(rpcUrl, deployment, indexDir, targetVol, KeeperNotes.of(journal))
                .serveUntilShutdown(0, started);
        }
    }

    /** The demo's JSON summary (an object the demo itself wrote) with {@code dashboard_url} added. */
    public static String withDashboardUrl(String summaryJson, String url) {
        try {
            ObjectNode summary = (ObjectNode) DashboardJson.MAPPER.readTree(summaryJson);
            summary.put("dashboard_url", url);
            return DashboardJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo summary is not a JSON object: " + e.getMessage(), e);
        }
    }
}
