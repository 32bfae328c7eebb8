package io.volvault.app.keeper;

import io.volvault.greeks.OptionType;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * One vault as read from the chain at one block: its holdings, its live round and the oracle.
 * Integer fields are in the contracts' units (see vault-contracts/README.md): base 1e18, quote
 * 1e6, prices and strikes 1e8.
 *
 * @param pendingDeposits assets waiting for the next round close
 * @param redeemAssets    what the shares waiting to be redeemed at the next close are worth now,
 *                        in the vault's asset: the close pays them out of its idle asset
 * @param seriesId        the live round's option series, 0 when no round is open
 * @param expiry          when the live round may close (0: none)
 * @param strike          the live series' strike (1e8)
 * @param soldSize        options sold in the live round (1e18 = one option)
 * @param poolBase        the pool's base reserve (1e18)
 * @param poolQuote       the pool's quote reserve (1e6)
 */
public record VaultSnapshot(
    String vault,
    boolean isCall,
    long chainTime,
    long oracleRound,
    BigInteger spot,
    long oracleUpdatedAt,
    BigInteger idleAsset,
    BigInteger idleOther,
    BigInteger pendingDeposits,
    BigInteger redeemAssets,
    long currentRound,
    long seriesId,
    long expiry,
    BigInteger strike,
    BigInteger soldSize,
    int maxSlippageBps,
    BigInteger poolBase,
    BigInteger poolQuote) {

    public static final BigInteger BASE_UNIT = BigInteger.TEN.pow(18);
    public static final BigInteger QUOTE_UNIT = BigInteger.TEN.pow(6);
    public static final BigInteger PRICE_UNIT = BigInteger.TEN.pow(8);

    /** True while a round's options are outstanding and not yet expired. */
    public boolean roundLive() {
        return seriesId != 0 && chainTime < expiry;
    }

    /** True when the live round has expired and waits to be closed. */
    public boolean roundExpired() {
        return seriesId != 0 && chainTime >= expiry;
    }

    public double spotPrice() {
        return ratio(spot, PRICE_UNIT);
    }

    /** How far the pool's price is from the oracle's, in basis points (either way). */
    public double poolDeviationBps() {
        double poolPrice = ratio(poolQuote, QUOTE_UNIT) / ratio(poolBase, BASE_UNIT);
        return Math.abs(poolPrice / spotPrice() - 1) * 10_000;
    }

    /** Collateral of the live series, in the vault's asset units (Options.collateralFor). */
    public BigInteger lockedCollateral() {
        if (seriesId == 0 || soldSize.signum() == 0) {
            return BigInteger.ZERO;
        }
        if (isCall) {
            return soldSize;
        }
        BigInteger[] qr = soldSize.multiply(strike).multiply(QUOTE_UNIT).divideAndRemainder(BASE_UNIT.multiply(PRICE_UNIT));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /**
     * Holdings as the strategy counts them: collateral included, open options listed, and the
     * assets owed to queued redeems left out (the next close pays them away).
     */
    public PortfolioState portfolio(long lastRebalance) {
        BigInteger assetHeld = idleAsset.add(lockedCollateral()).subtract(redeemAssets).max(BigInteger.ZERO);
        double base = ratio(isCall ? assetHeld : idleOther, BASE_UNIT);
        double quote = ratio(isCall ? idleOther : assetHeld, QUOTE_UNIT);
        List<ShortOption> shorts = seriesId != 0 && soldSize.signum() > 0
            ? List.of(new ShortOption(isCall ? OptionType.CALL : OptionType.PUT, ratio(strike, PRICE_UNIT), expiry,
                ratio(soldSize, BASE_UNIT)))
            : List.of();
        return new PortfolioState(base, quote, shorts, lastRebalance);
    }

    static double ratio(BigInteger amount, BigInteger unit) {
        return new BigDecimal(amount).divide(new BigDecimal(unit)).doubleValue();
    }
}
