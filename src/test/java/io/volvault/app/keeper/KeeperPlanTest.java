package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.chain.PlannedTx;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.Strategy;
import io.volvault.strategy.StrategyConfig;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** The keeper's translation of strategy actions into vault calls, checked against hand-computed units. */
class KeeperPlanTest {

    private static final String VAULT = "0x1111111111111111111111111111111111111111";
    private static final String POOL = "0x2222222222222222222222222222222222222222";
    /** Encoding needs no node: the wrapper is only asked for calldata. */
    private static final Web3j OFFLINE = Web3j.build(new HttpService("http://127.0.0.1:1"));
    private static final OptionVault WRAPPER = OptionVault.load(VAULT, OFFLINE,
        new ReadonlyTransactionManager(OFFLINE, VAULT), new DefaultGasProvider());
    /** The defaults, with a pool stated here: 30 bps fee, 50M USD deep. */
    private static final Strategy STRATEGY = new Strategy(withPool(StrategyConfig.defaults(), new StrategyConfig.Costs(30, 50_000_000, 5)));
    private static final Keeper.ManagedVault MANAGED = new Keeper.ManagedVault("test", WRAPPER, STRATEGY, null, null);
    /** WETH (18 decimals) and USDC (6) priced by an 8-decimal oracle; WBTC has 8 decimals. */
    private static final VaultSnapshot.Units WETH_USDC = VaultSnapshot.Units.of(18, 6, 8);
    private static final VaultSnapshot.Units WBTC_USDC = VaultSnapshot.Units.of(8, 6, 8);
    /** A pool at exactly 100,000: 500 WETH against 50,000,000 USDC. */
    private static final BigInteger POOL_BASE = new BigInteger("500000000000000000000");
    private static final BigInteger POOL_QUOTE = new BigInteger("50000000000000");
    private static final BigInteger SPOT_100K = BigInteger.valueOf(100_000).multiply(BigInteger.TEN.pow(8));
    /** The deployment's defaults: strikes 1 % .. 50 % out of the money, floor >= 90 % of the vault's price. */
    private static final VaultSnapshot.RollLimits LIMITS = new VaultSnapshot.RollLimits(100, 5_000, 9_000);

    /** 1 gwei, ETH at the WETH markets' 100,000. */
    private static final GasPrice GAS_PRICE = new GasPrice(BigInteger.TEN.pow(9), 100_000);
    private static final String UNISWAP = "0x3333333333333333333333333333333333333333";

    /** The keeper's rebalance when the pool is the only venue, quoting by its own formula. */
    private static PlannedTx throughPool(VaultSnapshot s, Action.Swap swap) throws Exception {
        return Keeper.rebalance(MANAGED, s, List.of(new VenueState.Pool(POOL, POOL_BASE, POOL_QUOTE, 30)),
            (venue, baseIn, in) -> poolQuote(s, baseIn, in), GAS_PRICE, swap, STRATEGY, 100);
    }

    /**
     * What the snapshot's pool pays for {@code amountIn} of the base ({@code baseIn}) or the quote token, by
     * ConstantProductPool.sol's formula: x y = k with the fee taken from the input, rounded down.
     */
    private static BigInteger poolQuote(VaultSnapshot s, boolean baseIn, BigInteger amountIn) {
        BigInteger bps = BigInteger.valueOf(10_000);
        BigInteger reserveIn = baseIn ? s.poolBase() : s.poolQuote();
        BigInteger reserveOut = baseIn ? s.poolQuote() : s.poolBase();
        BigInteger afterFee = amountIn.multiply(bps.subtract(BigInteger.valueOf(s.poolFeeBps())));
        return afterFee.multiply(reserveOut).divide(reserveIn.multiply(bps).add(afterFee));
    }

    private static StrategyConfig withPool(StrategyConfig c, StrategyConfig.Costs costs) {
        return new StrategyConfig(c.initialNav(), c.sizing(), c.forecast(), c.rebalance(), c.options(), c.risk(), costs);
    }

