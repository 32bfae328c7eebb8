// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A place the vault can swap its two tokens at: our constant-product pool, or an adapter in
/// front of another AMM. The vault trusts a venue with nothing but the exact `amountIn` it approves
/// for one call: it measures what left and what arrived itself (`OptionVault.rebalance`).
interface ISwapVenue {
    /// @notice The market's base token (e.g. WETH).
    function base() external view returns (address);

    /// @notice The market's quote token (e.g. USDC).
    function quote() external view returns (address);

    /// @notice What `swapExactIn` would pay now for `amountIn` of `tokenIn` (fees and price impact
    /// included). May change state and revert to compute it (Uniswap's quoter does): call it with
    /// `eth_call`.
    function getAmountOut(address tokenIn, uint256 amountIn) external returns (uint256 amountOut);

    /// @notice Sells exactly `amountIn` of `tokenIn`, pulled from the caller, for the other token sent
    /// to `to`; reverts below `minAmountOut` or after `deadline`.
    function swapExactIn(
        address tokenIn,
        uint256 amountIn,
        uint256 minAmountOut,
        address to,
        uint256 deadline
    ) external returns (uint256 amountOut);
}
