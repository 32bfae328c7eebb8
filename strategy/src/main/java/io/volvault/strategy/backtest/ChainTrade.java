package io.volvault.strategy.backtest;

/**
 * One option sale or settlement of a recorded-chain backtest, in USD.
 *
 * @param side {@code sell} (premium received, at the fill price) or {@code settle} (payoff paid at
 *             the settlement index)
 * @param size options, each on one unit of the coin
 * @param priceUsd per option: the fill (coin price x index at the sale) or the payoff at settlement
 * @param bidUsd the recorded bid x index at the sale (NaN on a settlement or without a bid)
 * @param askUsd the recorded ask x index at the sale (NaN on a settlement or without an ask)
 * @param indexUsd the index at the sale or settlement snapshot
 */
public record ChainTrade(long epochSeconds, String strategy, String instrument, String side, double size,
                         double priceUsd, double bidUsd, double askUsd, double indexUsd) {

    public static final String SELL = "sell";
    public static final String SETTLE = "settle";
}
