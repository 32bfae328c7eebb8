// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title OptionMath
/// @notice The one collateral and payout formula of the volvault options, used by `Options` (which
/// holds the collateral and pays holders) and the vault (which values its short position), and the
/// oracle-price conversions between the base and the quote token.
/// Prices and strikes carry 8 decimals (USD per base token); sizes are base-token units.
/// A call locks one base per option and pays (S - K) / S base; a put locks K quote and pays K - S quote.
library OptionMath {
    uint256 internal constant PRICE_UNIT = 1e8;

    /// @notice The token units of the market: 10^decimals of base and quote.
    struct Units {
        uint256 base;
        uint256 quote;
    }

    /// @dev Collateral for `size` options: `size` base for a call, size x strike quote (rounded up) for a put.
    function collateral(bool isCall, uint256 strike, uint256 size, Units memory u) internal pure returns (uint256) {
        return isCall ? size : Math.mulDiv(size, strike * u.quote, u.base * PRICE_UNIT, Math.Rounding.Ceil);
    }

    /// @dev What `size` options pay at `price`, in the collateral token, with the caller's rounding:
    /// down for what a holder gets, up for what is reserved for holders.
    function payout(
        bool isCall,
        uint256 strike,
        uint256 price,
        uint256 size,
        Units memory u,
        Math.Rounding rounding
    ) internal pure returns (uint256) {
        if (isCall) return price > strike ? Math.mulDiv(size, price - strike, price, rounding) : 0;
        return strike > price ? Math.mulDiv(size, (strike - price) * u.quote, u.base * PRICE_UNIT, rounding) : 0;
    }

    /// @dev Base units worth `amount` quote units at `price`, rounded down.
    function quoteToBase(uint256 amount, uint256 price, Units memory u) internal pure returns (uint256) {
        return Math.mulDiv(amount, u.base * PRICE_UNIT, price * u.quote);
    }

    /// @dev Quote units worth `amount` base units at `price`, rounded down.
    function baseToQuote(uint256 amount, uint256 price, Units memory u) internal pure returns (uint256) {
        return Math.mulDiv(amount, price * u.quote, u.base * PRICE_UNIT);
    }
}