    @AfterAll
    static void close() {
        OFFLINE.shutdown();
    }

    private static VaultSnapshot snapshot(boolean isCall, String idleAsset, String idleOther, String redeemAssets) {
        return new VaultSnapshot(VAULT, isCall ? VaultKind.COVERED_CALL : VaultKind.CASH_SECURED_PUT, WETH_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990, new BigInteger(idleAsset), new BigInteger(idleOther),
            BigInteger.ZERO, new BigInteger(redeemAssets), 3, 0, 0, BigInteger.ZERO, BigInteger.ZERO, 100, POOL_BASE, POOL_QUOTE,
            30, LIMITS);
    }

    @Test
    void findingL6SellingBaseAsksForThePoolsQuoteLessTenBpsNotTheOracleBound() throws Exception {
        VaultSnapshot s = snapshot(true, "5000000000000000000", "0", "0");
        PlannedTx tx = throughPool(s, new Action.Swap(-2, "test"));
        // x y = k with the 30 bps fee on the input: 2 x 0.997 = 1.994 WETH in, out = 50,000,000 x 1.994 / 501.994
        // = 198,607.951... USDC -> 198,607,951,489 units (integer maths as the pool rounds); less 10 bps:
        // x 9,990 / 10,000 = 198,409,343,537.
        // The oracle bound (2 WETH at 100,000 less 1 %) would have been 198,000 USDC: 409 USDC for a sandwich.
        assertEquals(new BigInteger("198607951489"), poolQuote(s, true, new BigInteger("2000000000000000000")));
        assertEquals(WRAPPER.rebalance(true, List.of(new OptionVault.SwapLeg(POOL, new BigInteger("2000000000000000000"),
            new BigInteger("198409343537")))).encodeFunctionCall(), tx.data());
        assertEquals("rebalance:" + VAULT + ":at=990", tx.action());
    }

    @Test
    void splitsBetweenThePoolAndAUniswapPoolOfTheSameDepthWhereTheirMarginalPricesMeet() throws Exception {
        // Uniswap v3 full range over the same 500 WETH / 50,000,000 USDC at 0.05 %: L = sqrt(x y),
        // sqrtP = sqrt(y / x), WETH as token0. Both marginal prices after the fee are (1 - f) P / (1 + a / 500)^2,
        // equal where (500 + a_pool) / (500 + a_uni) = sqrt(0.997 / 0.9995): with a_pool + a_uni = 2,
        // a_uni = (2 + 500 (1 - 0.998749)) / 1.998749 = 1.3137 WETH. Gas (59,256 and 126,912 at 1 gwei, about
        // 6 and 13 USDC) is far below what the split saves (about 400 USDC of impact).
        BigInteger sqrtPriceX96 = new java.math.BigDecimal(Math.sqrt(50_000_000e6 / 500e18))
            .multiply(new java.math.BigDecimal(BigInteger.TWO.pow(96))).toBigInteger();
        BigInteger liquidity = POOL_BASE.multiply(POOL_QUOTE).sqrt();
        List<VenueState> venues = List.of(new VenueState.Pool(POOL, POOL_BASE, POOL_QUOTE, 30),
            new VenueState.Uniswap(UNISWAP, sqrtPriceX96, liquidity, true, 500));
        VaultSnapshot s = snapshot(true, "5000000000000000000", "0", "0");
        java.util.Map<String, BigInteger> asked = new java.util.LinkedHashMap<>();
        Keeper.LegQuoter quoter = (venue, baseIn, in) -> {
            asked.put(venue, in);
            // the venues' own quotes, here the pool's formula for both (the Uniswap pool is the same curve)
            return poolQuote(s, baseIn, in);
        };
        PlannedTx tx = Keeper.rebalance(MANAGED, s, venues, quoter, GAS_PRICE, new Action.Swap(-2, "test"), STRATEGY,
            100);
        assertEquals(List.of(POOL, UNISWAP), List.copyOf(asked.keySet()));
        BigInteger uni = asked.get(UNISWAP);
        assertEquals(new BigInteger("2000000000000000000"), asked.get(POOL).add(uni));
        // one routing step is 0.02 WETH
        assertTrue(Math.abs(uni.doubleValue() / 1e18 - 1.3137) <= 0.02, "Uniswap leg " + uni);
        List<OptionVault.SwapLeg> legs = new java.util.ArrayList<>();
        for (var e : asked.entrySet()) {
            BigInteger min = poolQuote(s, true, e.getValue()).multiply(BigInteger.valueOf(9_990)).divide(BigInteger.valueOf(10_000));
            legs.add(new OptionVault.SwapLeg(e.getKey(), e.getValue(), min));
        }
        assertEquals(WRAPPER.rebalance(true, legs).encodeFunctionCall(), tx.data());
    }

