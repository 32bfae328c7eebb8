package io.volvault.app.dashboard;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One address's requests, cancels, claims and share transfers in one vault, each request with the
 * round it was (or will be) processed at, and its cost basis, from the vault's events alone (pure).
 *
 * <p>A request made in round r is processed when r closes, at r's price (assets, supply):
 * deposits get assets x (supply + 10^3) / (assets + 1) shares, redeems shares x (assets + 1) /
 * (supply + 10^3) assets, both rounded down (IAsyncRoundVault.RoundPrice). Cost basis is the
 * average cost: deposits add the assets paid, a redeem removes the basis of the shares it takes in
 * proportion, and its assets less that basis are realized P&L. Shares sent to another address leave
 * at average cost (the basis falls in proportion, rounded down; nothing is realized); shares received
 * enter at the vault's share price at the block of the transfer (the index's {@code assets} of the
 * Transfer event). A round closed at a zero value (deposits refunded) is not followed, nor are claims
 * or cancelled redeems paid to an address other than the request's controller.
 */
public final class AccountLedger {

    private static final BigInteger VIRTUAL_SHARES = BigInteger.valueOf(1_000);

    /**
     * @param round      the round whose close processes (or processed) it; null for claims
     * @param roundPrice that round's price per whole share, null while it is still open
     * @param converted  what the request turned into at that price: shares for deposits, assets for
     *                   redeems; for claims what was paid; for transfers the cost basis that moved with
     *                   the shares; null while pending and for cancels
     * @param counterparty the other address of a transfer ("TransferIn" from it, "TransferOut" to it), else null
     */
    public record Entry(long block, long time, String tx, String event, Amount amount, Long round, BigDecimal roundPrice,
                        Amount converted, String counterparty) {}

    /**
     * @param entries  oldest first
     * @param shares   shares owned from processed requests (claimed or not)
     * @param cost     their cost basis in the vault's asset
     * @param realized assets received from processed redeems less the basis they took
     */
    public record Ledger(List<Entry> entries, BigInteger shares, BigInteger cost, BigInteger realized) {}

    /** Decimals and symbols of the vault's asset and shares, from the contracts' decimals(). */
    public record Units(String asset, int assetDecimals, String share, int shareDecimals) {}

    private AccountLedger() {}

    /** The ledger of {@code account} (lower-case 0x) over the vault's events in chain order. */
    public static Ledger of(List<IndexedEvent> events, String account, Units u) {
        List<Entry> entries = new ArrayList<>();
        List<Integer> open = new ArrayList<>();      // entries of the round still open, waiting for its close
        BigInteger depositPending = BigInteger.ZERO;
        BigInteger redeemPending = BigInteger.ZERO;
        BigInteger shares = BigInteger.ZERO;
        BigInteger cost = BigInteger.ZERO;
        BigInteger realized = BigInteger.ZERO;
        long round = 1;
        for (IndexedEvent e : events) {
            switch (e.name()) {
                case "DepositRequest", "DepositRequestCancelled" -> {
                    if (!account.equals(e.field("controller"))) {
                        continue;
                    }
                    BigInteger assets = e.uint("assets");
                    boolean request = e.name().equals("DepositRequest");
                    depositPending = request ? depositPending.add(assets) : depositPending.subtract(assets);
                    open.add(entries.size());
                    entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), e.name(), asset(assets, u), round, null, null, null));
                }
                case "RedeemRequest", "RedeemRequestCancelled" -> {
                    if (!account.equals(e.field("controller"))) {
                        continue;
                    }
                    BigInteger s = e.uint("shares");
                    boolean request = e.name().equals("RedeemRequest");
                    redeemPending = request ? redeemPending.add(s) : redeemPending.subtract(s);
                    open.add(entries.size());
                    entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), e.name(), share(s, u), round, null, null, null));
                }
                case "Deposit" -> {
                    if (account.equals(e.field("owner"))) {
                        entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), e.name(), share(e.uint("shares"), u),
                            null, null, asset(e.uint("assets"), u), null));
                    }
                }
                case "Withdraw" -> {
                    if (account.equals(e.field("owner"))) {
                        entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), e.name(), asset(e.uint("assets"), u),
                            null, null, share(e.uint("shares"), u), null));
                    }
                }
                case "Transfer" -> {
                    String from = e.field("from");
                    String to = e.field("to");
                    BigInteger moved = e.uint("value");
                    if (from.equals(to)) {
                        continue;
                    }
                    if (account.equals(from)) {
                        BigInteger basis = shares.signum() > 0 ? cost.multiply(moved.min(shares)).divide(shares) : BigInteger.ZERO;
                        cost = cost.subtract(basis);
                        shares = shares.subtract(moved).max(BigInteger.ZERO);
                        entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), "TransferOut", share(moved, u), null, null,
                            asset(basis, u), to));
                    } else if (account.equals(to)) {
                        BigInteger value = e.uint("assets");
                        shares = shares.add(moved);
                        cost = cost.add(value);
                        entries.add(new Entry(e.block(), e.timestamp(), e.txHash(), "TransferIn", share(moved, u), null, null,
                            asset(value, u), from));
                    }
                }
                case "RoundClosed" -> {
                    BigInteger assets = e.uint("totalAssets");
                    BigInteger supply = e.uint("totalSupply");
                    BigDecimal price = Amount.of(e.uint("pricePerShare"), u.assetDecimals(), u.asset()).value();
                    for (int i : open) {
                        Entry p = entries.get(i);
                        BigInteger raw = new BigInteger(p.amount().raw());
                        Amount converted = switch (p.event()) {
                            case "DepositRequest" -> share(toShares(raw, assets, supply), u);
                            case "RedeemRequest" -> asset(toAssets(raw, assets, supply), u);
                            default -> null;
                        };
                        entries.set(i, new Entry(p.block(), p.time(), p.tx(), p.event(), p.amount(), p.round(), price, converted,
                            null));
                    }
                    open.clear();
                    if (redeemPending.signum() > 0 && shares.signum() > 0) {
                        BigInteger basis = cost.multiply(redeemPending).divide(shares);
                        realized = realized.add(toAssets(redeemPending, assets, supply)).subtract(basis);
                        cost = cost.subtract(basis);
                        shares = shares.subtract(redeemPending);
                    }
                    if (depositPending.signum() > 0) {
                        shares = shares.add(toShares(depositPending, assets, supply));
                        cost = cost.add(depositPending);
                    }
                    depositPending = BigInteger.ZERO;
                    redeemPending = BigInteger.ZERO;
                    round = e.uint("round").longValueExact() + 1;
                }
                default -> { }
            }
        }
        return new Ledger(entries, shares, cost, realized);
    }

    static BigInteger toShares(BigInteger assets, BigInteger totalAssets, BigInteger supply) {
        return assets.multiply(supply.add(VIRTUAL_SHARES)).divide(totalAssets.add(BigInteger.ONE));
    }

    static BigInteger toAssets(BigInteger shares, BigInteger totalAssets, BigInteger supply) {
        return shares.multiply(totalAssets.add(BigInteger.ONE)).divide(supply.add(VIRTUAL_SHARES));
    }

    private static Amount asset(BigInteger raw, Units u) {
        return Amount.of(raw, u.assetDecimals(), u.asset());
    }

    private static Amount share(BigInteger raw, Units u) {
        return Amount.of(raw, u.shareDecimals(), u.share());
    }
}
