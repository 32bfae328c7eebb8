// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISwapVenue} from "../interfaces/ISwapVenue.sol";
import {IOptionVault} from "../interfaces/IOptionVault.sol";

/// @dev Test-only venue that misbehaves in the chosen `mode`: LIE takes the input, pays nothing and
/// reports a large output; SKIM takes one unit less than asked and pays `payout`; REENTER calls back
/// into the vault (`closeRound`); PAY takes the input and pays `payout` (an honest venue at a price of its
/// choosing); REENTER_REBALANCE calls the vault's `rebalance` again (it must be the keeper to get that far).
contract MaliciousVenue is ISwapVenue {
    enum Mode {
        LIE,
        SKIM,
        REENTER,
        PAY,
        REENTER_REBALANCE
    }

    address public immutable override base;
    address public immutable override quote;
    Mode public mode;
    uint256 public payout;

    constructor(address base_, address quote_) {
        (base, quote) = (base_, quote_);
    }

    function set(Mode mode_, uint256 payout_) external {
        (mode, payout) = (mode_, payout_);
    }

    /// @dev As the vault's keeper: a rebalance of one leg through this venue.
    function rebalanceThroughMe(IOptionVault vault, uint256 amountIn, uint256 minAmountOut) external {
        IOptionVault.SwapLeg[] memory legs = new IOptionVault.SwapLeg[](1);
        legs[0] = IOptionVault.SwapLeg(address(this), amountIn, minAmountOut);
        vault.rebalance(true, legs);
    }

    function getAmountOut(address, uint256) external view override returns (uint256) {
        return payout;
    }

    function swapExactIn(
        address tokenIn,
        uint256 amountIn,
        uint256,
        address to,
        uint256
    ) external override returns (uint256) {
        address tokenOut = tokenIn == base ? quote : base;
        if (mode == Mode.LIE) {
            IERC20(tokenIn).transferFrom(msg.sender, address(this), amountIn);
            return type(uint128).max;
        }
        if (mode == Mode.REENTER) IOptionVault(msg.sender).closeRound(0);
        if (mode == Mode.REENTER_REBALANCE) IOptionVault(msg.sender).rebalance(true, new IOptionVault.SwapLeg[](0));
        IERC20(tokenIn).transferFrom(msg.sender, address(this), mode == Mode.SKIM ? amountIn - 1 : amountIn);
        IERC20(tokenOut).transfer(to, payout);
        return payout;
    }
}
