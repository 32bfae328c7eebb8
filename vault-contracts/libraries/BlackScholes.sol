// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {FixedPointMathLib} from "solady/src/utils/FixedPointMathLib.sol";

/// @title BlackScholes
/// @notice Black-Scholes price, delta and vega of a European option with zero rate and zero yield,
/// in 18-decimal fixed point ("wad"). exp, ln and sqrt come from Solady's FixedPointMathLib; the
/// normal tail is Hart's double-precision rational approximation (as given by G. West, "Better
/// approximations to cumulative normal functions", 2005), whose absolute error is below 1e-14.
/// Units: spot and strike in any one currency per underlying (wad), time in years (wad), vol a year
/// (1e18 = 100 %); price in that currency per underlying, delta per underlying (signed, -1e18..1e18),
/// vega in that currency per underlying per 1.00 of vol (the Java `greeks` module's units).
library BlackScholes {
    uint256 internal constant WAD = 1e18;
    /// @dev Inputs beyond these make no sense for the vault and keep every product inside 256 bits.
    uint256 internal constant MAX_PRICE = 1e36;
    uint256 internal constant MAX_TIME = 10e18;
    uint256 internal constant MAX_VOL = 10e18;
    int256 private constant SQRT_2PI = 2_506628274631000502;
    int256 private constant TAIL_CUTOFF = 37e18; // N(-37) < 1e-299: zero in wad
    int256 private constant RATIONAL_LIMIT = 7_071067811865470000; // 10 / sqrt(2)

    error BlackScholesInvalidInput(uint256 spot, uint256 strike, uint256 time, uint256 vol);

    /// @return price the option's value
    /// @return delta dPrice/dSpot (wad; negative for puts)
    /// @return vega dPrice/dVol per 1.00 of vol
    function greeks(
        bool isCall,
        uint256 spot,
        uint256 strike,
        uint256 time,
        uint256 vol
    ) internal pure returns (uint256 price, int256 delta, uint256 vega) {
        if (
            spot == 0 ||
            strike == 0 ||
            time == 0 ||
            vol == 0 ||
            spot > MAX_PRICE ||
            strike > MAX_PRICE ||
            time > MAX_TIME ||
            vol > MAX_VOL
        ) revert BlackScholesInvalidInput(spot, strike, time, vol);
        (int256 d1, int256 d2, uint256 sqrtTime) = _d1d2(spot, strike, time, vol);
        price = _price(isCall, spot, strike, d1, d2);
        delta = isCall ? int256(WAD - _tailAbove(d1)) : -int256(_tailAbove(d1));
        vega = (((spot * uint256(_density(d1))) / WAD) * sqrtTime) / WAD;
    }

    function _d1d2(
        uint256 spot,
        uint256 strike,
        uint256 time,
        uint256 vol
    ) private pure returns (int256 d1, int256 d2, uint256 sqrtTime) {
        sqrtTime = FixedPointMathLib.sqrtWad(time);
        int256 stdDev = int256((vol * sqrtTime) / WAD);
        if (stdDev == 0) revert BlackScholesInvalidInput(spot, strike, time, vol);
        int256 logMoneyness = FixedPointMathLib.lnWad(int256((spot * WAD) / strike));
        d1 = ((logMoneyness + (stdDev * stdDev) / (2 * int256(WAD))) * int256(WAD)) / stdDev;
        d2 = d1 - stdDev;
    }

    /// @dev S N(d1) - K N(d2) for a call, K N(-d2) - S N(-d1) for a put; each N from the accurate
    /// tail side so that small values keep their digits. Rounding can only make it negative at 0.
    function _price(bool isCall, uint256 spot, uint256 strike, int256 d1, int256 d2) private pure returns (uint256) {
        uint256 plus;
        uint256 minus;
        if (isCall) {
            (plus, minus) = ((spot * (WAD - _tailAbove(d1))) / WAD, (strike * (WAD - _tailAbove(d2))) / WAD);
        } else {
            (plus, minus) = ((strike * _tailAbove(d2)) / WAD, (spot * _tailAbove(d1)) / WAD);
        }
        return plus > minus ? plus - minus : 0;
    }

    /// @dev N(-x) = 1 - N(x), wad, for any x.
    function _tailAbove(int256 x) private pure returns (uint256) {
        return x >= 0 ? _tail(x) : WAD - _tail(-x);
    }

    /// @dev The standard normal density at x, wad.
    function _density(int256 x) private pure returns (int256) {
        if (x > TAIL_CUTOFF || x < -TAIL_CUTOFF) return 0;
        return (FixedPointMathLib.expWad(-((x * x) / int256(2 * WAD))) * int256(WAD)) / SQRT_2PI;
    }

    /// @dev N(-x) for x >= 0, wad: Hart's rational function below 10/sqrt(2), a continued fraction above.
    function _tail(int256 x) private pure returns (uint256) {
        if (x > TAIL_CUTOFF) return 0;
        int256 w = int256(WAD);
        int256 e = FixedPointMathLib.expWad(-((x * x) / (2 * w)));
        int256 r;
        if (x < RATIONAL_LIMIT) {
            int256 num = 35262496599891100;
            num = (num * x) / w + 700383064443688000;
            num = (num * x) / w + 6373962203531650000;
            num = (num * x) / w + 33912866078383000000;
            num = (num * x) / w + 112079291497871000000;
            num = (num * x) / w + 221213596169931000000;
            num = (num * x) / w + 220206867912376000000;
            int256 den = 88388347648318400;
            den = (den * x) / w + 1755667163182640000;
            den = (den * x) / w + 16064177579207000000;
            den = (den * x) / w + 86780732202946100000;
            den = (den * x) / w + 296564248779674000000;
            den = (den * x) / w + 637333633378831000000;
            den = (den * x) / w + 793826512519948000000;
            den = (den * x) / w + 440413735824752000000;
            r = (e * num) / den;
        } else {
            int256 b = x + 650000000000000000;
            b = x + (4 * w * w) / b;
            b = x + (3 * w * w) / b;
            b = x + (2 * w * w) / b;
            b = x + (w * w) / b;
            r = (((e * w) / b) * w) / 2_506628274631000000;
        }
        return uint256(r);
    }
}
