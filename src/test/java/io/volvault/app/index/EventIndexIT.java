package io.volvault.app.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.HardhatNode;
import io.volvault.app.dashboard.ExercisedDeployment;
import io.volvault.app.keeper.VaultKind;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index against a Hardhat node: built step by step it equals one built from scratch, it
 * survives reopening, and a reorganisation (Hardhat's evm_revert drops blocks) or an index of
 * another chain is detected and re-indexed rather than mixed in.
 */
class EventIndexIT {

    @TempDir
    Path dir;

    @Test
    void incrementalEqualsRebuiltAndReorganisationsAreUndone() throws Exception {
        ExercisedDeployment chain = ExercisedDeployment.deploy(dir);
        try (EventIndex incremental = EventIndex.open(dir.resolve("incremental"), chain.web3j, chain.deployment)) {
            incremental.catchUp();
            chain.fundAndRequestDeposits();
            assertEquals(2, incremental.catchUp().eventsAdded(), "Alice's two deposit requests");
            chain.rollAndSell();
            incremental.catchUp();
            chain.settleAndRollAgain();
            SyncReport last = incremental.catchUp();
            assertTrue(last.rollback().isEmpty());

            List<IndexedEvent> events = incremental.allEvents();
            List<String> callVaultKinds = incremental.events(chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address()).stream()
                .map(IndexedEvent::name).toList();
            assertEquals(List.of("DepositRequest", "RoundClosed", "RoundOpened", "RoundRisk", "OptionsSold", "DepositRequest",
                "RoundClosed", "RoundOpened", "RoundRisk", "Deposit", "RedeemRequest"), callVaultKinds);
            assertEquals(rebuilt(chain, "rebuilt-1"), events);

            // A reorganisation: blocks after the snapshot vanish and others take their numbers.
            String snapshot = chain.snapshot();
            chain.callVault(ExercisedDeployment.BOB).requestDeposit(BigInteger.valueOf(111), ExercisedDeployment.address(
                ExercisedDeployment.BOB), ExercisedDeployment.address(ExercisedDeployment.BOB)).send();
            incremental.catchUp();
            assertTrue(hasDepositOf(incremental.allEvents(), "111"));
            chain.revert(snapshot);
            chain.increaseTime(5);
            chain.callVault(ExercisedDeployment.BOB).requestDeposit(BigInteger.valueOf(222), ExercisedDeployment.address(
                ExercisedDeployment.BOB), ExercisedDeployment.address(ExercisedDeployment.BOB)).send();
            SyncReport afterReorg = incremental.catchUp();
            assertTrue(afterReorg.rollback().orElseThrow().startsWith("chain reorganised"), afterReorg.toString());
            List<IndexedEvent> reconciled = incremental.allEvents();
            assertFalse(hasDepositOf(reconciled, "111"));
            assertTrue(hasDepositOf(reconciled, "222"));
            assertEquals(rebuilt(chain, "rebuilt-2"), reconciled);
        }

        // Reopened, it continues from its last block and adds nothing twice.
        try (EventIndex reopened = EventIndex.open(dir.resolve("incremental"), chain.web3j, chain.deployment)) {
            SyncReport report = reopened.catchUp();
            assertTrue(report.rollback().isEmpty());
            assertEquals(0, report.eventsAdded());
            assertEquals(rebuilt(chain, "rebuilt-3"), reopened.allEvents());
        }

        // An index written for another chain (a restarted node has another genesis block) is rebuilt.
        try (EventStore store = EventStore.open(dir.resolve("incremental"))) {
            store.reset("chainId=31337 genesis=0xdead contracts=[]");
        }
        try (EventIndex stale = EventIndex.open(dir.resolve("incremental"), chain.web3j, chain.deployment)) {
            SyncReport report = stale.catchUp();
            assertTrue(report.rollback().orElseThrow().startsWith("index was of another chain or deployment"), report.toString());
            assertEquals(rebuilt(chain, "rebuilt-4"), stale.allEvents());
        } finally {
            chain.close();
        }
    }

    @Test
    void aRestartedNodeIsAnotherChainEvenAtTheSameAddresses() throws Exception {
        Path hardhat = Path.of(ExercisedDeployment.requiredProperty("volvault.root"), "hardhat");
        Path index = dir.resolve("index");
        String callVault;
        try (HardhatNode first = HardhatNode.start(hardhat, dir.resolve("first-node.log"), Optional.empty())) {
            ExercisedDeployment chain = ExercisedDeployment.deploy(Files.createDirectories(dir.resolve("first")), first.rpcUrl());
            callVault = chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address();
            chain.fundAndRequestDeposits();
            try (EventIndex events = EventIndex.open(index, chain.web3j, chain.deployment)) {
                events.catchUp();
                assertEquals(2, events.allEvents().stream().filter(e -> e.name().equals("DepositRequest")).count());
            } finally {
                chain.close();
            }
        }
        try (HardhatNode second = HardhatNode.start(hardhat, dir.resolve("second-node.log"), Optional.empty())) {
            ExercisedDeployment chain = ExercisedDeployment.deploy(Files.createDirectories(dir.resolve("second")), second.rpcUrl());
            // The same deployer nonces give the same addresses: only the chain itself tells the two apart.
            assertEquals(callVault, chain.deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address());
            try (EventIndex events = EventIndex.open(index, chain.web3j, chain.deployment)) {
                SyncReport report = events.catchUp();
                assertTrue(report.rollback().orElseThrow().startsWith("index was of another chain or deployment"), report.toString());
                assertTrue(events.allEvents().stream().noneMatch(e -> e.name().equals("DepositRequest")));
            } finally {
                chain.close();
            }
        }
    }

    private List<IndexedEvent> rebuilt(ExercisedDeployment chain, String name) throws Exception {
        try (EventIndex fresh = EventIndex.open(dir.resolve(name), chain.web3j, chain.deployment)) {
            fresh.catchUp();
            return fresh.allEvents();
        }
    }

    private static boolean hasDepositOf(List<IndexedEvent> events, String assets) {
        return events.stream().anyMatch(e -> e.name().equals("DepositRequest") && e.field("assets").equals(assets));
    }
}