    @Test
    void gasInTheOutputTokenIsGasTimesPriceAtTheOracle() {
        VaultSnapshot s = snapshot(true, "1", "0", "0");
        // 100,000 gas at 1 gwei = 1e14 wei = 0.0001 ETH: 10 USDC at 100,000 (1e7 units) when USDC comes out,
        // 0.0001 WETH (1e14 units) when WETH does
        assertEquals(1e7, Keeper.gasInOutput(s, true, 100_000, GAS_PRICE), 1e-3);
        assertEquals(1e14, Keeper.gasInOutput(s, false, 100_000, GAS_PRICE), 1);
    }

    @Test
    void aWbtcMarketsGasIsPaidInEthAndValuedAtTheEthPriceInUsdc() {
        VaultSnapshot s = wbtc(new BigInteger("500000000"), POOL_BASE_WBTC);
        // 100,000 gas x 1 gwei = 1e14 wei = 0.0001 ETH; at ETH 3,000 USD that is 0.3 USDC = 300,000 units when
        // USDC comes out, and 0.3 / 100,000 = 0.000003 WBTC = 300 units (8 decimals) when WBTC does. Valued as if
        // the gas token were WBTC it would be 10 USDC: 33 times too much.
        GasPrice ethAt3000 = new GasPrice(BigInteger.TEN.pow(9), 3_000);
        assertEquals(300_000, Keeper.gasInOutput(s, true, 100_000, ethAt3000), 1e-6);
        assertEquals(300, Keeper.gasInOutput(s, false, 100_000, ethAt3000), 1e-9);
    }

    /**
     * Selling 0.01 WBTC (about 1,000 USDC) from a call vault: our pool (30 bps) or a Uniswap pool of the
     * same depth at 5 bps. Uniswap pays about 0.25 % x 1,000 = 2.5 USDC more; its leg costs 126,912 -
     * 59,256 = 67,656 more gas: at 1 gwei 6.7656e-5 ETH, 0.203 USDC at ETH 3,000, so Uniswap wins. Were the
     * gas valued in WBTC (100,000 USD, the old assumption that gas is paid in the base token) it would be
     * 6.77 USDC, and the pool would win.
     */
    @Test
    void theWbtcMarketRoutesOnGasValuedAtTheEthPrice() throws Exception {
        BigInteger sqrtPriceX96 = new java.math.BigDecimal(Math.sqrt(POOL_QUOTE.doubleValue() / POOL_BASE_WBTC.doubleValue()))
            .multiply(new java.math.BigDecimal(BigInteger.TWO.pow(96))).toBigInteger();
        List<VenueState> venues = List.of(new VenueState.Pool(POOL, POOL_BASE_WBTC, POOL_QUOTE, 30),
            new VenueState.Uniswap(UNISWAP, sqrtPriceX96, POOL_BASE_WBTC.multiply(POOL_QUOTE).sqrt(), true, 500));
        VaultSnapshot s = wbtc(new BigInteger("500000000"), POOL_BASE_WBTC);
        Keeper.LegQuoter quoter = (venue, baseIn, in) -> poolQuote(s, baseIn, in);
        Action.Swap sell = new Action.Swap(-0.01, "test");
        PlannedTx atEth = Keeper.rebalance(MANAGED, s, venues, quoter, new GasPrice(BigInteger.TEN.pow(9), 3_000), sell,
            STRATEGY, 100);
        BigInteger in = new BigInteger("1000000");
        BigInteger min = poolQuote(s, true, in).multiply(BigInteger.valueOf(9_990)).divide(BigInteger.valueOf(10_000));
        assertEquals(WRAPPER.rebalance(true, List.of(new OptionVault.SwapLeg(UNISWAP, in, min))).encodeFunctionCall(),
            atEth.data());
        PlannedTx atBtc = Keeper.rebalance(MANAGED, s, venues, quoter, new GasPrice(BigInteger.TEN.pow(9), 100_000), sell,
            STRATEGY, 100);
        assertEquals(WRAPPER.rebalance(true, List.of(new OptionVault.SwapLeg(POOL, in, min))).encodeFunctionCall(),
            atBtc.data());
    }

