package io.volvault.app.demo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;

/**
 * What a demo replay ends with: one row per vault, measured on chain, next to the backtest of the
 * same bars and configuration. {@link #toJson()} prints the documented fields only.
 *
 * @param assetMaxDrawdown the largest fall of the asset's price over the traded bars
 * @param days             days replayed
 */
public record DemoSummary(List<VaultResult> vaults, @JsonProperty("asset_max_drawdown") double assetMaxDrawdown,
                          int days) {

    /**
     * One vault at the end of the replay.
     *
     * @param sharePrice  the vault's asset per whole share (ERC-4626 convertToAssets), WETH or USDC
     * @param nav         net asset value in USD at the last close
     * @param premium     option premium the auctions paid the vault, in USD at the sale's close
     * @param rounds      option rounds opened
     * @param realizedVol annualised volatility of the USD value per share, per bar
     * @param maxDrawdown largest fall of the USD value per share
     * @param backtest    the backtester on the same bars and configuration
     */
    public record VaultResult(
        String name,
        String kind,
        @JsonProperty("share_price") double sharePrice,
        double nav,
        double premium,
        int rounds,
        @JsonProperty("realized_vol") double realizedVol,
        @JsonProperty("target_vol") double targetVol,
        @JsonProperty("max_drawdown") double maxDrawdown,
        @JsonIgnore Comparison backtest) {}

    /**
     * The same period on chain and in the backtester, as growth of USD value per share over the
     * traded bars, its realized vol and its max drawdown. The backtest's figures are of its NAV
     * marked as the vault contract marks it (a live option at intrinsic value, as
     * {@code totalAssets} does), so the two sides are measured on one convention;
     * {@code backtestSurfaceVol} is the backtester's own figure, live options marked on the surface.
     * The two marks meet at every expiry, so growth over whole rounds hardly depends on the choice;
     * realized vol and drawdown do, most on hourly bars (README, "The demo").
     */
    public record Comparison(double chainGrowth, double backtestGrowth, double chainVol, double backtestVol,
                             double chainDrawdown, double backtestDrawdown, double backtestSurfaceVol) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo summary as JSON: " + e.getMessage(), e);
        }
    }

    /** The tables the demo prints: the vaults, then each vault against its backtest. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-18s %-17s %12s %15s %13s %7s %13s %7s %8s%n", "vault", "kind",
            "share price", "NAV (USD)", "premium (USD)", "rounds", "realized vol", "target", "max DD"));
        for (VaultResult v : vaults) {
            out.append(String.format(Locale.ROOT, "%-18s %-17s %12.6f %,15.2f %,13.2f %7d %12.2f%% %6.1f%% %7.2f%%%n",
                v.name(), v.kind(), v.sharePrice(), v.nav(), v.premium(), v.rounds(), 100 * v.realizedVol(),
                100 * v.targetVol(), 100 * v.maxDrawdown()));
        }
        out.append(String.format(Locale.ROOT, "asset max drawdown %.2f%% over %d days%n%n", 100 * assetMaxDrawdown, days));
        out.append(String.format(Locale.ROOT, "%-18s %14s %14s %12s %12s %12s %12s %15s%n", "chain vs backtest",
            "growth chain", "growth bt", "vol chain", "vol bt", "max DD chain", "max DD bt", "vol bt surface"));
        for (VaultResult v : vaults) {
            Comparison c = v.backtest();
            out.append(String.format(Locale.ROOT, "%-18s %13.4f%% %13.4f%% %11.2f%% %11.2f%% %11.2f%% %11.2f%% %14.2f%%%n",
                v.name(), 100 * (c.chainGrowth() - 1), 100 * (c.backtestGrowth() - 1), 100 * c.chainVol(),
                100 * c.backtestVol(), 100 * c.chainDrawdown(), 100 * c.backtestDrawdown(),
                100 * c.backtestSurfaceVol()));
        }
        out.append("(bt: live options at intrinsic value, as the vault contract marks them; "
            + "vol bt surface: marked on the surface)").append(System.lineSeparator());
        return out.toString();
    }
}
