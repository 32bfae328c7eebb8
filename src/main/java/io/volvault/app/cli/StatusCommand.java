package io.volvault.app.cli;

import io.volvault.app.UserInputException;
import io.volvault.app.dashboard.AccountView;
import io.volvault.app.dashboard.Addresses;
import io.volvault.app.dashboard.Dashboard;
import io.volvault.app.dashboard.DashboardJson;
import io.volvault.app.dashboard.DollarGreeks;
import io.volvault.app.dashboard.VaultView;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code volvault status}: the dashboard's facts in the terminal. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
        "Prints what the dashboard shows: each vault's TVL, share price, round, option, dollar Greeks,",
        "realized vs target vol, fees, recent share prices and keeper actions; with --address, that",
        "account's position. --json prints the API's JSON ({\"vaults\": [...], \"account\": {...}})."})
public final class StatusCommand implements Callable<Integer> {

    private static final int HISTORY_SHOWN = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DashboardCommand.ChainOptions chain;

    @Option(names = "--address", paramLabel = "A", description = "Also show this account's position in every vault.")
    String address;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        String accountAddress = address == null ? null : Addresses.parse("--address", address);
        try (Dashboard dashboard = chain.open()) {
            List<VaultView> vaults = dashboard.facts().vaults();
            AccountView account = accountAddress == null ? null : dashboard.facts().account(accountAddress)
                .orElseThrow(() -> new UserInputException("--address " + address
                    + ": no position and no history in any vault of this deployment"));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("vaults", vaults);
                if (account != null) {
                    answer.put("account", account);
                }
                out.println(DashboardJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
            } else {
                vaults.forEach(v -> printVault(out, v));
                if (account != null) {
                    printAccount(out, account);
                }
            }
            out.flush();
            return 0;
        }
    }

    private static void printVault(PrintWriter out, VaultView v) {
        out.printf("%s (%s, %s) %s%n", v.name(), v.symbol(), v.kind(), v.address());
        out.printf("  round %d   chain time %s   oracle %s USD%n", v.round(), v.chainTime(), v.oraclePriceUsd().toPlainString());
        out.printf("  TVL %s   share price %s   supply %s%n", v.tvl(), v.sharePrice(), v.totalSupply());
        VaultView.Option o = v.option();
        if (o == null) {
            out.println("  option: none written this round");
        } else {
            out.printf("  option: %s strike %s USD, expiry %s (%s left), sold %s (%s unsold), premium %s%n",
                o.type(), o.strikeUsd().toPlainString(), o.expiry(), o.timeLeft(), o.size(), o.unsold(), o.premium());
            out.printf("          strike/spot %.4f (%s), implied vol %s %%%n",
                o.strikeOverSpot(), o.moneyness(), o.impliedVol().movePointRight(2).stripTrailingZeros().toPlainString());
        }
        DollarGreeks g = v.greeks();
        out.printf("  greeks (USD): delta %,.2f   gamma %,.2f per 1%% move   vega %,.2f per vol point   theta %,.2f per day%n",
            g.deltaUsd(), g.gammaUsdPerPct(), g.vegaUsdPerVolPoint(), g.thetaUsdPerDay());
        VaultView.Volatility vol = v.volatility();
        out.printf("  realized vol %s vs target %.2f %% (%s)%n",
            vol.realized() == null ? "n/a" : String.format("%.2f %%", vol.realized() * 100), vol.target() * 100, vol.note());
        VaultView.Fees f = v.fees();
        out.printf("  fees: management %d bps/yr, performance %d bps; accrued %s, charged %s, claimed %s%n",
            f.managementBps(), f.performanceBps(), f.accrued(), f.charged(), f.claimed());
        List<VaultView.PricePoint> history = v.priceHistory();
        for (VaultView.PricePoint p : history.subList(Math.max(0, history.size() - HISTORY_SHOWN), history.size())) {
            out.printf("  round %d closed %s: price per share %s %s%n", p.round(), p.time(), p.price().toPlainString(), v.asset());
        }
        for (VaultView.KeeperAction a : v.keeperActions().subList(0, Math.min(HISTORY_SHOWN, v.keeperActions().size()))) {
            out.printf("  keeper %s %s: %s%s%n", a.time(), a.action(), a.detail(), a.reason() == null ? "" : " -- " + a.reason());
        }
        out.println();
    }

    private static void printAccount(PrintWriter out, AccountView account) {
        out.printf("account %s (chain time %s)%n", account.address(), account.chainTime());
        for (AccountView.Position p : account.positions()) {
            out.printf("  %s: %s worth %s; pending deposit %s, pending redeem %s; claimable %s and %s%s%n",
                p.symbol(), p.shares(), p.value(), p.pendingDeposit(), p.pendingRedeem(), p.claimableShares(),
                p.claimableAssets(), p.claimableAfter() == null ? "" : "; pending becomes claimable at " + p.claimableAfter());
        }
    }
}