    /** 500 WBTC (8 decimals) against the 50,000,000 USDC: a pool at exactly 100,000. */
    private static final BigInteger POOL_BASE_WBTC = new BigInteger("50000000000");

    /** A WBTC covered-call vault with {@code idle} WBTC, its pool holding {@code poolBase} WBTC. */
    private static VaultSnapshot wbtc(BigInteger idle, BigInteger poolBase) {
        return new VaultSnapshot(VAULT, VaultKind.COVERED_CALL, WBTC_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990,
            idle, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 3, 0, 0, BigInteger.ZERO, BigInteger.ZERO, 100, poolBase,
            POOL_QUOTE, 30, LIMITS);
    }

    /** What a full-range Uniswap pool over the pool's 500 WETH / 50,000,000 USDC pays for USDC at {@code feePips}. */
    private static BigInteger uniswapBaseOut(BigInteger quoteIn, int feePips) {
        // x y = k with the fee on the input (whitepaper 6.2.3 within the one full range): in (1 - f) x / (y + in (1 - f))
        BigInteger afterFee = quoteIn.multiply(BigInteger.valueOf(1_000_000 - feePips));
        return afterFee.multiply(POOL_BASE).divide(POOL_QUOTE.multiply(BigInteger.valueOf(1_000_000)).add(afterFee));
    }

    /**
     * 0.2 WETH of redeems queued in the call vault, no WETH idle, 100,000 USDC idle: it needs 0.2 x 1.02 =
     * 0.204 WETH, grossed up by the 1 % slippage bound to 0.204 / 0.99 = 0.206060606060606060 WETH (floored in
     * wei), worth 20,606.0606060606 USDC at 100,000: 20,606,060,607 units (rounded up). A full-range Uniswap pool
     * of the same depth at 0.05 % pays 25 bps (about 51 USDC) more than our 0.30 % pool for 67,656 more gas
     * (6.8 USDC at 1 gwei and ETH 100,000): the whole swap goes through Uniswap, at its own quote less 10 bps.
     * At 1 % Uniswap is dearer than our pool, which gets the swap.
     */
    @Test
    void redeemCashIsRaisedThroughTheCheapestVenueAtItsOwnQuote() throws Exception {
        VaultSnapshot s = snapshot(true, "0", "100000000000", "200000000000000000");
        BigInteger in = new BigInteger("20606060607");
        assertEquals(in, Keeper.redeemCashIn(s, 100));
        BigInteger sqrtPriceX96 = new java.math.BigDecimal(Math.sqrt(50_000_000e6 / 500e18))
            .multiply(new java.math.BigDecimal(BigInteger.TWO.pow(96))).toBigInteger();
        BigInteger liquidity = POOL_BASE.multiply(POOL_QUOTE).sqrt();
        for (int feePips : new int[] {500, 10_000}) {
            List<VenueState> venues = List.of(new VenueState.Pool(POOL, POOL_BASE, POOL_QUOTE, 30),
                new VenueState.Uniswap(UNISWAP, sqrtPriceX96, liquidity, true, feePips));
            Keeper.LegQuoter quoter = (venue, baseIn, amount) -> venue.equals(UNISWAP)
                ? uniswapBaseOut(amount, feePips) : poolQuote(s, baseIn, amount);
            PlannedTx tx = Keeper.redeemCash(MANAGED, s, venues, quoter, GAS_PRICE, in, 100);
            String venue = feePips == 500 ? UNISWAP : POOL;
            BigInteger quoted = quoter.quote(venue, false, in);
            OptionVault.SwapLeg leg = new OptionVault.SwapLeg(venue, in,
                quoted.multiply(BigInteger.valueOf(9_990)).divide(BigInteger.valueOf(10_000)));
            assertEquals(WRAPPER.rebalance(false, List.of(leg)).encodeFunctionCall(), tx.data(), "Uniswap at " + feePips);
            assertEquals("redeem-cash:" + VAULT + ":at=990", tx.action());
        }
        // a put vault short of USDC sells WETH: 20,400 USDC / 0.99 = 20,606.060606 USDC (floored in units),
        // 0.20606060606 WETH at 100,000, rounded up in wei
        VaultSnapshot put = snapshot(false, "0", "5000000000000000000", "20000000000");
        assertEquals(new BigInteger("206060606060000000"), Keeper.redeemCashIn(put, 100));
        // nothing short: 0.2 WETH idle covers 0.19 WETH of redeems and the 2 % margin
        assertEquals(BigInteger.ZERO, Keeper.redeemCashIn(snapshot(true, "200000000000000000", "1", "190000000000000000"), 100));
    }

