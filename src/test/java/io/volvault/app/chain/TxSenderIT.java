package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.TxSender.GasPolicy;
import io.volvault.app.chain.TxSender.Outcome;
import io.volvault.app.chain.TxSender.Result;
import io.volvault.app.chain.contracts.TestToken;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/**
 * The journaling sender against the Hardhat node scripts/test starts (-Dvolvault.rpc): a
 * transaction is sent once per decision, a call that would revert is never sent, the daily gas
 * budget holds, and a sender killed after journaling is finished by the next one.
 */
class TxSenderIT {

    private static final GasPolicy ROOMY = new GasPolicy(1_000_000, 50_000_000);
    private static Web3j web3j;
    private static long chainId;

    @BeforeAll
    static void connect() throws Exception {
        web3j = Web3j.build(new HttpService(System.getProperty("volvault.rpc")));
        chainId = web3j.ethChainId().send().getChainId().longValueExact();
    }

    @AfterAll
    static void disconnect() {
        web3j.shutdown();
    }

    /** A fresh token whose owner (the only minter) is {@code owner}. */
    private static TestToken token(Credentials owner) throws Exception {
        Credentials deployer = HardhatAccounts.account(0);
        return TestToken.deploy(web3j, new FastRawTransactionManager(web3j, deployer, chainId),
            new StaticEIP1559GasProvider(chainId, BigInteger.valueOf(100_000_000_000L), BigInteger.ONE.shiftLeft(30),
                BigInteger.valueOf(3_000_000)), "keeper test", "KT", BigInteger.valueOf(18), owner.getAddress()).send();
    }

    private static BigInteger nonce(Credentials c) throws Exception {
        return web3j.ethGetTransactionCount(c.getAddress(), DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }

    private static PlannedTx mint(TestToken token, String action, long amount) {
        return new PlannedTx(action, "mint " + amount, token.getContractAddress(),
            token.mint(HardhatAccounts.account(18).getAddress(), BigInteger.valueOf(amount)).encodeFunctionCall());
    }

    @Test
    void sendsEachDecisionOnceAndJournalsItsReceipt(@TempDir Path dir) throws Exception {
        Credentials keeper = HardhatAccounts.account(9);
        TestToken token = token(keeper);
        try (Journal journal = Journal.open(dir)) {
            TxSender sender = new TxSender(web3j, keeper, chainId, journal, ROOMY, TxSender.Listener.NONE);
            BigInteger before = nonce(keeper);
            Outcome first = sender.send(mint(token, "mint:1", 5));
            assertEquals(Result.CONFIRMED, first.result(), first.detail());
            Outcome again = sender.send(mint(token, "mint:1", 5));
            assertEquals(Result.ALREADY_SENT, again.result());
            assertEquals(before.add(BigInteger.ONE), nonce(keeper));
            assertEquals(BigInteger.valueOf(5), token.balanceOf(HardhatAccounts.account(18).getAddress()).send());
            TransactionReceipt receipt = web3j.ethGetTransactionReceipt(first.txHash()).send().getTransactionReceipt().orElseThrow();
            JournalEntry entry = journal.find("mint:1").orElseThrow();
            assertEquals(JournalEntry.Status.CONFIRMED, entry.status());
            assertEquals(receipt.getGasUsed().longValueExact(), entry.gasUsed());
            assertEquals(before, entry.nonce());
        }
    }

    @Test
    void neverSendsACallThatWouldRevert(@TempDir Path dir) throws Exception {
        Credentials keeper = HardhatAccounts.account(9);
        Credentials notOwner = HardhatAccounts.account(10);
        TestToken token = token(keeper);
        try (Journal journal = Journal.open(dir)) {
            TxSender sender = new TxSender(web3j, notOwner, chainId, journal, ROOMY, TxSender.Listener.NONE);
            BigInteger before = nonce(notOwner);
            Outcome outcome = sender.send(mint(token, "mint:not-owner", 5));
            assertEquals(Result.WOULD_REVERT, outcome.result());
            assertTrue(outcome.detail().contains("OwnableUnauthorizedAccount"), outcome.detail());
            assertEquals(before, nonce(notOwner));
            assertTrue(journal.all().isEmpty());
        }
    }

    @Test
    void refusesWhatWouldExceedTheDailyGasBudget(@TempDir Path dir) throws Exception {
        Credentials keeper = HardhatAccounts.account(11);
        TestToken token = token(keeper);
        try (Journal journal = Journal.open(dir)) {
            // A first mint to a fresh holder costs about 70k gas (limit 5/4 of that): one fits in 100k, two do not.
            TxSender sender = new TxSender(web3j, keeper, chainId, journal, new GasPolicy(100_000, 100_000), TxSender.Listener.NONE);
            assertEquals(Result.CONFIRMED, sender.send(mint(token, "mint:a", 1)).result());
            Outcome second = sender.send(mint(token, "mint:b", 1));
            assertEquals(Result.OVER_BUDGET, second.result());
            assertTrue(second.detail().contains("gas budget of"), second.detail());
            assertTrue(journal.find("mint:b").isEmpty());
        }
    }

    @Test
    void aSenderKilledAfterJournalingIsFinishedByTheNextOne(@TempDir Path dir) throws Exception {
        Credentials keeper = HardhatAccounts.account(12);
        TestToken token = token(keeper);
        BigInteger before = nonce(keeper);
        try (Journal journal = Journal.open(dir)) {
            TxSender dying = new TxSender(web3j, keeper, chainId, journal, ROOMY, new TxSender.Listener() {
                @Override
                public void journaled(JournalEntry entry) {
                    throw new IllegalStateException("killed after journaling " + entry.action());
                }
            });
            assertThrows(IllegalStateException.class, () -> dying.send(mint(token, "mint:crash", 7)));
        }
        assertEquals(before, nonce(keeper), "nothing was broadcast before the kill");
        try (Journal journal = Journal.open(dir)) {
            TxSender next = new TxSender(web3j, keeper, chainId, journal, ROOMY, TxSender.Listener.NONE);
            next.recover();
            assertEquals(JournalEntry.Status.CONFIRMED, journal.find("mint:crash").orElseThrow().status());
            assertEquals(Result.ALREADY_SENT, next.send(mint(token, "mint:crash", 7)).result());
        }
        assertEquals(before.add(BigInteger.ONE), nonce(keeper));
        assertEquals(BigInteger.valueOf(7), token.balanceOf(HardhatAccounts.account(18).getAddress()).send());
    }
}
