// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice A public notebook where a keeper commits, per vault and round, to the hash of the inputs
/// its decision was made from (market data, configuration, code version) and to the hash of the
/// decision. Anyone may write; readers trust only entries whose `keeper` is the vault's keeper.
interface IKeeperLog {
    /// @notice `keeper` (the sender) recorded the inputs and decision of `vault`'s round `round`.
    event DecisionRecorded(
        address indexed vault,
        uint256 indexed round,
        address indexed keeper,
        bytes32 inputsHash,
        bytes32 decisionHash
    );

    error KeeperLogZeroVault();
    error KeeperLogZeroHash();
    error KeeperLogAlreadyRecorded(address vault, uint256 round, address keeper);

    /// @notice Records the hashes of `vault`'s round `round` under the sender's address. One entry
    /// per sender, vault and round: a sender MUST NOT rewrite what it committed to.
    function record(address vault, uint256 round, bytes32 inputsHash, bytes32 decisionHash) external;

    /// @notice The inputs hash `keeper` recorded for `vault`'s round `round`, zero if none.
    function inputsHashOf(address keeper, address vault, uint256 round) external view returns (bytes32);
}
