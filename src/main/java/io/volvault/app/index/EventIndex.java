package io.volvault.app.index;

import io.volvault.app.chain.Deployment;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The vaults' history, indexed from the contracts' events into H2 so that it survives restarts.
 * Each {@link #catchUp()} continues from the last indexed block. Before adding anything it checks
 * that the stored history is still the chain's: another chain id, another genesis block (a
 * restarted Hardhat node) or other contracts reset the index; a stored block whose hash the chain
 * no longer has (a reorganisation) drops everything after the newest block both agree on.
 *
 * <p>Vault shares moving between two holders (ERC-20 {@code Transfer}, neither side the vault nor
 * the zero address: mints, burns, requests and claims have their own events) are kept with
 * {@code assets}, what the shares were worth at the vault's share price at the end of that block
 * ({@code convertToAssets} called at the block, so the node must answer calls at past blocks).
 */
public final class EventIndex implements AutoCloseable {

    /** Which events the index keeps and how: a stored index of another version is rebuilt. */
    private static final int VERSION = 2;
    private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
    /** Blocks per eth_getLogs request: well under the result caps of public nodes. */
    private static final long CHUNK = 2_000;

    private final EventStore store;
    private final Web3j web3j;
    private final List<String> contracts;

    private EventIndex(EventStore store, Web3j web3j, List<String> contracts) {
        this.store = store;
        this.web3j = web3j;
        this.contracts = contracts;
    }

    /** Opens (creating if needed) the index kept in {@code directory} for the deployment's contracts. */
    public static EventIndex open(Path directory, Web3j web3j, Deployment deployment) throws IOException {
        List<String> contracts = Stream.concat(
                deployment.markets().stream().flatMap(m -> Stream.concat(m.vaults().stream().map(Deployment.Vault::address),
                    Stream.of(m.options(), m.oracle().address()))),
                Stream.ofNullable(deployment.keeperLog()))
            .map(String::toLowerCase).distinct().toList();
        return new EventIndex(EventStore.open(directory), web3j, contracts);
    }

    /** Brings the index up to the chain's head, first undoing whatever the chain no longer has. */
    public synchronized SyncReport catchUp() throws IOException {
        try {
            Optional<String> rollback = reconcile();
            long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
            long from = store.tip().map(b -> b.number() + 1).orElse(0L);
            int added = 0;
            for (long start = from; start <= head; start += CHUNK) {
                added += indexRange(start, Math.min(head, start + CHUNK - 1));
            }
            return new SyncReport(from, head, added, rollback);
        } catch (SQLException e) {
            throw new IOException("event index: " + e.getMessage(), e);
        }
    }

    public synchronized List<IndexedEvent> events(String contract) throws IOException {
        try {
            return store.events(contract.toLowerCase());
        } catch (SQLException e) {
            throw new IOException("event index: " + e.getMessage(), e);
        }
    }

    public synchronized List<IndexedEvent> allEvents() throws IOException {
        try {
            return store.allEvents();
        } catch (SQLException e) {
            throw new IOException("event index: " + e.getMessage(), e);
        }
    }

    public synchronized Optional<IndexedBlock> tip() throws IOException {
        try {
            return store.tip();
        } catch (SQLException e) {
            throw new IOException("event index: " + e.getMessage(), e);
        }
    }

    /** Makes the stored history a prefix of the chain's; says why if anything was dropped. */
    private Optional<String> reconcile() throws IOException, SQLException {
        String identity = "chainId=" + web3j.ethChainId().send().getChainId()
            + " genesis=" + block(0).orElseThrow(() -> new IOException("the node has no genesis block")).hash()
            + " contracts=" + contracts + " version=" + VERSION;
        Optional<String> stored = store.identity();
        if (stored.isEmpty() || !stored.get().equals(identity)) {
            store.reset(identity);
            return stored.map(old -> "index was of another chain or deployment (" + old + "); rebuilt for " + identity);
        }
        Optional<IndexedBlock> tip = store.tip();
        if (tip.isEmpty() || onChain(tip.get())) {
            return Optional.empty();
        }
        for (IndexedBlock candidate : store.blocksNewestFirst()) {
            if (onChain(candidate)) {
                store.truncateAfter(candidate.number());
                return Optional.of("chain reorganised: block " + tip.get().number() + " " + tip.get().hash()
                    + " is gone; re-indexing after block " + candidate.number());
            }
        }
        store.reset(identity);
        return Optional.of("chain reorganised below every indexed block; rebuilt from the genesis block");
    }

