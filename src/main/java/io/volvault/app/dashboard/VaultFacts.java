package io.volvault.app.dashboard;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.PushPriceOracle;
import io.volvault.app.chain.contracts.TestToken;
import io.volvault.app.index.EventIndex;
import io.volvault.app.index.IndexedEvent;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Builds the depositor's view of the deployment: live state from contract calls, history from the
 * event index (caught up first, so an answer never lags the chain it was read from).
 */
public final class VaultFacts {

    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;
    private static final int REALIZED_WINDOW_DAYS = 30;
    private static final int KEEPER_ACTIONS_SHOWN = 20;

    private record Token(String symbol, int decimals) {}

    private final Web3j web3j;
    private final Deployment deployment;
    private final EventIndex index;
    private final double targetVol;
    private final KeeperNotes keeperNotes;
    private final TransactionManager readOnly;
    private final DefaultGasProvider noGas = new DefaultGasProvider();

    public VaultFacts(Web3j web3j, Deployment deployment, EventIndex index, double targetVol, KeeperNotes keeperNotes) {
        if (!(targetVol > 0 && targetVol < 10)) {
            throw new UserInputException("target vol must be a fraction a year in (0, 10), e.g. 0.4 for 40 %, was " + targetVol);
        }
        this.web3j = web3j;
        this.deployment = deployment;
        this.index = index;
        this.targetVol = targetVol;
        this.keeperNotes = keeperNotes;
        this.readOnly = new ReadonlyTransactionManager(web3j, deployment.roles().owner());
    }

    /** The deployment's vault addresses, market by market as the file lists them (lower case). */
    public List<String> vaultAddresses() {
        return deployment.vaults().stream().map(v -> v.vault().address().toLowerCase()).toList();
    }

    public List<VaultView> vaults() throws IOException {
        index.catchUp();
        List<VaultView> views = new ArrayList<>();
        for (Deployment.Market market : deployment.markets()) {
            Snapshot now = snapshot(market);
            for (Deployment.Vault v : market.vaults()) {
                views.add(vault(v.address().toLowerCase(), now));
            }
        }
        return views;
    }

    /** The vault at {@code address}; empty if the deployment has no vault there. */
    public Optional<VaultView> vault(String address) throws IOException {
        String vault = address.toLowerCase();
        if (!vaultAddresses().contains(vault)) {
            return Optional.empty();
        }
        index.catchUp();
        return Optional.of(vault(vault, snapshot(deployment.vault(vault).market())));
    }

    /** The address's positions; empty if it never touched a vault and holds nothing in any. */
    public Optional<AccountView> account(String address) throws IOException {
        String account = address.toLowerCase();
        index.catchUp();
        Snapshot now = snapshot(deployment.markets().get(0));
        List<AccountView.Position> positions = new ArrayList<>();
        boolean known = false;
        for (String vault : vaultAddresses()) {
            AccountView.Position position = position(vault, account, now);
            known |= !position.history().isEmpty() || !position.shares().raw().equals("0")
                || !position.claimableShares().raw().equals("0") || !position.claimableAssets().raw().equals("0");
            positions.add(position);
        }
        return known ? Optional.of(new AccountView(account, now.time().toString(), positions)) : Optional.empty();
    }

    /** The chain's clock and a market's oracle price, read once per answer. */
    private record Snapshot(Instant time, Deployment.Market market, BigInteger oracleAnswer) {
        double spot() {
            return new BigDecimal(oracleAnswer, market.oracle().decimals()).doubleValue();
        }

        BigDecimal price(BigInteger answer) {
            return Amount.of(answer, market.oracle().decimals(), "USD").value();
        }
    }

    private Snapshot snapshot(Deployment.Market market) throws IOException {
        long time = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
            .getBlock().getTimestamp().longValueExact();
        PushPriceOracle oracle = PushPriceOracle.load(market.oracle().address(), web3j, readOnly, noGas);
        return new Snapshot(Instant.ofEpochSecond(time), market,
            call(oracle.latestRoundData(), "oracle.latestRoundData").component2());
    }

