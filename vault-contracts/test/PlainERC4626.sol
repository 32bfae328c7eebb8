// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice OpenZeppelin's plain ERC-4626 vault, the gas peer of the vault's deposit.
contract PlainERC4626 is ERC4626 {
    constructor(IERC20 asset_) ERC20("Plain ERC4626", "P4626") ERC4626(asset_) {}
}
