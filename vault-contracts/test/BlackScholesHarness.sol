// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BlackScholes} from "../libraries/BlackScholes.sol";

/// @notice Exposes the Black-Scholes library for accuracy tests (Hardhat and the Java chain IT) and
/// for its gas (`gasPerPrice`: the gas one call of the library takes, measured inside the call).
contract BlackScholesHarness {
    function greeks(
        bool isCall,
        uint256 spot,
        uint256 strike,
        uint256 time,
        uint256 vol
    ) external pure returns (uint256 price, int256 delta, uint256 vega) {
        return BlackScholes.greeks(isCall, spot, strike, time, vol);
    }

    function gasPerPrice(
        bool isCall,
        uint256 spot,
        uint256 strike,
        uint256 time,
        uint256 vol
    ) external view returns (uint256 gasUsed, uint256 price, int256 delta, uint256 vega) {
        uint256 before = gasleft();
        (price, delta, vega) = BlackScholes.greeks(isCall, spot, strike, time, vol);
        gasUsed = before - gasleft();
    }
}
