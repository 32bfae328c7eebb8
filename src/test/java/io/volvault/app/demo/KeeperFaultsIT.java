package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.FaultProxy;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.RetryingRpc;
import io.volvault.app.chain.TxSender;
import io.volvault.app.keeper.ChainReader;
import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.Keepers;
import io.volvault.app.keeper.VaultSnapshot;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.strategy.StrategyConfig;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * A demo replay with the keeper behind {@link FaultProxy}: drops, delays, HTTP 5xx, "nonce too low",
 * "replacement transaction underpriced", reverted gas estimates and reorgs, seeded. It ends with no
 * double action (one journal row per decision, every confirmed row one nonce, the chain's nonce the
 * journal's count), no round left unrolled past its grace period (one bar), and every skipped action
 * reported with a reason. Its figures go to {@code target/keeper-faults.txt} (quoted in the README).
 */
class KeeperFaultsIT {

    /** Size of the run: scripts/test runs the default; -Dvolvault.faults.days=N for a longer one. */
    private static final int DAYS = Integer.getInteger("volvault.faults.days", 40);
    private static final long SEED = Long.getLong("volvault.faults.seed", 20261130L);
    private static final double RATE = 0.3;
    private static final int TICKS_PER_BAR = 3;

    @Test
    void aReplayThroughInjectedFaultsDoesNothingTwiceAndLeavesNoRoundUnrolled(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        try (DemoRun run = DemoRun.start(new DemoRun.Options("BTC", false, DAYS, null, root, work), StrategyConfig.defaults());
             FaultProxy proxy = new FaultProxy(run.rpcUrl(), SEED, RATE);
             Journal journal = Journal.open(work.resolve("journal"))) {
            ReplayHistory history = run.history();
            Web3j faulty = RetryingRpc.connect(proxy.url());
            Keeper keeper = Keepers.create(faulty, HardhatAccounts.CHAIN_ID, run.deployment(), HardhatAccounts.account(1),
                journal, market -> ImpliedVolSource.dvol(DeribitClient.builder(run.marketDataUrl()).build(), "BTC"), run.config(),
                new Keeper.Settings(2 * history.barSeconds(), 100, Math.min(3_600, history.barSeconds() / 6), false),
                new TxSender.GasPolicy(2_000_000, 20_000_000), TxSender.Listener.NONE, line -> { });
            List<String[]> skips = new ArrayList<>();
            Map<String, Integer> actions = new TreeMap<>();
            keeper.observe(new Keeper.Events() {
                @Override
                public void acted(String vault, PlannedTx tx, TxSender.Outcome outcome) {
                    actions.merge(tx.action().substring(0, tx.action().indexOf(':')) + " " + outcome.result(), 1, Integer::sum);
                    if (!outcome.succeeded()) { // not done this tick: a skipped action, the sender's result its reason
                        skips.add(new String[] {outcome.result().name().toLowerCase().replace('_', '-'), outcome.detail()});
                    }
                }

                @Override
                public void skipped(String vault, String reason, String detail) {
                    skips.add(new String[] {reason, detail});
                }
            });
            ChainReader truth = new ChainReader(run.web3j(), run.deployment().markets().get(0), run.deployment().gasToken(),
                run.deployment().roles().keeper());
            int failedTicks = 0;
            String firstFailure = "none";
            int lateBars = 0;
            int expiredSeen = 0;
            Map<String, Integer> expiredFor = new TreeMap<>();
            Depositors depositors = run.depositors();
            for (int i = 1; i < history.size(); i++) {
                run.advance(i);
                if (i < history.firstTraded()) {
                    continue;
                }
                depositors.act(i - history.firstTraded());
                for (int t = 0; t < TICKS_PER_BAR; t++) {
                    try {
                        keeper.tick();
                    } catch (IOException e) {
                        if (failedTicks++ == 0) {
                            firstFailure = e.toString();
                        }
                        // retried by the next tick, as the service does
                    }
                }
                // Grace period: a series that expired by this bar is closed and rolled by the next one.
                for (String vault : List.of(run.deployment().markets().get(0).vault(VaultKind.COVERED_CALL).address(), run.deployment().markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address())) {
                    VaultSnapshot s = truth.snapshot(truth.vault(vault));
                    if (s.roundExpired()) {
                        expiredSeen++;
                        int bars = expiredFor.merge(vault, 1, Integer::sum);
                        if (bars > 1) {
                            lateBars++;
                        }
                    } else {
                        expiredFor.remove(vault);
                    }
                }
            }

            List<JournalEntry> entries = journal.all();
            String figures = String.format("seed %d, rate %.2f, %d bars (%d traded), %d ticks (%d cut short by an RPC error, the first: %s)%n"
                    + "requests %d, faults %d: %s%nactions: %s%nskipped: %s%njournal: %d rows, %s%n"
                    + "late rounds (expired over one bar): %d; expired series seen at a bar's end: %d%n",
                SEED, RATE, history.size(), history.tradedBars(), history.tradedBars() * TICKS_PER_BAR, failedTicks, firstFailure,
                proxy.requests(), proxy.total(), proxy.injected(), actions,
                skips.stream().collect(Collectors.groupingBy(s -> s[0], TreeMap::new, Collectors.counting())),
                entries.size(), entries.stream().collect(Collectors.groupingBy(e -> e.status().name(), TreeMap::new, Collectors.counting())),
                lateBars, expiredSeen);
            Files.writeString(Path.of(System.getProperty("volvault.root"), "src", "target", "keeper-faults.txt"), figures);
            System.out.print(figures);

            assertTrue(proxy.total() >= 1_000, "at least 1,000 faults injected: " + proxy.injected());
            for (FaultProxy.Fault kind : FaultProxy.Fault.values()) {
                assertTrue(proxy.injected().getOrDefault(kind, 0) > 0, "every kind of fault occurred: " + proxy.injected());
            }
            assertEquals(0, lateBars, figures);
            // No double action: every decision journaled once (its key is the primary key), each
            // confirmed row has its own nonce, and the keeper's account sent exactly those.
            Map<BigInteger, Long> nonces = entries.stream().filter(e -> e.status() == JournalEntry.Status.CONFIRMED)
                .collect(Collectors.groupingBy(JournalEntry::nonce, Collectors.counting()));
            assertTrue(nonces.values().stream().allMatch(n -> n == 1), "no nonce confirmed twice: " + nonces);
            BigInteger sent = run.web3j().ethGetTransactionCount(HardhatAccounts.account(1).getAddress(),
                DefaultBlockParameterName.LATEST).send().getTransactionCount();
            long confirmedOrReverted = entries.stream()
                .filter(e -> e.status() == JournalEntry.Status.CONFIRMED || e.status() == JournalEntry.Status.REVERTED).count();
            assertEquals(BigInteger.valueOf(confirmedOrReverted), sent, "the chain saw exactly the journaled transactions: " + entries);
            assertFalse(entries.stream().anyMatch(e -> e.status() == JournalEntry.Status.SENT), "nothing left unsettled");
            assertTrue(entries.stream().filter(e -> e.action().startsWith("roll:")).count() >= 2, "rounds were rolled: " + entries);
            // Every skipped action carries a reason code and says why.
            for (String[] skip : skips) {
                assertTrue(skip[0].matches("[a-z-]+") && !skip[1].isBlank(), String.join(": ", skip));
            }
        }
    }
}
