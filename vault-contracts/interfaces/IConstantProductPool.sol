// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ISwapVenue} from "./ISwapVenue.sol";

/// @notice A two-token constant-product (x * y = k) pool with a swap fee, Uniswap-v2 maths; a swap
/// venue by itself (no adapter).
interface IConstantProductPool is ISwapVenue {
    event LiquidityAdded(
        address indexed provider,
        address indexed to,
        uint256 baseAmount,
        uint256 quoteAmount,
        uint256 liquidity
    );
    event LiquidityRemoved(
        address indexed provider,
        address indexed to,
        uint256 baseAmount,
        uint256 quoteAmount,
        uint256 liquidity
    );
    event Swap(
        address indexed sender,
        address indexed to,
        address indexed tokenIn,
        uint256 amountIn,
        uint256 amountOut
    );
    event Sync(uint256 baseReserve, uint256 quoteReserve);

    error Expired(uint256 deadline, uint256 timestamp);
    error InsufficientOutput(uint256 amountOut, uint256 minAmountOut);
    error UnknownToken(address token);
    error ZeroAmount();
    error InsufficientLiquidityMinted(uint256 liquidity, uint256 minLiquidity);

    function feeBps() external view returns (uint16);

    function getReserves() external view returns (uint256 baseReserve, uint256 quoteReserve);

    function addLiquidity(
        uint256 baseAmount,
        uint256 quoteAmount,
        uint256 minLiquidity,
        address to,
        uint256 deadline
    ) external returns (uint256 liquidity);

    function removeLiquidity(
        uint256 liquidity,
        uint256 minBase,
        uint256 minQuote,
        address to,
        uint256 deadline
    ) external returns (uint256 baseAmount, uint256 quoteAmount);
}