    private VaultView vault(String address, Snapshot now) throws IOException {
        OptionVault vault = OptionVault.load(address, web3j, readOnly, noGas);
        Deployment.Market market = now.market();
        boolean isCall = deployment.vault(address).vault().kind().writesCalls();
        Token asset = token(call(vault.asset(), "asset"));
        Token share = new Token(call(vault.symbol(), "symbol"), call(vault.decimals(), "decimals").intValueExact());
        Token base = new Token(market.base().symbol(), market.base().decimals());
        List<IndexedEvent> events = index.events(address);

        OptionVault.LiveRound live = call(vault.liveRound(), "liveRound");
        BigInteger idleAsset = call(vault.idleAsset(), "idleAsset");
        BigInteger idleOther = call(vault.idleOther(), "idleOther");
        VaultView.Option option = null;
        DollarGreeks greeks;
        double ownedBase = new BigDecimal(isCall ? idleAsset.add(live.soldSize) : idleOther, base.decimals()).doubleValue();
        Optional<IndexedEvent> opened = last(events, "RoundOpened");
        if (live.seriesId.signum() != 0 && opened.isPresent()) {
            IndexedEvent roll = opened.get();
            double strike = now.price(live.strike).doubleValue();
            BigDecimal impliedVol = new BigDecimal(roll.uint("impliedVol")).divide(WAD, MathContext.DECIMAL64);
            long secondsLeft = Math.max(0, live.expiry.longValueExact() - now.time().getEpochSecond());
            double strikeOverSpot = strike / now.spot();
            boolean inTheMoney = isCall ? now.spot() > strike : now.spot() < strike;
            option = new VaultView.Option(live.seriesId.longValueExact(), isCall ? "call" : "put",
                now.price(live.strike), Instant.ofEpochSecond(live.expiry.longValueExact()).toString(),
                Amount.of(live.soldSize, base.decimals(), base.symbol()),
                Amount.of(live.remainingSize, base.decimals(), base.symbol()),
                Amount.of(live.premiumCollected, asset.decimals(), asset.symbol()),
                impliedVol, now.price(roll.uint("spotPrice")), strikeOverSpot,
                strike == now.spot() ? "at the money" : inTheMoney ? "in the money" : "out of the money",
                secondsLeft, human(Duration.ofSeconds(secondsLeft)),
                Instant.ofEpochSecond(live.auctionEnd.longValueExact()).toString());
            greeks = DollarGreeks.of(isCall ? OptionType.CALL : OptionType.PUT, now.spot(), strike,
                secondsLeft / SECONDS_PER_YEAR, impliedVol.doubleValue(),
                new BigDecimal(live.soldSize, base.decimals()).doubleValue(), ownedBase);
        } else {
            greeks = DollarGreeks.spotOnly(now.spot(), ownedBase);
        }

        BigInteger charged = BigInteger.ZERO;
        BigInteger claimed = BigInteger.ZERO;
        List<VaultView.PricePoint> history = new ArrayList<>();
        for (IndexedEvent e : events) {
            switch (e.name()) {
                case "RoundClosed" -> {
                    charged = charged.add(e.uint("managementFee")).add(e.uint("performanceFee"));
                    history.add(new VaultView.PricePoint(e.uint("round").longValueExact(), time(e), e.block(),
                        Amount.of(e.uint("pricePerShare"), asset.decimals(), asset.symbol()).value()));
                }
                case "FeesClaimed" -> claimed = claimed.add(e.uint("assets"));
                default -> { }
            }
        }
        OptionVault.Fees current = call(vault.fees(), "fees").component1();
        VaultView.Fees fees = new VaultView.Fees(current.managementBps.intValueExact(), current.performanceBps.intValueExact(),
            Amount.of(call(vault.accruedFees(), "accruedFees"), asset.decimals(), asset.symbol()),
            Amount.of(charged, asset.decimals(), asset.symbol()), Amount.of(claimed, asset.decimals(), asset.symbol()));

        int priceDecimals = market.oracle().decimals();
        List<IndexedEvent> answers = index.events(market.oracle().address());
        List<RoundHistory.Round> rounds = RoundHistory.of(events, index.events(market.options()), answers,
            new RoundHistory.Units(asset.symbol(), asset.decimals(), base.decimals(), priceDecimals));
        BigDecimal assetPriceUsd = isCall ? now.price(now.oracleAnswer()) : BigDecimal.ONE;
        Amount sharePrice = Amount.of(call(vault.convertToAssets(BigInteger.TEN.pow(share.decimals())), "convertToAssets"),
            asset.decimals(), asset.symbol());
        VaultView.Returns returns = VaultPerformance.of(rounds, answers, isCall, priceDecimals, sharePrice.value(),
            now.time().getEpochSecond(), assetPriceUsd, targetVol, asset.decimals(), fees.charged());
        BacktestProofs.Proofs recorded = BacktestProofs.replayed(proofs(address, call(vault.keeper(), "keeper").toLowerCase()),
            keeperNotes, events, base.decimals(), priceDecimals);
        VaultView.Wallet wallet = new VaultView.Wallet(call(vault.asset(), "asset").toLowerCase(), asset.decimals(),
            share.decimals(), WalletCalls.SELECTORS);

        return new VaultView(address, call(vault.name(), "name"), share.symbol(),
            isCall ? "covered call" : "cash-secured put", asset.symbol(), now.time().toString(), now.price(now.oracleAnswer()),
            Amount.of(call(vault.totalAssets(), "totalAssets"), asset.decimals(), asset.symbol()),
            Amount.of(call(vault.totalSupply(), "totalSupply"), share.decimals(), share.symbol()),
            sharePrice,
            call(vault.currentRound(), "currentRound").longValueExact(),
            option, greeks, volatility(market), fees, history, keeperActions(events, now, isCall, asset),
            assetPriceUsd, returns, rounds, wallet, recorded);
    }

