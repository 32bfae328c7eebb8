// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IOptionVault} from "../interfaces/IOptionVault.sol";

/// @notice An auction buyer that tries to buy again from inside the option-token receipt hook.
contract ReentrantBuyer is IERC1155Receiver {
    IOptionVault public immutable vault;

    constructor(IOptionVault vault_) {
        vault = vault_;
    }

    function attack(IERC20 premiumToken, uint256 size, uint256 maxPremium) external {
        premiumToken.approve(address(vault), type(uint256).max);
        vault.buyOptions(size, maxPremium);
    }

    function onERC1155Received(address, address, uint256, uint256 value, bytes calldata) external returns (bytes4) {
        vault.buyOptions(value, type(uint256).max);
        return this.onERC1155Received.selector;
    }

    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external pure returns (bytes4) {
        return this.onERC1155BatchReceived.selector;
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || interfaceId == type(IERC165).interfaceId;
    }
}
