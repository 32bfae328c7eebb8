// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IConstantProductPool} from "./interfaces/IConstantProductPool.sol";

/// @title ConstantProductPool
/// @notice A base/quote spot pool keeping reserves on x * y = k with a fee taken from the input,
/// as Uniswap v2 does; liquidity providers hold this contract's ERC-20 shares.
contract ConstantProductPool is IConstantProductPool, ERC20, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Shares burned on the first deposit so the share price can never be pushed to absurd values.
    uint256 public constant MINIMUM_LIQUIDITY = 1000;
    uint256 private constant BPS = 10_000;

    address public immutable override base;
    address public immutable override quote;
    uint16 public immutable override feeBps;

    uint128 private _baseReserve;
    uint128 private _quoteReserve;

    error FeeTooHigh(uint256 feeBps);
    error SameToken();

    constructor(address base_, address quote_, uint16 feeBps_) ERC20("volvault CP pool share", "VV-CPLP") {
        if (base_ == quote_) revert SameToken();
        if (feeBps_ >= BPS) revert FeeTooHigh(feeBps_);
        base = base_;
        quote = quote_;
        feeBps = feeBps_;
    }

    modifier beforeDeadline(uint256 deadline) {
        if (block.timestamp > deadline) revert Expired(deadline, block.timestamp);
        _;
    }

    /// @notice Current reserves, in token units.
    function getReserves() external view override returns (uint256 baseReserve, uint256 quoteReserve) {
        return (_baseReserve, _quoteReserve);
    }

    /// @notice What `swapExactIn` would pay now for `amountIn` of `tokenIn`.
    function getAmountOut(address tokenIn, uint256 amountIn) public view override returns (uint256) {
        (uint256 reserveIn, uint256 reserveOut) = _orderedReserves(tokenIn);
        uint256 amountInAfterFee = amountIn * (BPS - feeBps);
        return (amountInAfterFee * reserveOut) / (reserveIn * BPS + amountInAfterFee);
    }

    /// @notice Sells exactly `amountIn` of `tokenIn` (pulled from the caller) for the other token, sent to `to`.
    /// @dev Reverts with `InsufficientOutput` below `minAmountOut` and with `Expired` after `deadline`.
    function swapExactIn(
        address tokenIn,
        uint256 amountIn,
        uint256 minAmountOut,
        address to,
        uint256 deadline
    ) external override nonReentrant beforeDeadline(deadline) returns (uint256 amountOut) {
        if (amountIn == 0) revert ZeroAmount();
        amountOut = getAmountOut(tokenIn, amountIn);
        if (amountOut == 0 || amountOut < minAmountOut) revert InsufficientOutput(amountOut, minAmountOut);
        address tokenOut = tokenIn == base ? quote : base;
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn);
        IERC20(tokenOut).safeTransfer(to, amountOut);
        _sync();
        emit Swap(msg.sender, to, tokenIn, amountIn, amountOut);
    }

    /// @notice Deposits both tokens (pulled from the caller) and mints pool shares to `to`.
    /// The first deposit sets the price; later ones mint in proportion to the smaller side.
    function addLiquidity(
        uint256 baseAmount,
        uint256 quoteAmount,
        uint256 minLiquidity,
        address to,
        uint256 deadline
    ) external override nonReentrant beforeDeadline(deadline) returns (uint256 liquidity) {
        if (baseAmount == 0 || quoteAmount == 0) revert ZeroAmount();
        uint256 supply = totalSupply();
        if (supply == 0) {
            uint256 root = Math.sqrt(baseAmount * quoteAmount);
            if (root <= MINIMUM_LIQUIDITY) revert InsufficientLiquidityMinted(0, minLiquidity);
            liquidity = root - MINIMUM_LIQUIDITY;
            _mint(address(0xdead), MINIMUM_LIQUIDITY);
        } else {
            liquidity = Math.min((baseAmount * supply) / _baseReserve, (quoteAmount * supply) / _quoteReserve);
        }
        if (liquidity == 0 || liquidity < minLiquidity) revert InsufficientLiquidityMinted(liquidity, minLiquidity);
        IERC20(base).safeTransferFrom(msg.sender, address(this), baseAmount);
        IERC20(quote).safeTransferFrom(msg.sender, address(this), quoteAmount);
        _mint(to, liquidity);
        _sync();
        emit LiquidityAdded(msg.sender, to, baseAmount, quoteAmount, liquidity);
    }

    /// @notice Burns the caller's `liquidity` shares and sends the pro-rata reserves to `to`.
    function removeLiquidity(
        uint256 liquidity,
        uint256 minBase,
        uint256 minQuote,
        address to,
        uint256 deadline
    ) external override nonReentrant beforeDeadline(deadline) returns (uint256 baseAmount, uint256 quoteAmount) {
        if (liquidity == 0) revert ZeroAmount();
        uint256 supply = totalSupply();
        baseAmount = (liquidity * _baseReserve) / supply;
        quoteAmount = (liquidity * _quoteReserve) / supply;
        if (baseAmount < minBase) revert InsufficientOutput(baseAmount, minBase);
        if (quoteAmount < minQuote) revert InsufficientOutput(quoteAmount, minQuote);
        _burn(msg.sender, liquidity);
        IERC20(base).safeTransfer(to, baseAmount);
        IERC20(quote).safeTransfer(to, quoteAmount);
        _sync();
        emit LiquidityRemoved(msg.sender, to, baseAmount, quoteAmount, liquidity);
    }

    function _orderedReserves(address tokenIn) private view returns (uint256 reserveIn, uint256 reserveOut) {
        if (tokenIn == base) return (_baseReserve, _quoteReserve);
        if (tokenIn == quote) return (_quoteReserve, _baseReserve);
        revert UnknownToken(tokenIn);
    }

    /// @dev Reserves follow the balances, so tokens sent directly are simply added to the pool.
    function _sync() private {
        uint256 baseBalance = IERC20(base).balanceOf(address(this));
        uint256 quoteBalance = IERC20(quote).balanceOf(address(this));
        _baseReserve = uint128(baseBalance);
        _quoteReserve = uint128(quoteBalance);
        emit Sync(baseBalance, quoteBalance);
    }
}
