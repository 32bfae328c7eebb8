package io.volvault.app.keeper;

import io.volvault.greeks.OptionType;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * One vault as read from the chain at one block: its holdings, its live round and the oracle.
 * Integer fields are in the contracts' units (see vault-contracts/README.md), which {@code units}
 * gives: the base and quote tokens' 10^decimals, and the oracle's for prices and strikes.
 *
 * @param oracleRound     the latest oracle round's id (a Chainlink proxy's carries its phase above bit 64)
 * @param pendingDeposits assets waiting for the next round close
 * @param redeemAssets    what the shares waiting to be redeemed at the next close are worth now,
 *                        in the vault's asset: the close pays them out of its idle asset
 * @param seriesId        the live round's option series, 0 when no round is open
 * @param expiry          when the live round may close (0: none)
 * @param strike          the live series' strike (oracle units)
 * @param soldSize        options sold in the live round (one base unit of size = one option)
 * @param poolBase        the pool's base reserve (base units)
 * @param poolQuote       the pool's quote reserve (quote units)
 * @param poolFeeBps      the pool's swap fee
 * @param limits          the bounds the vault puts on a roll (its keeper limits)
 */
public record VaultSnapshot(
    String vault,
    VaultKind kind,
    Units units,
    long chainTime,
    BigInteger oracleRound,
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
    BigInteger poolQuote,
    int poolFeeBps,
    RollLimits limits) {

    /**
     * What a roll must respect, from the vault's keeper limits.
     *
     * @param minOtmBps     calls struck at least this far above spot, puts this far below
     * @param strikeBandBps and at most this far from spot
     * @param minFloorBps   the auction floor at least this share of the vault's own option price
     */
    public record RollLimits(int minOtmBps, int strikeBandBps, int minFloorBps) {}

    /**
     * A market's units, from its tokens' and oracle's {@code decimals()}: one whole base token, one
     * whole quote token, one USD in oracle answers and strikes.
     */
    public record Units(BigInteger base, BigInteger quote, BigInteger price) {
        public static Units of(int baseDecimals, int quoteDecimals, int priceDecimals) {
            return new Units(BigInteger.TEN.pow(baseDecimals), BigInteger.TEN.pow(quoteDecimals),
                BigInteger.TEN.pow(priceDecimals));
        }

        /** Quote units worth {@code base} base units at {@code price} (oracle units), rounded up. */
        public BigInteger quoteFor(BigInteger base, BigInteger price) {
            return ceilDiv(base.multiply(price).multiply(this.quote), this.base.multiply(this.price));
        }

        /** Base units worth {@code quote} quote units at {@code price} (oracle units), rounded up. */
        public BigInteger baseFor(BigInteger quote, BigInteger price) {
            return ceilDiv(quote.multiply(this.base).multiply(this.price), price.multiply(this.quote));
        }
    }

    public boolean isCall() {
        return kind.writesCalls();
    }

    /** True while a round's options are outstanding and not yet expired. */
    public boolean roundLive() {
        return seriesId != 0 && chainTime < expiry;
    }

    /** True when the live round has expired and waits to be closed. */
    public boolean roundExpired() {
        return seriesId != 0 && chainTime >= expiry;
    }

    public double spotPrice() {
        return ratio(spot, units.price());
    }

    /** How far the pool's price is from the oracle's, in basis points (either way). */
    public double poolDeviationBps() {
        double poolPrice = ratio(poolQuote, units.quote()) / ratio(poolBase, units.base());
        return Math.abs(poolPrice / spotPrice() - 1) * 10_000;
    }

    /** Collateral of the live series, in the vault's asset units (Options.collateralFor). */
    public BigInteger lockedCollateral() {
        if (seriesId == 0 || soldSize.signum() == 0) {
            return BigInteger.ZERO;
        }
        return isCall() ? soldSize : units.quoteFor(soldSize, strike);
    }

    /**
     * Holdings as the strategy counts them: collateral included, open options listed, and the
     * assets owed to queued redeems left out (the next close pays them away).
     */
    public PortfolioState portfolio(long lastRebalance) {
        BigInteger assetHeld = idleAsset.add(lockedCollateral()).subtract(redeemAssets).max(BigInteger.ZERO);
        double base = ratio(isCall() ? assetHeld : idleOther, units.base());
        double quote = ratio(isCall() ? idleOther : assetHeld, units.quote());
        List<ShortOption> shorts = seriesId != 0 && soldSize.signum() > 0
            ? List.of(new ShortOption(isCall() ? OptionType.CALL : OptionType.PUT, ratio(strike, units.price()), expiry,
                ratio(soldSize, units.base())))
            : List.of();
        return new PortfolioState(base, quote, shorts, lastRebalance);
    }

    static double ratio(BigInteger amount, BigInteger unit) {
        return new BigDecimal(amount).divide(new BigDecimal(unit)).doubleValue();
    }

    static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }
}
