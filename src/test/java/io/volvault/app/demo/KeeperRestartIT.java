package io.volvault.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.Journal;
import io.volvault.app.chain.JournalEntry;
import io.volvault.app.chain.TxSender;
import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.Options;
import io.volvault.app.index.EventIndex;
import io.volvault.app.index.IndexedEvent;
import io.volvault.app.keeper.DecisionRecord;
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
import org.web3j.utils.Numeric;

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
     * The keeper stops after the roll went out and before its KeeperLog record (the record is journaled
     * only after the roll's receipt, so nothing of it is signed yet). Two keepers restarted on the same
     * journal, ticking in turn, find the live round unrecorded and record it once, from the inputs and
     * decision journaled at roll time.
     */
    @Test
    void aRoundRolledButNotRecordedBeforeARestartIsRecordedOnceAfterIt(@TempDir Path work) throws Exception {
        Path root = Path.of(System.getProperty("volvault.root"));
        StrategyConfig defaults = StrategyConfig.defaults();
        StrategyConfig config = defaults.withSizing(defaults.sizing().withTargetVol(0.2))
            .withOptions(defaults.options().with(true, false, defaults.options().callFraction(), 0));
        try (DemoRun run = DemoRun.start(new DemoRun.Options("BTC", false, 12, null, root, work), config)) {
            for (int i = 1; i <= run.history().firstTraded(); i++) {
                run.advance(i);
            }
            run.depositors().act(0);
            Path journalDir = work.resolve("journal");
            String call = run.deployment().markets().get(0).vault(VaultKind.COVERED_CALL).address();
            String keeperAddress = HardhatAccounts.account(1).getAddress();
            KeeperLog keeperLog = KeeperLog.load(run.deployment().keeperLog(), run.web3j(),
                new ReadonlyTransactionManager(run.web3j(), keeperAddress), new DefaultGasProvider());
            // The bootstrap close makes round 2 current; the roll closes it and opens round 3.
            String recordKey = "record:" + call + ":round=3";

            try (Journal journal = Journal.open(journalDir)) {
                Keeper keeper = run.keeper(journal, killAt(false, "roll:"));
                keeper.recover();
                assertThrows(Killed.class, keeper::tick);
                assertTrue(journal.find(recordKey).isEmpty(), "the keeper died before signing the record");
            }
            OptionVault vault = OptionVault.load(call, run.web3j(), new ReadonlyTransactionManager(run.web3j(), keeperAddress),
                new DefaultGasProvider());
            assertEquals(BigInteger.valueOf(3), vault.currentRound().send(), "the roll went out");
            assertTrue(vault.liveRound().send().seriesId.signum() > 0, "round 3 has its option series");
            assertEquals(Numeric.toHexString(new byte[32]),
                Numeric.toHexString(keeperLog.inputsHashOf(keeperAddress, call, BigInteger.valueOf(3)).send()), "and no record");

            try (Journal a = Journal.open(journalDir); Journal b = Journal.open(journalDir)) {
                Journal.RoundRecord kept = a.roundRecord(recordKey).orElseThrow();
                Keeper first = run.keeper(a, TxSender.Listener.NONE);
                Keeper second = run.keeper(b, TxSender.Listener.NONE);
                first.recover();
                second.recover();
                second.tick();
                first.tick();
                second.tick();

                List<IndexedEvent> records;
                try (EventIndex index = EventIndex.open(work.resolve("index"), run.web3j(), run.deployment())) {
                    index.catchUp();
                    records = index.events(run.deployment().keeperLog());
                }
                assertEquals(1, records.size(), "one record, not two: " + records);
                IndexedEvent record = records.get(0);
                assertEquals(call.toLowerCase(), record.field("vault"));
                assertEquals("3", record.field("round"));
                assertEquals(keeperAddress.toLowerCase(), record.field("keeper"));
                // what was journaled when the roll went out: the inputs under their keccak, and the decision
                assertEquals(kept.inputsHash(), record.field("inputsHash"));
                assertEquals(Numeric.toHexString(DecisionRecord.keccak(kept.inputs())), record.field("inputsHash"));
                assertEquals(Numeric.toHexString(DecisionRecord.keccak(kept.decision())), record.field("decisionHash"));
                assertTrue(kept.decision().startsWith("Write["), kept.decision());
                assertEquals(1L, a.all().stream().filter(e -> e.action().equals(recordKey)).count());
                assertEquals(JournalEntry.Status.CONFIRMED, a.find(recordKey).orElseThrow().status());
                assertTheChainAgrees(run, a.all());
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