    private BacktestProofs.Proofs proofs(String vault, String keeper) throws IOException {
        String log = deployment.keeperLog();
        return log == null ? new BacktestProofs.Proofs(List.of(), 0) : BacktestProofs.of(index.events(log), vault, keeper);
    }

    private VaultView.Volatility volatility(Deployment.Market market) throws IOException {
        List<IndexedEvent> answers = index.events(market.oracle().address()).stream()
            .filter(e -> e.name().equals("AnswerUpdated")).toList();
        if (answers.isEmpty()) {
            return new VaultView.Volatility(null, targetVol, REALIZED_WINDOW_DAYS, 0, "no oracle price indexed yet");
        }
        long end = answers.get(answers.size() - 1).uint("updatedAt").longValueExact();
        long start = end - Duration.ofDays(REALIZED_WINDOW_DAYS).toSeconds();
        List<OracleRealizedVol.Observation> window = answers.stream()
            .map(e -> new OracleRealizedVol.Observation(e.uint("updatedAt").longValueExact(),
                new BigDecimal(new BigInteger(e.field("current")), market.oracle().decimals()).doubleValue()))
            .filter(o -> o.time() >= start)
            .toList();
        OptionalDouble realized = OracleRealizedVol.annualised(window);
        return realized.isPresent()
            ? new VaultView.Volatility(realized.getAsDouble(), targetVol, REALIZED_WINDOW_DAYS, window.size(),
                "from the oracle's prices in the last " + REALIZED_WINDOW_DAYS + " days of chain time")
            : new VaultView.Volatility(null, targetVol, REALIZED_WINDOW_DAYS, window.size(),
                "needs two oracle prices at different times in the window");
    }

    private List<VaultView.KeeperAction> keeperActions(List<IndexedEvent> events, Snapshot now, boolean isCall, Token asset)
            throws IOException {
        Map<String, String> notes = keeperNotes.byTxHash();
        Deployment.Token otherToken = isCall ? now.market().quote() : now.market().base();
        Token other = new Token(otherToken.symbol(), otherToken.decimals());
        int baseDecimals = now.market().base().decimals();
        List<VaultView.KeeperAction> actions = new ArrayList<>();
        for (IndexedEvent e : newestFirst(events)) {
            String action;
            String detail;
            switch (e.name()) {
                case "RoundOpened" -> {
                    action = "open round " + e.uint("round");
                    detail = "wrote " + (Boolean.parseBoolean(e.field("isCall")) ? "calls" : "puts")
                        + " at strike " + Readable.number(now.price(e.uint("strike"))) + " USD expiring "
                        + Instant.ofEpochSecond(e.uint("expiry").longValueExact())
                        + ", up to " + Readable.amount(Amount.of(e.uint("size"), baseDecimals, "options"))
                        + ", implied vol "
                        + Readable.percent(new BigDecimal(e.uint("impliedVol")).divide(WAD, MathContext.DECIMAL64).doubleValue())
                        + ", spot " + Readable.number(now.price(e.uint("spotPrice"))) + " USD";
                }
                case "AuctionCancelled" -> {
                    action = "cancel auction of round " + e.uint("round");
                    detail = "the guardian ended the auction with "
                        + Readable.amount(Amount.of(e.uint("unsoldSize"), baseDecimals, "options"))
                        + " unsold";
                }
                case "RoundClosed" -> {
                    action = "close round " + e.uint("round");
                    detail = "price per share "
                        + Readable.amount(Amount.of(e.uint("pricePerShare"), asset.decimals(), asset.symbol()))
                        + ", premium " + Readable.amount(Amount.of(e.uint("premiumCollected"), asset.decimals(), asset.symbol()))
                        + ", fees " + Readable.amount(Amount.of(e.uint("managementFee").add(e.uint("performanceFee")),
                            asset.decimals(), asset.symbol()));
                }
                case "Rebalanced" -> {
                    boolean toOther = Boolean.parseBoolean(e.field("assetToOther"));
                    Token in = toOther ? asset : other;
                    Token out = toOther ? other : asset;
                    action = "rebalance";
                    detail = "swapped " + Readable.amount(Amount.of(e.uint("amountIn"), in.decimals(), in.symbol()))
                        + " for " + Readable.amount(Amount.of(e.uint("amountOut"), out.decimals(), out.symbol()))
                        + " (at least " + Readable.amount(Amount.of(e.uint("minAmountOut"), out.decimals(), out.symbol()))
                        + ") at oracle " + Readable.number(now.price(e.uint("oraclePrice"))) + " USD";
                }
                default -> {
                    continue;
                }
            }
            actions.add(new VaultView.KeeperAction(time(e), e.block(), e.txHash(), action, detail,
                notes.get(e.txHash().toLowerCase())));
            if (actions.size() == KEEPER_ACTIONS_SHOWN) {
                break;
            }
        }
        return actions;
    }

