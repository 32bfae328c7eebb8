package io.volvault.app.chain;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.JournalEntry.Status;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends the keeper's transactions so that a crash at any point repeats none and loses none: each
 * is simulated first (a call that would revert is not sent), charged against a per-day gas budget,
 * signed, written to the {@link Journal} with its signed bytes, and only then broadcast. A keeper
 * restarted on the same journal calls {@link #recover()}, which finishes what the last one left.
 */
public final class TxSender {

    /**
     * @param maxGasPerTx    hard gas limit of any one transaction
     * @param dailyGasBudget gas the keeper may spend per UTC day of chain time
     */
    public record GasPolicy(long maxGasPerTx, long dailyGasBudget) {
        public GasPolicy {
            if (maxGasPerTx <= 0 || dailyGasBudget < maxGasPerTx) {
                throw new UserInputException("gas policy needs 0 < max gas per tx (" + maxGasPerTx
                    + ") <= daily gas budget (" + dailyGasBudget + ")");
            }
        }
    }

    public enum Result { CONFIRMED, REVERTED, ALREADY_SENT, WOULD_REVERT, OVER_BUDGET, DROPPED }

    public record Outcome(Result result, String txHash, String detail) {
        public boolean succeeded() {
            return result == Result.CONFIRMED;
        }
    }

    /** Observes the two moments between which a crash is most interesting. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void journaled(JournalEntry entry) {}

        default void broadcast(JournalEntry entry) {}
    }

    private static final Logger log = LoggerFactory.getLogger(TxSender.class);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final long RECEIPT_TIMEOUT_MS = 60_000;
    private static final long RECEIPT_POLL_MS = 20;
    /** How often a missing receipt makes it look whether the node still knows the transaction. */
    private static final long RECHECK_MS = 1_000;

    private final Web3j web3j;
    private final Credentials credentials;
    private final long chainId;
    private final Journal journal;
    private final GasPolicy gas;
    private final Listener listener;

    public TxSender(Web3j web3j, Credentials credentials, long chainId, Journal journal, GasPolicy gas, Listener listener) {
        this.web3j = web3j;
        this.credentials = credentials;
        this.chainId = chainId;
        this.journal = journal;
        this.gas = gas;
        this.listener = listener;
    }

    public String address() {
        return credentials.getAddress();
    }

    /** Settles every journaled transaction whose fate is unknown; call once before sending. */
    public void recover() throws IOException {
        for (JournalEntry entry : journal.unresolved()) {
            log.info("recovering {} ({}): tx {}", entry.action(), entry.description(), entry.txHash());
            settle(entry);
        }
    }

    public Outcome send(PlannedTx tx) throws IOException {
        // A transaction left unsettled by an earlier failure (a lost connection, a receipt that never
        // came) holds a nonce: settle it first, so that the next nonce is never one already signed.
        recover();
        Optional<JournalEntry> earlier = journal.find(tx.action());
        if (earlier.isPresent()) {
            return new Outcome(Result.ALREADY_SENT, earlier.get().txHash(), "already journaled as " + earlier.get().status());
        }
        EthEstimateGas estimate = web3j.ethEstimateGas(
            Transaction.createEthCallTransaction(address(), tx.to(), tx.data())).send();
        if (estimate.hasError()) {
            return new Outcome(Result.WOULD_REVERT, null, estimate.getError().getMessage());
        }
        long gasLimit = estimate.getAmountUsed().longValueExact() * 5 / 4;
        if (gasLimit > gas.maxGasPerTx()) {
            return new Outcome(Result.OVER_BUDGET, null,
                "needs gas limit " + gasLimit + " > max gas per tx " + gas.maxGasPerTx());
        }
        EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
        LocalDate chainDay = Instant.ofEpochSecond(head.getTimestamp().longValueExact()).atZone(ZoneOffset.UTC).toLocalDate();
        long charged = journal.gasCharged(chainDay);
        if (charged + gasLimit > gas.dailyGasBudget()) {
            return new Outcome(Result.OVER_BUDGET, null, "gas budget of " + chainDay + " is " + gas.dailyGasBudget()
                + ", " + charged + " spent, this needs " + gasLimit);
        }
        BigInteger nonce = web3j.ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING).send().getTransactionCount();
        BigInteger maxFee = head.getBaseFeePerGas().shiftLeft(1).add(PRIORITY_FEE);
        RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, BigInteger.valueOf(gasLimit),
            tx.to(), BigInteger.ZERO, tx.data(), PRIORITY_FEE, maxFee);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, credentials));
        JournalEntry entry = new JournalEntry(tx.action(), tx.description(), address(), nonce, Hash.sha3(signed),
            signed, gasLimit, chainDay, Status.SENT, null);
        journal.recordSigned(entry);
        listener.journaled(entry);
        broadcast(entry);
        listener.broadcast(entry);
        return settle(entry);
    }

    private void broadcast(JournalEntry entry) throws IOException {
        journal.checkFence();
        EthSendTransaction sent = web3j.ethSendRawTransaction(entry.signedTx()).send();
        if (sent.hasError()) {
            // A revert or a duplicate is decided by the receipt in settle(); only log here.
            log.debug("broadcast of {} answered: {}", entry.action(), sent.getError().getMessage());
        }
    }

    /**
     * Waits for the receipt of a journaled transaction. While none comes, it checks every second
     * whether the node still knows the transaction (a broadcast answered with an error, or lost, or a
     * reorg that took its block back) and, if not, broadcasts the same signed bytes again; once its
     * nonce is used and still no receipt of its own exists, another transaction took the nonce.
     */
    private Outcome settle(JournalEntry entry) throws IOException {
        long deadline = System.currentTimeMillis() + RECEIPT_TIMEOUT_MS;
        long nextCheck = 0;
        Optional<TransactionReceipt> receipt = receipt(entry.txHash());
        while (receipt.isEmpty()) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                throw new IOException("transaction " + entry.txHash() + " (" + entry.action() + ") not mined within "
                    + RECEIPT_TIMEOUT_MS / 1000 + " s; it stays journaled and is settled before the next send");
            }
            if (now >= nextCheck) {
                nextCheck = now + RECHECK_MS;
                if (web3j.ethGetTransactionByHash(entry.txHash()).send().getTransaction().isEmpty()) {
                    BigInteger mined = web3j.ethGetTransactionCount(entry.sender(), DefaultBlockParameterName.LATEST)
                        .send().getTransactionCount();
                    if (mined.compareTo(entry.nonce()) > 0) {
                        // Mined meanwhile under our hash, or the nonce went to another transaction.
                        receipt = receipt(entry.txHash());
                        if (receipt.isEmpty()) {
                            journal.recordOutcome(entry.action(), Status.DROPPED, null);
                            return new Outcome(Result.DROPPED, entry.txHash(), "nonce " + entry.nonce()
                                + " used by another transaction");
                        }
                        break;
                    }
                    broadcast(entry);
                }
            }
            sleep(RECEIPT_POLL_MS, entry.txHash());
            receipt = receipt(entry.txHash());
        }
        TransactionReceipt r = receipt.get();
        long gasUsed = r.getGasUsed().longValueExact();
        if (r.isStatusOK()) {
            journal.recordOutcome(entry.action(), Status.CONFIRMED, gasUsed);
            return new Outcome(Result.CONFIRMED, entry.txHash(), "gas used " + gasUsed);
        }
        journal.recordOutcome(entry.action(), Status.REVERTED, gasUsed);
        return new Outcome(Result.REVERTED, entry.txHash(), "reverted on chain" + Optional.ofNullable(r.getRevertReason())
            .map(reason -> ": " + reason).orElse(""));
    }

    private static void sleep(long ms, String hash) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + hash, e);
        }
    }

    private Optional<TransactionReceipt> receipt(String hash) throws IOException {
        return web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
    }
}