    @Test
    void noSwapWhenThePoolPaysLessThanTheVaultsOracleBound() throws Exception {
        // 50 WETH move the pool ~10 %: the quote is far under the oracle value less 1 %.
        VaultSnapshot s = snapshot(true, "50000000000000000000", "0", "0");
        assertNull(throughPool(s, new Action.Swap(-50, "test")));
    }

    @Test
    void buyingBaseForThePutVaultSpendsWhatThePoolModelSaysItCosts() throws Exception {
        VaultSnapshot s = snapshot(false, "1000000000000", "0", "0");
        PlannedTx tx = throughPool(s, new Action.Swap(1, "test"));
        // The strategy's pool (30 bps fee, 50M USD deep) prices 1 base at 100,000 x 500 / 499 / 0.997.
        double quoteIn = 100_000.0 * 500 / 499 / 0.997;
        BigInteger in = BigInteger.valueOf((long) Math.floor(quoteIn * 1e6));
        BigInteger oracleOut = in.multiply(BigInteger.TEN.pow(26)).add(SPOT_100K.multiply(BigInteger.TEN.pow(6))).subtract(BigInteger.ONE)
            .divide(SPOT_100K.multiply(BigInteger.TEN.pow(6)));
        // the pool's quote for that USDC: 500 WETH x in x 0.997 / (50,000,000 + in x 0.997), less 10 bps
        BigInteger afterFee = in.multiply(BigInteger.valueOf(9_970));
        BigInteger quote = afterFee.multiply(POOL_BASE).divide(POOL_QUOTE.multiply(BigInteger.valueOf(10_000)).add(afterFee));
        BigInteger minOut = quote.multiply(BigInteger.valueOf(9_990)).divide(BigInteger.valueOf(10_000));
        BigInteger oracleBound = oracleOut.multiply(BigInteger.valueOf(9_900)).add(BigInteger.valueOf(9_999)).divide(BigInteger.valueOf(10_000));
        assertTrue(minOut.compareTo(oracleBound) > 0);
        assertEquals(WRAPPER.rebalance(true, List.of(new OptionVault.SwapLeg(POOL, in, minOut))).encodeFunctionCall(), tx.data());
    }

