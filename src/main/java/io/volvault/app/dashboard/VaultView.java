package io.volvault.app.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything the dashboard shows about one vault, read from the chain (live state) and the event
 * index (history). Times are ISO-8601 UTC on the chain's clock. Fields that do not apply are null
 * (no option between rounds; no realized vol before two oracle prices) and say why in {@code note}.
 *
 * @param sharePrice assets one whole share is worth now ({@code convertToAssets(10^decimals)})
 * @param tvl        {@code totalAssets()}: the shareholders' assets at the oracle price
 * @param assetPriceUsd USD per whole unit of the vault's asset: the oracle's price for the base
 *                   token, 1 for the quote token (the vaults themselves value it at 1 USD)
 * @param rounds     every closed round, oldest first
 * @param wallet     what the page needs to build the vault's transactions for a wallet
 * @param proofs     the keeper's per-round hashes in KeeperLog (empty when the deployment has none)
 */
public record VaultView(
    String address,
    String name,
    String symbol,
    String kind,
    String asset,
    String chainTime,
    BigDecimal oraclePriceUsd,
    Amount tvl,
    Amount totalSupply,
    Amount sharePrice,
    long round,
    Option option,
    DollarGreeks greeks,
    Volatility volatility,
    Fees fees,
    List<PricePoint> priceHistory,
    List<KeeperAction> keeperActions,
    BigDecimal assetPriceUsd,
    Returns performance,
    List<RoundHistory.Round> rounds,
    Wallet wallet,
    BacktestProofs.Proofs proofs) {

    /**
     * How the vault has done, on the USD value of one share (price per share at each round close
     * times the asset's USD price then), so net of fees, counting every round. Returns are null
     * where the history does not reach back far enough; see {@code rule}.
     *
     * @param annualized since inception compounded to a year (the APY), null under a year of history
     * @param realizedVol annualized vol of the USD value per share across the round closes
     */
    public record Returns(String basis, String inception, double days, Double sinceInception, Double annualized,
                          Double last30Days, Double last90Days, double maxDrawdown, Double realizedVol, double targetVol,
                          Amount premium, Amount fees, String rule, List<ChartPoint> chart) {}

    /** The USD value of one share at a round close (or now), with its drawdown from the peak so far. */
    public record ChartPoint(String time, double valueUsd, double drawdown) {}

    /**
     * The contract addresses, units and 4-byte selectors of the calls the page sends through the
     * visitor's wallet (ERC-7540 requests, cancels and claims, ERC-20 approve).
     */
    public record Wallet(String asset, int assetDecimals, int shareDecimals, Map<String, String> selectors) {}

    /**
     * The option series the live round writes.
     *
     * @param size           options sold so far (one option is on one whole base token)
     * @param unsold         size still offered in the auction
     * @param premium        premium collected this round, in the vault's asset
     * @param strikeOverSpot strike / oracle spot: above 1 a call is out of the money, a put in it
     * @param secondsLeft    until expiry on the chain's clock, 0 once expired
     */
    public record Option(long seriesId, String type, BigDecimal strikeUsd, String expiry, Amount size, Amount unsold,
                         Amount premium, BigDecimal impliedVol, BigDecimal spotAtRollUsd, double strikeOverSpot,
                         String moneyness, long secondsLeft, String timeLeft, String auctionEnd) {}

    /**
     * @param realized   annualised realized vol of the oracle price over the window, null without enough prices
     * @param target     the strategy's target vol
     */
    public record Volatility(Double realized, double target, int windowDays, int observations, String note) {}

    /**
     * @param accrued  fees owed to the recipient now
     * @param charged  management plus performance fees charged at every round close so far
     * @param claimed  fees the recipient has claimed so far
     */
    public record Fees(int managementBps, int performanceBps, Amount accrued, Amount charged, Amount claimed) {}

    /** A round's closing share price (assets per whole share). */
    public record PricePoint(long round, String time, long block, BigDecimal price) {}

    /**
     * Something the keeper did, from the vault's events; {@code reason} is the keeper's own note
     * from its journal when the dashboard can see it.
     */
    public record KeeperAction(String time, long block, String tx, String action, String detail, String reason) {}
}
