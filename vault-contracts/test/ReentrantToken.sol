// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A hostile ERC-20 that, once armed, calls back into a target (the vault) from inside
/// every transfer, the way a token with transfer hooks could.
contract ReentrantToken is ERC20 {
    address public target;
    bytes public callData;
    bool public reentered;
    bytes public revertData;

    constructor() ERC20("Reentrant", "RE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata callData_) external {
        target = target_;
        callData = callData_;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        address t = target;
        if (t != address(0)) {
            target = address(0); // one attempt per arming
            (bool ok, bytes memory data) = t.call(callData);
            reentered = ok;
            revertData = data;
            if (!ok) {
                assembly {
                    revert(add(data, 32), mload(data))
                }
            }
        }
    }
}
