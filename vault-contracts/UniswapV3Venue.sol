// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IUniswapV3Factory} from "@uniswap/v3-core/contracts/interfaces/IUniswapV3Factory.sol";
import {IUniswapV3Pool} from "@uniswap/v3-core/contracts/interfaces/IUniswapV3Pool.sol";
import {IQuoterV2} from "@uniswap/v3-periphery/contracts/interfaces/IQuoterV2.sol";
import {ISwapRouter} from "@uniswap/v3-periphery/contracts/interfaces/ISwapRouter.sol";
import {ISwapVenue} from "./interfaces/ISwapVenue.sol";

/// @title UniswapV3Venue
/// @notice A swap venue in front of one Uniswap v3 pool (a base/quote pair at one fee tier): quotes
/// through Uniswap's QuoterV2, swaps exact-in through its SwapRouter with the caller's minimum out
/// and deadline. It holds nothing between calls.
contract UniswapV3Venue is ISwapVenue {
    using SafeERC20 for IERC20;

    address public immutable override base;
    address public immutable override quote;
    /// @notice The pool's fee tier in hundredths of a basis point (500 = 0.05 %).
    uint24 public immutable fee;
    ISwapRouter public immutable router;
    IQuoterV2 public immutable quoter;
    IUniswapV3Pool public immutable pool;

    error PoolNotFound(address base, address quote, uint24 fee);
    error UnknownToken(address token);

    constructor(
        ISwapRouter router_,
        IQuoterV2 quoter_,
        IUniswapV3Factory factory,
        address base_,
        address quote_,
        uint24 fee_
    ) {
        address found = factory.getPool(base_, quote_, fee_);
        if (found == address(0)) revert PoolNotFound(base_, quote_, fee_);
        (base, quote, fee) = (base_, quote_, fee_);
        (router, quoter, pool) = (router_, quoter_, IUniswapV3Pool(found));
    }

    /// @inheritdoc ISwapVenue
    function getAmountOut(address tokenIn, uint256 amountIn) external override returns (uint256 amountOut) {
        (amountOut, , , ) = quoter.quoteExactInputSingle(
            IQuoterV2.QuoteExactInputSingleParams(tokenIn, _other(tokenIn), amountIn, fee, 0)
        );
    }

    /// @inheritdoc ISwapVenue
    function swapExactIn(
        address tokenIn,
        uint256 amountIn,
        uint256 minAmountOut,
        address to,
        uint256 deadline
    ) external override returns (uint256 amountOut) {
        address tokenOut = _other(tokenIn);
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn);
        IERC20(tokenIn).forceApprove(address(router), amountIn);
        amountOut = router.exactInputSingle(
            ISwapRouter.ExactInputSingleParams(tokenIn, tokenOut, fee, to, deadline, amountIn, minAmountOut, 0)
        );
    }

    /// @notice The pool's price (sqrt of token1 per token0 in raw units, Q64.96), tick, in-range
    /// liquidity, and whether the base token is token0: what the keeper's cost model reads.
    function poolState()
        external
        view
        returns (uint160 sqrtPriceX96, int24 tick, uint128 liquidity, bool baseIsToken0)
    {
        (sqrtPriceX96, tick, , , , , ) = pool.slot0();
        liquidity = pool.liquidity();
        baseIsToken0 = pool.token0() == base;
    }

    function _other(address tokenIn) private view returns (address) {
        if (tokenIn == base) return quote;
        if (tokenIn == quote) return base;
        revert UnknownToken(tokenIn);
    }
}