    private boolean onChain(IndexedBlock stored) throws IOException {
        return block(stored.number()).map(b -> b.hash().equals(stored.hash())).orElse(false);
    }

    private int indexRange(long from, long to) throws IOException, SQLException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), contracts);
        filter.addOptionalTopics(EventCatalog.topics().toArray(String[]::new));
        EthLog reply = web3j.ethGetLogs(filter).send();
        if (reply.hasError()) {
            throw new IOException("eth_getLogs " + from + ".." + to + " failed: " + reply.getError().getMessage());
        }
        Map<Long, IndexedBlock> blocks = new HashMap<>();
        List<IndexedEvent> events = new ArrayList<>();
        for (EthLog.LogResult<?> result : reply.getLogs()) {
            Log log = (Log) result.get();
            Optional<EventCatalog.Decoded> decoded = EventCatalog.decode(log);
            if (decoded.isEmpty() || decoded.get().name().equals("Transfer") && !betweenHolders(decoded.get(), log)) {
                continue;
            }
            long number = log.getBlockNumber().longValueExact();
            Map<String, String> fields = decoded.get().fields();
            if (decoded.get().name().equals("Transfer")) {
                fields = new LinkedHashMap<>(fields);
                fields.put("assets", convertToAssets(log.getAddress(), new BigInteger(fields.get("value")), number).toString());
            }
            IndexedBlock block = blocks.get(number);
            if (block == null) {
                block = block(number).orElseThrow(() -> new IOException("block " + number + " vanished while indexing"));
                blocks.put(number, block);
            }
            if (!block.hash().equals(log.getBlockHash())) {
                throw new IOException("chain reorganised while indexing block " + number + "; the next pass re-checks it");
            }
            events.add(new IndexedEvent(number, log.getLogIndex().intValueExact(), log.getTransactionHash(),
                block.timestamp(), log.getAddress().toLowerCase(), decoded.get().name(), fields));
        }
        // The range's last block is stored too: the next pass checks the chain still has it.
        if (!blocks.containsKey(to)) {
            blocks.put(to, block(to).orElseThrow(() -> new IOException("block " + to + " vanished while indexing")));
        }
        store.append(List.copyOf(blocks.values()), events);
        return events.size();
    }

    /** A share transfer from one holder to another, not the vault's own minting, burning, escrow or payout. */
    private static boolean betweenHolders(EventCatalog.Decoded transfer, Log log) {
        String vault = log.getAddress().toLowerCase();
        String from = transfer.fields().get("from");
        String to = transfer.fields().get("to");
        return !from.equals(ZERO_ADDRESS) && !to.equals(ZERO_ADDRESS) && !from.equals(vault) && !to.equals(vault);
    }

    /** The vault's {@code convertToAssets(shares)} at the end of block {@code number}. */
    private BigInteger convertToAssets(String vault, BigInteger shares, long number) throws IOException {
        Function call = new Function("convertToAssets", List.of(new Uint256(shares)), List.of(new TypeReference<Uint256>() {}));
        EthCall reply = web3j.ethCall(Transaction.createEthCallTransaction(ZERO_ADDRESS, vault, FunctionEncoder.encode(call)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number))).send();
        if (reply.hasError() || reply.isReverted()) {
            throw new IOException("convertToAssets(" + shares + ") of " + vault + " at block " + number + " failed: "
                + (reply.hasError() ? reply.getError().getMessage() : reply.getRevertReason()));
        }
        List<Type> out = FunctionReturnDecoder.decode(reply.getValue(), call.getOutputParameters());
        if (out.isEmpty()) {
            throw new IOException("convertToAssets of " + vault + " at block " + number + " returned nothing (" + reply.getValue() + ")");
        }
        return (BigInteger) out.get(0).getValue();
    }

    private Optional<IndexedBlock> block(long number) throws IOException {
        EthBlock.Block block = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
            .send().getBlock();
        return Optional.ofNullable(block)
            .map(b -> new IndexedBlock(number, b.getHash(), b.getTimestamp().longValueExact()));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            store.close();
        } catch (SQLException e) {
            throw new IOException("event index: cannot close: " + e.getMessage(), e);
        }
    }
}
