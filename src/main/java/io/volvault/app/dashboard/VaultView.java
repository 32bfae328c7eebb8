package io.volvault.app.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything the dashboard shows about one vault, read from the chain (live state) and the event
 * index (history). Times are ISO-8601 UTC on the chain's clock. Fields that do not apply are null
 * (no option between rounds; no realized vol before two oracle prices) and say why in {@code note}.
 *
 * @param sharePrice assets one whole share is worth now ({@code convertToAssets(10^decimals)})
 * @param tvl        {@code totalAssets()}: the shareholders' assets at the oracle price
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
    List<KeeperAction> keeperActions) {

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
