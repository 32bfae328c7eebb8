package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.contracts.Options;
import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.keeper.Keeper;
import io.volvault.strategy.StrategyConfig;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A keeper killed between journaling and broadcasting, and another killed between broadcasting
 * and seeing the receipt; a fresh keeper on the same journal and chain finishes their work and
 * neither rolls twice nor trades twice. Runs on a Hardhat node of its own (chain time must start in
 * the replayed past).
 */
class KeeperRestartIT {

    /** Stands for the process dying at that instant: nothing after it runs. */
    private static final class Killed extends RuntimeException {
        Killed(String where) {
            super("keeper killed " + where);
        }
    }

    @Test
    void aKilledKeeperRestartedOnTheSameJournalNeitherRollsNorTradesTwice(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        DemoRun.Options options = new DemoRun.Options("BTC", false, 12, null, root, work);
        // A 20% target: at 40% BTC's low vol of July 2025 is out of reach, and the covered-call vault
        // would hold all its base and write no call (README "Strategy and backtesting", sizing). No
        // puts: at 20% the put vault would keep cash for one on its first bar.
        StrategyConfig defaults = StrategyConfig.defaults();
        StrategyConfig config = defaults.withSizing(defaults.sizing().withTargetVol(0.2))
            .withOptions(defaults.options().with(true, false, defaults.options().callFraction(), 0));
        try (DemoRun run = DemoRun.start(options, config)) {
            ReplayHistory history = run.history();
            for (int i = 1; i <= history.firstTraded(); i++) {
                run.advance(i);
            }
            run.depositors().act(0);
            Path journalDir = work.resolve("journal");

            // 1st keeper: the covered-call vault closes its bootstrap round and rolls; the keeper
            // dies right after broadcasting the roll, before it sees the receipt.
            try (Journal journal = Journal.open(journalDir)) {
                Keeper keeper = run.keeper(journal, killAt(false, "roll:"));
                keeper.recover();
                assertThrows(Killed.class, keeper::tick);
            }
            // 2nd keeper: settles that roll from its receipt, does not roll again, and dies right
            // after journaling the put vault's first swap, before broadcasting it.
            try (Journal journal = Journal.open(journalDir)) {
                Keeper keeper = run.keeper(journal, killAt(true, "rebalance:"));
                keeper.recover();
                assertThrows(Killed.class, keeper::tick);
            }
            // 3rd keeper: broadcasts the journaled swap, then ticks twice more on the same bar.
            try (Journal journal = Journal.open(journalDir)) {
                Keeper keeper = run.keeper(journal, TxSender.Listener.NONE);
                keeper.recover();
                keeper.tick();
                keeper.tick();

                List<JournalEntry> entries = journal.all();
                assertTrue(entries.stream().allMatch(e -> e.status() == JournalEntry.Status.CONFIRMED),
                    "every journaled transaction ends confirmed: " + entries);
                Map<String, Long> perAction = entries.stream()
                    .collect(Collectors.groupingBy(e -> e.action().replaceAll(":at=.*|:round=.*", ""), Collectors.counting()));
                // Each vault closed its bootstrap round once; the covered-call vault rolled once
                // (the put vault spends its first bar buying spot: it writes no put here).
                String call = run.deployment().markets().get(0).vault(VaultKind.COVERED_CALL).address();
                String put = run.deployment().markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address();
                assertEquals(1L, perAction.get("close:" + call));
                assertEquals(1L, perAction.get("roll:" + call));
                assertEquals(1L, perAction.get("close:" + put));
                long firstBar = history.time(history.firstTraded());
                assertEquals(JournalEntry.Status.CONFIRMED,
                    journal.find("rebalance:" + put + ":at=" + firstBar).orElseThrow().status());
                assertTheChainAgrees(run, entries);
            }
        }
    }

    /**
     * The chain agrees with the journal: one option series exists, and the keeper's account sent
     * exactly the journaled transactions, nonces 0..n-1, none twice.
     */
    static void assertTheChainAgrees(DemoRun run, List<JournalEntry> entries) throws Exception {
        Options market = Options.load(run.deployment().markets().get(0).options(), run.web3j(),
            new ReadonlyTransactionManager(run.web3j(), run.deployment().markets().get(0).vault(VaultKind.COVERED_CALL).address()), new DefaultGasProvider());
        assertEquals(BigInteger.ONE, market.seriesCount().send());
        BigInteger nonce = run.web3j().ethGetTransactionCount(HardhatAccounts.account(1).getAddress(),
            DefaultBlockParameterName.LATEST).send().getTransactionCount();
        assertEquals(BigInteger.valueOf(entries.size()), nonce);
        Map<BigInteger, Long> nonces = entries.stream()
            .collect(Collectors.groupingBy(JournalEntry::nonce, Collectors.counting()));
        assertEquals(entries.size(), nonces.size(), "no nonce used twice");
    }

    @Test
    void aStaleOracleOrFailedMarketDataMeansNoTradeAndSaysWhy(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        try (DemoRun run = DemoRun.start(new DemoRun.Options("BTC", false, 12, null, root, work), StrategyConfig.defaults())) {
            for (int i = 1; i <= run.history().firstTraded(); i++) {
                run.advance(i);
            }
            run.depositors().act(0);
            try (Journal journal = Journal.open(work.resolve("journal"))) {
                // The depositors' transactions mined after the price: the answer is seconds old, over a 1 s limit.
                Keeper strict = run.keeper(journal, TxSender.Listener.NONE, new Keeper.Settings(1, 100, 3_600, false),
                    ImpliedVolSource.realizedProxy(1.15));
                for (Keeper.VaultTick tick : strict.tick()) {
                    assertTrue(tick.skipped().matches("oracle answer is \\d+ s old \\(limit 1 s\\): no trade"), tick.skipped());
                }
                Keeper blind = run.keeper(journal, TxSender.Listener.NONE, new Keeper.Settings(172_800, 100, 3_600, false),
                    new ImpliedVolSource() {
                        @Override
                        public double impliedVol(long decisionTime, double realizedVol) throws IOException {
                            throw new IOException("connection refused");
                        }

                        @Override
                        public String describe() {
                            return "a feed that is down";
                        }
                    });
                for (Keeper.VaultTick tick : blind.tick()) {
                    assertEquals("market data failed (connection refused): no trade", tick.skipped());
                }
                // Only the bootstrap closes (no decision needed) went out: no swap, no roll.
                assertTrue(journal.all().stream().allMatch(e -> e.action().startsWith("close:")), journal.all().toString());
            }
        }
    }

    /** Kills the keeper when a transaction whose action starts with {@code prefix} is journaled (or broadcast). */
    private static TxSender.Listener killAt(boolean afterJournal, String prefix) {
        return new TxSender.Listener() {
            @Override
            public void journaled(JournalEntry entry) {
                if (afterJournal && entry.action().startsWith(prefix)) {
                    throw new Killed("after journaling " + entry.action());
                }
            }

            @Override
            public void broadcast(JournalEntry entry) {
                if (!afterJournal && entry.action().startsWith(prefix)) {
                    throw new Killed("after broadcasting " + entry.action());
                }
            }
        };
    }
}
