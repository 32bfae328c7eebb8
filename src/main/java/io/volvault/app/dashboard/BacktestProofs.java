package io.volvault.app.dashboard;

import io.volvault.app.index.IndexedEvent;
import io.volvault.app.keeper.DecisionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keeper's per-round commitments in KeeperLog.sol for one vault (pure): only entries whose
 * sender is the vault's keeper count; anyone else's are counted and ignored.
 */
public final class BacktestProofs {

    /** A round's recorded hashes of the keeper's inputs (market data, configuration, code version) and decision. */
    public record Proof(long round, String inputsHash, String decisionHash, String keeper, String time, String tx,
                        BacktestReplay.Replay replay) {}

    /**
     * @param ignored     entries for this vault written by an address other than its keeper
     * @param codeVersion the code version this dashboard replays with ({@code CodeVersion}): a round whose
     *                    inputs carry another was decided by other code
     */
    public record Proofs(List<Proof> trusted, int ignored, String codeVersion) {
        public Proofs(List<Proof> trusted, int ignored) {
            this(trusted, ignored, DecisionRecord.codeVersion());
        }
    }

    private BacktestProofs() {}

    /** The proofs with each round replayed from the inputs {@code notes} kept, next to the vault's RoundOpened events. */
    public static Proofs replayed(Proofs proofs, KeeperNotes notes, List<IndexedEvent> vault, int sizeDecimals, int priceDecimals) {
        Map<Long, IndexedEvent> opened = new HashMap<>();
        for (IndexedEvent e : vault) {
            if (e.name().equals("RoundOpened")) {
                opened.put(e.uint("round").longValueExact(), e);
            }
        }
        List<Proof> out = new ArrayList<>();
        for (Proof p : proofs.trusted()) {
            out.add(new Proof(p.round(), p.inputsHash(), p.decisionHash(), p.keeper(), p.time(), p.tx(),
                BacktestReplay.of(p.inputsHash(), notes.decisionInputs(p.inputsHash()), opened.get(p.round()), sizeDecimals,
                    priceDecimals)));
        }
        return new Proofs(out, proofs.ignored());
    }

    /** From KeeperLog's events in chain order, for {@code vault} and its {@code keeper} (lower-case 0x). */
    public static Proofs of(List<IndexedEvent> keeperLog, String vault, String keeper) {
        List<Proof> trusted = new ArrayList<>();
        int ignored = 0;
        for (IndexedEvent e : keeperLog) {
            if (!e.name().equals("DecisionRecorded") || !e.field("vault").equals(vault)) {
                continue;
            }
            if (!e.field("keeper").equals(keeper)) {
                ignored++;
                continue;
            }
            trusted.add(new Proof(e.uint("round").longValueExact(), e.field("inputsHash"), e.field("decisionHash"),
                e.field("keeper"), Instant.ofEpochSecond(e.timestamp()).toString(), e.txHash(), null));
        }
        return new Proofs(trusted, ignored);
    }
}
