package io.volvault.app.index;

import java.util.Optional;

/**
 * What one catch-up pass did.
 *
 * @param fromBlock   first block read in this pass
 * @param toBlock     the chain head it reached (the index's tip afterwards)
 * @param eventsAdded events stored in this pass
 * @param rollback    why stored history was dropped first (another chain, a restarted node, a reorganisation)
 */
public record SyncReport(long fromBlock, long toBlock, int eventsAdded, Optional<String> rollback) {}
