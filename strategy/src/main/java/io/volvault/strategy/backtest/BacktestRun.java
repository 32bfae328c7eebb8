package io.volvault.strategy.backtest;

import io.volvault.strategy.Decision;
import java.util.List;

/**
 * One strategy's path through a backtest: per-bar arrays over bars {@code from .. to - 1} of the
 * history (index 0 here is bar {@code from}), and totals.
 *
 * @param name the strategy's name in reports
 * @param from first bar of the history traded
 * @param nav NAV after the bar's trades, marked at the close, open options on the surface
 * @param intrinsicNav the same NAV with open options at intrinsic value, as the vault contract's
 *                     {@code totalAssets} marks a live round (equal to {@code nav} when none is open)
 * @param weight portfolio delta x spot / NAV after the bar's trades
 * @param shortVega the option book's vega per vol point, as a fraction of NAV (negative when short)
 * @param costs pool fees and impact, gas, and the option spread given up, in quote
 * @param premium premium received for options written, in quote
 * @param traded spot notional swapped, in quote
 * @param decisions every decision, when recorded (look-ahead tests, the keeper's replay); else empty
 */
public record BacktestRun(String name, int from, double[] nav, double[] intrinsicNav, double[] weight,
                          double[] shortVega, double costs, double premium, double traded, List<Decision> decisions) {

    public int size() {
        return nav.length;
    }
}
