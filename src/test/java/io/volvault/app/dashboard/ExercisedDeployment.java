package io.volvault.app.dashboard;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.HardhatAccounts;
import io.volvault.app.chain.HardhatScripts;
import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.PushPriceOracle;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.app.chain.contracts.VolFeed;
import io.volvault.app.keeper.VaultKind;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.FastRawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A fresh deployment on the Hardhat node of {@code scripts/test} (system property
 * {@code volvault.rpc}), driven through both vaults' life cycle by Hardhat's test accounts: the
 * deployer (#0) mints, the keeper (#1) pushes prices and rolls, a buyer (#4) takes the auctions,
 * Alice (#5) and Bob (#6) deposit. Fees stay at the deploy script's 200 bps a year and 1000 bps.
 */
public final class ExercisedDeployment {

    public static final int OWNER = 0;
    public static final int KEEPER = 1;
    /** The deployment's default oracle updater and vol updater: keys separate from the keeper's. */
    public static final int UPDATER = 2;
    public static final int VOL_UPDATER = 8;
    public static final int BUYER = 4;
    public static final int ALICE = 5;
    public static final int BOB = 6;

    static final BigInteger E18 = BigInteger.TEN.pow(18);
    static final BigInteger E8 = BigInteger.TEN.pow(8);
    static final BigInteger E6 = BigInteger.TEN.pow(6);
    private static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
    private static final long DAY = 86_400;

    public final Web3j web3j;
    public final HttpService service;
    public final Deployment deployment;
    public final Path deploymentFile;
    private final StaticEIP1559GasProvider gas = new StaticEIP1559GasProvider(HardhatAccounts.CHAIN_ID,
        BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(5_000_000));

    private ExercisedDeployment(Web3j web3j, HttpService service, Deployment deployment, Path deploymentFile) {
        this.web3j = web3j;
        this.service = service;
        this.deployment = deployment;
        this.deploymentFile = deploymentFile;
    }

    /** Deploys everything afresh on the node of scripts/test (at 3000 USD), nothing exercised yet. */
    public static ExercisedDeployment deploy(Path workDir) throws IOException {
        return deploy(workDir, requiredProperty("volvault.rpc"));
    }

    /** Deploys everything afresh with hardhat/scripts/deploy.js on the node at {@code rpc}. */
    public static ExercisedDeployment deploy(Path workDir, String rpc) throws IOException {
        Path hardhat = Path.of(requiredProperty("volvault.root"), "hardhat");
        Path file = workDir.resolve("deployment.json");
        Deployment deployment = HardhatScripts.deploy(hardhat, rpc, Map.of("INITIAL_PRICE", "3000"), file,
            workDir.resolve("deploy.log"));
        HttpService service = new HttpService(rpc);
        return new ExercisedDeployment(Web3j.build(service), service, deployment, file);
    }

    public static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run through scripts/test");
        }
        return value;
    }

    public static String address(int account) {
        return HardhatAccounts.account(account).getAddress();
    }

    public OptionVault callVault(int account) {
        return OptionVault.load(deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address(), web3j, signer(account), gas);
    }

    public OptionVault putVault(int account) {
        return OptionVault.load(deployment.markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address(), web3j, signer(account), gas);
    }

    private TestToken token(String address, int account) {
        return TestToken.load(address, web3j, signer(account), gas);
    }

    private FastRawTransactionManager signer(int account) {
        return new FastRawTransactionManager(web3j, HardhatAccounts.account(account), HardhatAccounts.CHAIN_ID,
            new PollingTransactionReceiptProcessor(web3j, 10, 1_000));
    }

    /** Step 1: funds and approvals; Alice asks to deposit 10 WETH and 30 000 USDC. */
    public void fundAndRequestDeposits() throws Exception {
        for (int actor : new int[] {BUYER, ALICE, BOB}) {
            token(deployment.markets().get(0).base().address(), OWNER).mint(address(actor), E18.multiply(BigInteger.valueOf(100))).send();
            token(deployment.markets().get(0).quote().address(), OWNER).mint(address(actor), E6.multiply(BigInteger.valueOf(1_000_000))).send();
            for (String vault : List.of(deployment.markets().get(0).vault(VaultKind.COVERED_CALL).address(), deployment.markets().get(0).vault(VaultKind.CASH_SECURED_PUT).address())) {
                token(deployment.markets().get(0).base().address(), actor).approve(vault, MAX).send();
                token(deployment.markets().get(0).quote().address(), actor).approve(vault, MAX).send();
            }
        }
        callVault(ALICE).requestDeposit(E18.multiply(BigInteger.TEN), address(ALICE), address(ALICE)).send();
        putVault(ALICE).requestDeposit(E6.multiply(BigInteger.valueOf(30_000)), address(ALICE), address(ALICE)).send();
    }

    /**
     * Step 2: the keeper rolls both vaults (calls struck at 3300, puts at 2700, a week, at the vol
     * feed's 80 %: the vaults price them at 0.01253 WETH and 28.79 USDC, the floors sit above 90 %
     * of that), the buyer takes 3 calls and 2 puts, Bob asks to deposit 2 WETH.
     */
    public void rollAndSell() throws Exception {
        pushPrice(3000);
        long expiry = chainTime() + 7 * DAY;
        callVault(KEEPER).roll(new OptionVault.RollParams(usd(3300), BigInteger.valueOf(expiry), E18.multiply(BigInteger.valueOf(5)),
            wethFraction(20), wethFraction(12), BigInteger.valueOf(3600)), BigInteger.ZERO).send();
        putVault(KEEPER).roll(new OptionVault.RollParams(usd(2700), BigInteger.valueOf(expiry), E18.multiply(BigInteger.valueOf(5)),
            E6.multiply(BigInteger.valueOf(60)), E6.multiply(BigInteger.valueOf(30)), BigInteger.valueOf(3600)),
            BigInteger.ZERO).send();
        callVault(BUYER).buyOptions(E18.multiply(BigInteger.valueOf(3)), wethFraction(20)).send();
        putVault(BUYER).buyOptions(E18.multiply(BigInteger.TWO), E6.multiply(BigInteger.valueOf(60))).send();
        callVault(BOB).requestDeposit(E18.multiply(BigInteger.TWO), address(BOB), address(BOB)).send();
    }

    /**
     * Step 3: a week of daily prices ending at 3400 (the calls finish in the money, the puts out),
     * then the keeper rolls again, which settles the series and turns Bob's request into shares;
     * Alice claims her call-vault shares and queues a fifth of them for redemption.
     */
    public void settleAndRollAgain() throws Exception {
        weekThenRoll(new long[] {3050, 2980, 3120, 3210, 3180, 3330, 3400});
        OptionVault aliceCall = callVault(ALICE);
        BigInteger shares = aliceCall.maxMint(address(ALICE)).send();
        aliceCall.mint(shares, address(ALICE), address(ALICE)).send();
        aliceCall.requestRedeem(shares.divide(BigInteger.valueOf(5)), address(ALICE), address(ALICE)).send();
    }

    /** Another week at 3400 USD, then the keeper rolls both vaults again (calls at 3700, puts at 3100). */
    public void weekAt3400ThenRoll() throws Exception {
        weekThenRoll(new long[] {3400, 3400, 3400, 3400, 3400, 3400, 3400});
    }

    /** Daily closes over a week (the vol at 80 %, 70 % on the last day), then both vaults roll for a week. */
    private void weekThenRoll(long[] closes) throws Exception {
        for (int i = 0; i < closes.length; i++) {
            increaseTime(DAY + 60);
            pushPrice(closes[i]);
            pushVol(i == closes.length - 1 ? 70 : 80);
        }
        // the last close is the first answer after expiry: roundId 0 (the latest) settles at it
        long expiry = chainTime() + 7 * DAY;
        callVault(KEEPER).roll(new OptionVault.RollParams(usd(3700), BigInteger.valueOf(expiry), E18,
            wethFraction(20), wethFraction(10), BigInteger.valueOf(3600)), BigInteger.ZERO).send();
        putVault(KEEPER).roll(new OptionVault.RollParams(usd(3100), BigInteger.valueOf(expiry), E18,
            E6.multiply(BigInteger.valueOf(60)), E6.multiply(BigInteger.valueOf(30)), BigInteger.valueOf(3600)),
            BigInteger.ZERO).send();
    }

    /** The deployer mints {@code wei} of the test WETH to {@code actor}. */
    public void mintWeth(int actor, BigInteger wei) throws Exception {
        token(deployment.markets().get(0).base().address(), OWNER).mint(address(actor), wei).send();
    }

    /** {@code account} records hashes for {@code vault}'s round in the deployment's KeeperLog. */
    public void recordDecision(int account, String vault, long round, byte[] inputsHash, byte[] decisionHash) throws Exception {
        KeeperLog.load(deployment.keeperLog(), web3j, signer(account), gas)
            .record(vault, BigInteger.valueOf(round), inputsHash, decisionHash).send();
    }

    public TestToken weth(int account) {
        return token(deployment.markets().get(0).base().address(), account);
    }

    public void pushPrice(long usd) throws Exception {
        PushPriceOracle.load(deployment.markets().get(0).oracle().address(), web3j, signer(UPDATER), gas).pushPrice(usd(usd)).send();
    }

    public void pushVol(long percent) throws Exception {
        VolFeed.load(deployment.markets().get(0).volFeed().address(), web3j, signer(VOL_UPDATER), gas).pushVol(volFraction(percent)).send();
    }

    public long chainTime() throws IOException {
        return web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
            .getTimestamp().longValueExact();
    }

    public void increaseTime(long seconds) throws IOException {
        rpc("evm_increaseTime", List.of(seconds));
        rpc("evm_mine", List.of());
    }

    /** Hardhat's evm_snapshot: an id to revert to. */
    public String snapshot() throws IOException {
        return String.valueOf(rpc("evm_snapshot", List.of()).getResult());
    }

    /** Hardhat's evm_revert: the blocks since the snapshot are dropped, as in a reorganisation. */
    public void revert(String snapshot) throws IOException {
        Object reverted = rpc("evm_revert", List.of(snapshot)).getResult();
        if (!Boolean.TRUE.equals(reverted)) {
            throw new IOException("evm_revert " + snapshot + " answered " + reverted);
        }
    }

    private Response<?> rpc(String method, List<?> params) throws IOException {
        Response<?> r = new Request<>(method, params, service, GenericResponse.class).send();
        if (r.hasError()) {
            throw new IOException(method + " " + params + ": " + r.getError().getMessage());
        }
        return r;
    }

    /** A JSON-RPC answer whose result is kept as parsed. */
    public static final class GenericResponse extends Response<Object> {}

    public void close() {
        web3j.shutdown();
    }

    static BigInteger usd(long dollars) {
        return E8.multiply(BigInteger.valueOf(dollars));
    }

    /** {@code thousandths} of a WETH per option: 20 -> 0.02 WETH. */
    private static BigInteger wethFraction(long thousandths) {
        return E18.multiply(BigInteger.valueOf(thousandths)).divide(BigInteger.valueOf(1000));
    }

    private static BigInteger volFraction(long percent) {
        return E18.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
    }
}
