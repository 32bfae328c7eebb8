package io.volvault.app.demo;

import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.keeper.VaultSnapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The depositors' comings and goings during a replay, through the ERC-7540 request/claim flow:
 * Alice (covered-call vault) and Bob (put vault) fund the vaults on the first bar and claim their
 * shares after the first round closes; Carol adds a fifth of that a third of the way in; Bob
 * redeems a quarter of his shares two thirds of the way in and collects after the next close.
 */
final class Depositors {


    private final ChainActors actors;
    private final ReplayHistory history;
    private final int carolDeposits;
    private final int bobRedeems;
    private final int settleDelay;

    Depositors(ChainActors actors, ReplayHistory history, int tradedBars) {
        this.actors = actors;
        this.history = history;
        this.carolDeposits = tradedBars / 3;
        this.bobRedeems = 2 * tradedBars / 3;
        // A request is processed at the next round close: a round lasts at most a week.
        this.settleDelay = 8 * (history.hourly() ? 24 : 1);
    }

    /** Acts on traded bar {@code k} (0 = the first traded bar), before the keeper's tick. */
    void act(int k) throws Exception {
        double spot = history.close(history.firstTraded() + k);
        if (k == 0) {
            requestDeposits(ChainActors.ALICE, ChainActors.BOB, DemoRun.DEPOSIT_USD, spot);
        }
        if (k == 1) {
            claimShares(ChainActors.ALICE);
            claimShares(ChainActors.BOB);
        }
        if (k == carolDeposits) {
            requestDeposits(ChainActors.CAROL, ChainActors.CAROL, DemoRun.DEPOSIT_USD / 5, spot);
        }
        if (k == carolDeposits + settleDelay) {
            claimShares(ChainActors.CAROL);
        }
        if (k == bobRedeems) {
            OptionVault put = actors.putVault(ChainActors.BOB);
            BigInteger shares = put.balanceOf(ChainActors.address(ChainActors.BOB)).send().divide(BigInteger.valueOf(4));
            if (shares.signum() > 0) {
                put.requestRedeem(shares, ChainActors.address(ChainActors.BOB), ChainActors.address(ChainActors.BOB)).send();
            }
        }
        if (k == bobRedeems + settleDelay) {
            OptionVault put = actors.putVault(ChainActors.BOB);
            String bob = ChainActors.address(ChainActors.BOB);
            BigInteger redeemable = put.maxRedeem(bob).send();
            if (redeemable.signum() > 0) {
                put.redeem(redeemable, bob, bob).send();
            }
        }
    }

    private void requestDeposits(int callDepositor, int putDepositor, double usd, double spot) throws Exception {
        VaultSnapshot.Units units = actors.units();
        BigInteger base = BigDecimal.valueOf(usd / spot).setScale(6, RoundingMode.DOWN).multiply(new BigDecimal(units.base()))
            .setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        String c = ChainActors.address(callDepositor);
        actors.callVault(callDepositor).requestDeposit(base, c, c).send();
        String p = ChainActors.address(putDepositor);
        actors.putVault(putDepositor).requestDeposit(BigInteger.valueOf((long) usd).multiply(units.quote()), p, p).send();
    }

    /** Claims whatever shares the last close made claimable, in both vaults. */
    private void claimShares(int depositor) throws Exception {
        String who = ChainActors.address(depositor);
        for (OptionVault v : new OptionVault[] {actors.callVault(depositor), actors.putVault(depositor)}) {
            BigInteger claimable = v.maxDeposit(who).send();
            if (claimable.signum() > 0) {
                v.deposit(claimable, who, who).send();
            }
        }
    }
}
