package io.volvault.app.dashboard;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;

/**
 * A vault's sensitivities in US dollars: the spot tokens it owns plus the options it is short.
 * Black-Scholes with no rate and no yield (the chain pays neither), the oracle's spot and the
 * implied vol the keeper recorded at the roll.
 *
 * @param deltaUsd            the spot position with the same first-order exposure, in USD (N delta S)
 * @param gammaUsdPerPct      change of {@code deltaUsd} when spot moves 1 % (N gamma S^2 / 100)
 * @param vegaUsdPerVolPoint  value change when implied vol rises one point, 0.01 (N vega / 100)
 * @param thetaUsdPerDay      value change as one calendar day passes (N theta / 365)
 */
public record DollarGreeks(double deltaUsd, double gammaUsdPerPct, double vegaUsdPerVolPoint, double thetaUsdPerDay) {

    private static final double DAYS_PER_YEAR = 365;

    /**
     * @param spotTokens  base tokens the vault owns outright (its WETH, option collateral included)
     * @param shortSize   options the vault has written and not yet settled, in base tokens (1.0 = one WETH)
     * @param yearsLeft   time to expiry in years, zero or positive
     */
    public static DollarGreeks of(OptionType type, double spot, double strike, double yearsLeft, double impliedVol,
                                  double shortSize, double spotTokens) {
        if (shortSize == 0) {
            return spotOnly(spot, spotTokens);
        }
        Greeks option = BlackScholes.greeks(new BsOption(type, spot, strike, yearsLeft, impliedVol, 0, 0));
        double n = -shortSize;
        return new DollarGreeks(
            unsignedZero((spotTokens + n * option.delta()) * spot),
            unsignedZero(n * option.gamma() * spot * spot / 100),
            unsignedZero(n * option.vega() / 100),
            unsignedZero(n * option.theta() / DAYS_PER_YEAR));
    }

    /** A short position times a zero Greek is -0.0, which would print as "-0"; adding +0.0 makes it 0. */
    private static double unsignedZero(double x) {
        return x + 0.0;
    }

    /** Greeks of the spot tokens alone: a vault between rounds. */
    public static DollarGreeks spotOnly(double spot, double spotTokens) {
        return new DollarGreeks(spotTokens * spot, 0, 0, 0);
    }
}
