// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ISwapVenue} from "../interfaces/ISwapVenue.sol";
import {IOptionVault} from "../interfaces/IOptionVault.sol";

/// @dev Test-only venue that misbehaves in the chosen `mode`: LIE takes the input, pays nothing and
/// reports a large output; SKIM takes one unit less than asked and pays `payout`; REENTER calls back
/// into the vault; PAY takes the input and pays `payout` (an honest venue at a price of its choosing).
contract MaliciousVenue is ISwapVenue {
    enum Mode {
        LIE,
        SKIM,
        REENTER,
        PAY
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
        IERC20(tokenIn).transferFrom(msg.sender, address(this), mode == Mode.SKIM ? amountIn - 1 : amountIn);
        IERC20(tokenOut).transfer(to, payout);
        return payout;
    }
}
