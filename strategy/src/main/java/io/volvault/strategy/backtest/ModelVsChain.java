package io.volvault.strategy.backtest;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.ImpliedVolException;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SkewModel;
import io.volvault.greeks.surface.TermStructure;
import io.volvault.strategy.OptionMarks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each option a recorded-chain backtest sold, priced again the way the model backtest prices it:
 * {@link SkewModel} around the ATM vol that the {@link TermStructure} gives at the option's own expiry
 * from a 30-day level (DVOL, or a stated stand-in), forward = spot, Black-Scholes with r = 0, less
 * {@code premium_spread}. Both sides then settle at the same recorded index, so
 * the difference of their round P&amp;L is the difference of their premiums.
 */
public final class ModelVsChain {

    /**
     * One sale compared, per option, in USD.
     *
     * @param years time to the listed expiry at the sale
     * @param fillUsd the recorded fill (coin price x index)
     * @param markIv Deribit's mark IV; {@code fillIv} the Black-76 IV of the fill on the forward (NaN
     *               when the fill is below the forward's intrinsic value)
     * @param modelAtm the model's ATM level and {@code modelSource} where it came from
     * @param modelIv the model's IV at the strike; {@code modelPremiumUsd} its premium after the spread
     * @param payoffUsd the payoff at settlement (NaN while still open at the end)
     */
    public record Row(ChainTrade sale, OptionType type, double strike, double years, double forward,
                      double fillUsd, double markIv, double fillIv, double modelAtm, String modelSource,
                      double modelIv, double modelPremiumUsd, double payoffUsd) {

        public double premiumRatio() {
            return modelPremiumUsd / fillUsd;
        }

        public double realPnlUsd() {
            return fillUsd - payoffUsd;
        }

        public double modelPnlUsd() {
            return modelPremiumUsd - payoffUsd;
        }
    }

    /** The model's ATM level at a snapshot and its origin. */
    public record Atm(double vol, String source) {}

    private ModelVsChain() {}

    /**
     * @param atm the model's 30-day ATM level at each snapshot of {@code market}
     * @param term the model backtest's term structure from that level to each option's expiry
     * @param premiumSpread the model backtest's haircut ({@code options.premium_spread})
     */
    public static List<Row> compare(ChainBacktester.ChainRun run, ChainMarket market, List<Atm> atm,
                                    SkewModel skew, TermStructure term, double premiumSpread) {
        Map<Long, Integer> dayAt = new HashMap<>();
        for (int i = 0; i < market.days().size(); i++) {
            dayAt.put(market.days().get(i).epochSeconds(), i);
        }
        Map<String, Double> payoffs = new HashMap<>();
        for (ChainTrade t : run.trades()) {
            if (t.side().equals(ChainTrade.SETTLE)) {
                payoffs.put(t.instrument(), t.priceUsd());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ChainTrade t : run.trades()) {
            if (!t.side().equals(ChainTrade.SELL)) {
                continue;
            }
            int i = dayAt.get(t.epochSeconds());
            ChainDay day = market.days().get(i);
            ChainOption o = day.options().stream().filter(c -> c.instrument().equals(t.instrument())).findFirst()
                .orElseThrow();
            double years = (o.expiryEpochSeconds() - day.epochSeconds()) / OptionMarks.SECONDS_PER_YEAR;
            double spot = day.index();
            double modelIv = skew.slice(atm.get(i).vol(), spot, years, term).iv(o.strike());
            double model = BlackScholes.greeks(new BsOption(o.type(), spot, o.strike(), years, modelIv, 0, 0)).price()
                * (1 - premiumSpread);
            double fillIv;
            try {
                fillIv = ImpliedVol.black76(o.type(), t.priceUsd() / o.index() * o.forward(), o.forward(), o.strike(),
                    years, 0);
            } catch (ImpliedVolException belowIntrinsic) {
                fillIv = Double.NaN;
            }
            rows.add(new Row(t, o.type(), o.strike(), years, o.forward(), t.priceUsd(), o.markIv(), fillIv,
                atm.get(i).vol(), atm.get(i).source(), modelIv, model,
                payoffs.getOrDefault(t.instrument(), Double.NaN)));
        }
        return rows;
    }
}