    @Test
    void aCallRoundAuctionsFromFairToLimitPremiumInWethPerOption() {
        VaultSnapshot s = snapshot(true, "5000000000000000000", "0", "0");
        Action.Write write = new Action.Write(OptionType.CALL, 110_000.123456789, 1_604_800, 3.5, 950, "test");
        BigInteger strike = Keeper.strike(s, write.strike());
        assertEquals(new BigInteger("11000012345679"), strike);
        // the vault prices the call at 0.009 WETH: 90.5 % of it (0.0081450) is under the strategy's floor
        PlannedTx tx = Keeper.roll(MANAGED, s, write, strike, 0.05, new BigInteger("9000000000000000"), 3_600);
        // fair = 950 / 0.95 = 1,000 USD = 0.01 WETH at 100,000; the floor 950 USD = 0.0095 WETH.
        OptionVault.RollParams expected = new OptionVault.RollParams(new BigInteger("11000012345679"),
            BigInteger.valueOf(1_604_800), new BigInteger("3500000000000000000"), new BigInteger("10000000000000000"),
            new BigInteger("9500000000000000"), BigInteger.valueOf(3_600));
        assertEquals(WRAPPER.roll(expected, BigInteger.ZERO).encodeFunctionCall(), tx.data());
        assertEquals("roll:" + VAULT + ":round=3", tx.action());
    }

    @Test
    void theFloorRisesToTheVaultsShareOfItsOwnPrice() {
        VaultSnapshot s = snapshot(true, "5000000000000000000", "0", "0");
        Action.Write write = new Action.Write(OptionType.CALL, 110_000, 1_604_800, 1, 950, "test");
        // the vault prices it at 0.011 WETH: (9,000 + 50) / 10,000 of it = 0.009955 WETH > the strategy's 0.0095
        PlannedTx tx = Keeper.roll(MANAGED, s, write, Keeper.strike(s, write.strike()), 0.05,
            new BigInteger("11000000000000000"), 3_600);
        OptionVault.RollParams expected = new OptionVault.RollParams(new BigInteger("11000000000000"),
            BigInteger.valueOf(1_604_800), new BigInteger("1000000000000000000"), new BigInteger("10000000000000000"),
            new BigInteger("9955000000000000"), BigInteger.valueOf(3_600));
        assertEquals(WRAPPER.roll(expected, BigInteger.ZERO).encodeFunctionCall(), tx.data());
    }

    @Test
    void strikesCloserToSpotThanTheVaultAllowsMoveOut() {
        // 1 % out of the money at spot 100,000: calls at least 101,000, puts at most 99,000
        assertEquals(new BigInteger("10100000000000"), Keeper.strike(snapshot(true, "0", "0", "0"), 100_500));
        assertEquals(new BigInteger("9900000000000"), Keeper.strike(snapshot(false, "0", "0", "0"), 99_800));
        assertEquals(new BigInteger("9000000000000"), Keeper.strike(snapshot(false, "0", "0", "0"), 90_000));
    }

    @Test
    void aPutRoundIsCappedAtTheCollateralTheVaultHolds() {
        // 100,000 USDC secures 2 puts struck at 50,000; the strategy asked for 3.
        VaultSnapshot s = snapshot(false, "100000000000", "0", "0");
        Action.Write write = new Action.Write(OptionType.PUT, 50_000, 1_604_800, 3, 800, "test");
        PlannedTx tx = Keeper.roll(MANAGED, s, write, Keeper.strike(s, write.strike()), 0.05, new BigInteger("700000000"), 3_600);
        // fair 800 / 0.95 = 842.105263 USDC; the floor 800 USDC is above 90.5 % of the vault's 700
        OptionVault.RollParams expected = new OptionVault.RollParams(new BigInteger("5000000000000"),
            BigInteger.valueOf(1_604_800), new BigInteger("2000000000000000000"), new BigInteger("842105263"),
            new BigInteger("800000000"), BigInteger.valueOf(3_600));
        assertEquals(WRAPPER.roll(expected, BigInteger.ZERO).encodeFunctionCall(), tx.data());
    }

