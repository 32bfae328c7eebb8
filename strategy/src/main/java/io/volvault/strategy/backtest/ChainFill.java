package io.volvault.strategy.backtest;

/** At what price a recorded option is sold. */
public enum ChainFill {
    /** At the recorded bid; no sale without a bid. */
    BID,
    /** At the mid of the recorded bid and ask; no sale unless both sides are quoted. */
    MID;

    /** The fill in coin per option, or NaN when this option cannot be sold this way. */
    public double price(ChainOption o) {
        return switch (this) {
            case BID -> o.hasBid() ? o.bid() : Double.NaN;
            case MID -> o.hasBidAndAsk() ? 0.5 * (o.bid() + o.ask()) : Double.NaN;
        };
    }
}
