package io.volvault.app.dashboard;

import java.math.BigDecimal;
import java.util.List;

/** One address's position in every vault. */
public record AccountView(String address, String chainTime, List<Position> positions) {

    /**
     * @param shares           shares the address holds
     * @param value            what they are worth now ({@code convertToAssets})
     * @param pendingDeposit   assets requested, waiting for the round to close
     * @param pendingRedeem    shares queued for redemption, waiting for the round to close
     * @param claimableShares  shares of processed deposits, ready for {@code deposit}/{@code mint}
     * @param claimableAssets  assets of processed redeems, ready for {@code redeem}/{@code withdraw}
     * @param claimableAfter   when pending requests become claimable: the next roll, not before this
     *                         expiry (null with nothing pending)
     * @param costBasis        average cost of the shares owned through processed requests and transfers (AccountLedger)
     * @param unrealizedPnl    what those shares are worth now less their cost basis
     * @param realizedPnl      processed redeems' assets less the basis they took
     */
    public record Position(String vault, String symbol, Amount shares, Amount value, Amount pendingDeposit,
                           Amount pendingRedeem, Amount claimableShares, Amount claimableAssets,
                           String claimableAfter, List<Activity> history, Amount costBasis, Amount unrealizedPnl,
                           Amount realizedPnl) {}

    /**
     * A request, cancel or claim this address made in the vault, or shares it sent or received;
     * requests carry the round whose close processes them, that round's price per share once it
     * closed, and what they converted to; transfers the basis that moved and the other address.
     */
    public record Activity(String time, long block, String tx, String event, Amount amount, Long round,
                           BigDecimal roundPrice, Amount converted, String counterparty) {}
}
