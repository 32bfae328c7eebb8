// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IKeeperLog} from "./interfaces/IKeeperLog.sol";

/// @title KeeperLog
/// @notice The keeper's proof of backtest: per round, the hash of what it decided from. Separate
/// from the vaults so that recording needs no vault change and no vault permission.
contract KeeperLog is IKeeperLog {
    mapping(address keeper => mapping(address vault => mapping(uint256 round => bytes32 inputsHash))) private _inputs;

    /// @inheritdoc IKeeperLog
    function record(address vault, uint256 round, bytes32 inputsHash, bytes32 decisionHash) external override {
        if (vault == address(0)) revert KeeperLogZeroVault();
        if (inputsHash == bytes32(0) || decisionHash == bytes32(0)) revert KeeperLogZeroHash();
        if (_inputs[msg.sender][vault][round] != bytes32(0)) {
            revert KeeperLogAlreadyRecorded(vault, round, msg.sender);
        }
        _inputs[msg.sender][vault][round] = inputsHash;
        emit DecisionRecorded(vault, round, msg.sender, inputsHash, decisionHash);
    }

    /// @inheritdoc IKeeperLog
    function inputsHashOf(address keeper, address vault, uint256 round) external view override returns (bytes32) {
        return _inputs[keeper][vault][round];
    }
}