    private AccountView.Position position(String address, String account, Snapshot now) throws IOException {
        OptionVault vault = OptionVault.load(address, web3j, readOnly, noGas);
        Token asset = token(call(vault.asset(), "asset"));
        Token share = new Token(call(vault.symbol(), "symbol"), call(vault.decimals(), "decimals").intValueExact());
        BigInteger shares = call(vault.balanceOf(account), "balanceOf");
        BigInteger pendingDeposit = call(vault.pendingDepositRequest(BigInteger.ZERO, account), "pendingDepositRequest");
        BigInteger pendingRedeem = call(vault.pendingRedeemRequest(BigInteger.ZERO, account), "pendingRedeemRequest");
        String claimableAfter = null;
        if (pendingDeposit.signum() > 0 || pendingRedeem.signum() > 0) {
            OptionVault.LiveRound live = call(vault.liveRound(), "liveRound");
            claimableAfter = live.seriesId.signum() == 0 ? "the next roll"
                : "the next roll, not before " + Instant.ofEpochSecond(live.expiry.longValueExact());
        }
        AccountLedger.Ledger ledger = AccountLedger.of(index.events(address), account,
            new AccountLedger.Units(asset.symbol(), asset.decimals(), share.symbol(), share.decimals()));
        List<AccountView.Activity> history = new ArrayList<>();
        for (AccountLedger.Entry e : ledger.entries()) {
            history.add(new AccountView.Activity(Instant.ofEpochSecond(e.time()).toString(), e.block(), e.tx(), e.event(),
                e.amount(), e.round(), e.roundPrice(), e.converted(), e.counterparty()));
        }
        Collections.reverse(history);
        BigInteger worth = call(vault.convertToAssets(ledger.shares()), "convertToAssets");
        return new AccountView.Position(address, share.symbol(),
            Amount.of(shares, share.decimals(), share.symbol()),
            Amount.of(call(vault.convertToAssets(shares), "convertToAssets"), asset.decimals(), asset.symbol()),
            Amount.of(pendingDeposit, asset.decimals(), asset.symbol()),
            Amount.of(pendingRedeem, share.decimals(), share.symbol()),
            Amount.of(call(vault.maxMint(account), "maxMint"), share.decimals(), share.symbol()),
            Amount.of(call(vault.maxWithdraw(account), "maxWithdraw"), asset.decimals(), asset.symbol()),
            claimableAfter, history,
            Amount.of(ledger.cost(), asset.decimals(), asset.symbol()),
            Amount.of(worth.subtract(ledger.cost()), asset.decimals(), asset.symbol()),
            Amount.of(ledger.realized(), asset.decimals(), asset.symbol()));
    }

    private Token token(String address) throws IOException {
        TestToken token = TestToken.load(address, web3j, readOnly, noGas);
        return new Token(call(token.symbol(), "symbol of " + address), call(token.decimals(), "decimals of " + address).intValueExact());
    }

    private static Optional<IndexedEvent> last(List<IndexedEvent> events, String name) {
        return newestFirst(events).stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static List<IndexedEvent> newestFirst(List<IndexedEvent> events) {
        List<IndexedEvent> copy = new ArrayList<>(events);
        Collections.reverse(copy);
        return copy;
    }

    private static String time(IndexedEvent e) {
        return Instant.ofEpochSecond(e.timestamp()).toString();
    }

    private static String human(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h"
            : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
            : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    /** A contract read; a failure names the call (the RPC's own message says why). */
    private static <T> T call(RemoteFunctionCall<T> function, String what) throws IOException {
        try {
            return function.send();
        } catch (Exception e) {
            throw new IOException("reading " + what + " from the chain failed: " + e.getMessage(), e);
        }
    }
}