    @Test
    void theStrategySeesHoldingsWithCollateralAndWithoutWhatRedeemsAreOwed() {
        // Put vault: 60,000 USDC idle, 2 puts at 50,000 sold (100,000 USDC locked), 30,000 USDC owed to redeems, 1.5 WETH.
        VaultSnapshot s = new VaultSnapshot(VAULT, VaultKind.CASH_SECURED_PUT, WETH_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990, new BigInteger("60000000000"),
            new BigInteger("1500000000000000000"), BigInteger.ZERO, new BigInteger("30000000000"), 3, 5, 2_000,
            new BigInteger("5000000000000"), new BigInteger("2000000000000000000"), 100, POOL_BASE, POOL_QUOTE, 30, LIMITS);
        PortfolioState p = s.portfolio(500);
        assertEquals(1.5, p.base());
        assertEquals(130_000, p.quote());
        assertEquals(1, p.shorts().size());
        assertEquals(OptionType.PUT, p.shorts().get(0).type());
        assertEquals(50_000, p.shorts().get(0).strike());
        assertEquals(2, p.shorts().get(0).size());
        assertEquals(2_000, p.shorts().get(0).expiryEpochSeconds());
    }

    @Test
    void measuresHowFarThePoolIsFromTheOracle() {
        assertEquals(0, snapshot(true, "0", "0", "0").poolDeviationBps(), 1e-9);
        // 50,500,000 USDC against 500 WETH prices WETH at 101,000: 100 bps over the oracle's 100,000.
        VaultSnapshot off = new VaultSnapshot(VAULT, VaultKind.COVERED_CALL, WETH_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO, 3, 0, 0, BigInteger.ZERO, BigInteger.ZERO, 100, POOL_BASE,
            new BigInteger("50500000000000"), 30, LIMITS);
        assertEquals(100, off.poolDeviationBps(), 1e-9);
    }

    @Test
    void anEightDecimalBaseTokenIsCountedInItsOwnUnits() throws Exception {
        // The WETH case of findingL6... with WBTC: 2 WBTC are 200,000,000 units; a pool of 500 WBTC against
        // 50,000,000 USDC pays the same 198,607.951489 USDC (x y = k does not see the base's scale), less 10 bps.
        BigInteger poolBase = new BigInteger("50000000000");
        VaultSnapshot s = new VaultSnapshot(VAULT, VaultKind.COVERED_CALL, WBTC_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990,
            new BigInteger("500000000"), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 3, 0, 0, BigInteger.ZERO,
            BigInteger.ZERO, 100, poolBase, POOL_QUOTE, 30, LIMITS);
        assertEquals(0, s.poolDeviationBps(), 1e-9);
        PlannedTx tx = Keeper.rebalance(MANAGED, s, List.of(new VenueState.Pool(POOL, poolBase, POOL_QUOTE, 30)),
            (venue, baseIn, in) -> poolQuote(s, baseIn, in), GAS_PRICE, new Action.Swap(-2, "test"), STRATEGY, 100);
        assertEquals(WRAPPER.rebalance(true, List.of(new OptionVault.SwapLeg(POOL, new BigInteger("200000000"),
            new BigInteger("198409343537")))).encodeFunctionCall(), tx.data());
        // the description counts whole tokens of each side (2 WBTC for 198,409 USDC), not raw units
        assertTrue(tx.description().contains("sell 2 via pool 30 bps for at least 198,409 "), tx.description());
        assertEquals(5.0, s.portfolio(0).base());
        // Two WBTC puts struck at 50,000 lock 100,000 USDC: 2e8 x 5e12 x 1e6 / (1e8 x 1e8) = 1e11 units.
        VaultSnapshot put = new VaultSnapshot(VAULT, VaultKind.CASH_SECURED_PUT, WBTC_USDC, 1_000, BigInteger.valueOf(7), SPOT_100K, 990,
            BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 3, 5, 2_000, new BigInteger("5000000000000"),
            new BigInteger("200000000"), 100, poolBase, POOL_QUOTE, 30, LIMITS);
        assertEquals(new BigInteger("100000000000"), put.lockedCollateral());
        assertEquals(2, put.portfolio(0).shorts().get(0).size());
    }
}
