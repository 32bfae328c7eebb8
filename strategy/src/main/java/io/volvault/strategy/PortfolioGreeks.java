package io.volvault.strategy;

import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.strategy.sizing.BookRisk;

/**
 * The portfolio's value and Greeks across spot and the short options, from the vault's side
 * (a short option contributes minus its long Greeks). Delta and gamma are per unit of base
 * (d NAV / d spot, d^2 NAV / d spot^2), vega per 1.00 of vol, theta per year.
 *
 * @param nav base x spot + quote - the options' marks
 * @param delta base units plus the options' delta
 * @param optionDelta the options' delta alone
 * @param gamma the options' gamma
 * @param horizonGamma the options' gamma over their remaining lives: sum of gamma x spot^2 x
 *     {@link BookRisk#horizon} of the years to expiry, in quote (the risk model's gamma term)
 * @param vega the options' vega
 * @param theta the options' theta
 * @param callCollateral base locked by open calls
 * @param putCollateral quote locked by open puts
 */
public record PortfolioGreeks(double nav, double delta, double optionDelta, double gamma, double horizonGamma,
                              double vega, double theta, double callCollateral, double putCollateral) {

    /** Aggregates the book, marking every open option on the market's surface. */
    public static PortfolioGreeks of(PortfolioState p, MarketState m) {
        double optionValue = 0;
        double delta = 0;
        double gamma = 0;
        double horizonGamma = 0;
        double vega = 0;
        double theta = 0;
        double callCollateral = 0;
        double putCollateral = 0;
        for (ShortOption o : p.shorts()) {
            double years = OptionMarks.yearsTo(o.expiryEpochSeconds(), m);
            if (o.type() == OptionType.CALL) {
                callCollateral += o.collateral();
            } else {
                putCollateral += o.collateral();
            }
            if (years <= 0) {
                optionValue += o.size() * OptionMarks.payoff(o.type(), o.strike(), m.spot());
                continue;
            }
            Greeks g = OptionMarks.greeks(o.type(), o.strike(), years, m);
            optionValue += o.size() * g.price();
            delta += o.size() * g.delta();
            gamma += o.size() * g.gamma();
            horizonGamma += o.size() * g.gamma() * m.spot() * m.spot()
                * BookRisk.horizon(years, m.dailyExcessKurtosis());
            vega += o.size() * g.vega();
            theta += o.size() * g.theta();
        }
        double nav = p.base() * m.spot() + p.quote() - optionValue;
        return new PortfolioGreeks(nav, p.base() - delta, -delta, -gamma, -horizonGamma, -vega, -theta,
            callCollateral, putCollateral);
    }

    /** The portfolio delta as a fraction of NAV: the spot-equivalent weight. */
    public double weight(double spot) {
        return delta * spot / nav;
    }
}
