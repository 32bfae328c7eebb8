package io.volvault.app.dashboard;

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
     */
    public record Position(String vault, String symbol, Amount shares, Amount value, Amount pendingDeposit,
                           Amount pendingRedeem, Amount claimableShares, Amount claimableAssets,
                           String claimableAfter, List<Activity> history) {}

    /** A request or claim this address made in the vault. */
    public record Activity(String time, long block, String tx, String event, Amount amount) {}
}
