// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ShareMath
/// @notice Conversions between assets and shares at a price (assets, supply), with 10^3 virtual
/// shares and 1 virtual asset: the first-depositor inflation attack costs far more than it takes.
library ShareMath {
    uint256 internal constant VIRTUAL_SHARES = 1e3;

    /// @dev Shares `assets` buy at (totalAssets, supply), rounded down.
    function toShares(uint256 assets, uint256 totalAssets, uint256 supply) internal pure returns (uint256) {
        return Math.mulDiv(assets, supply + VIRTUAL_SHARES, totalAssets + 1);
    }

    /// @dev Assets `shares` are worth at (totalAssets, supply), rounded down.
    function toAssets(uint256 shares, uint256 totalAssets, uint256 supply) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets + 1, supply + VIRTUAL_SHARES);
    }
}
