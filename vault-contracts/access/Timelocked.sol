// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @dev The shortest owner delay any volvault contract accepts: a round lasts at most 35 days
/// (`OptionVault.MAX_ROUND_DURATION`), anyone may close it 1 day after expiry (`CLOSE_GRACE`),
/// and a depositor who sees a change scheduled gets 2 more days to request and claim a redeem.
uint256 constant MIN_TIMELOCK_DELAY = 38 days;

/// @title Timelocked
/// @notice Owner powers that take effect only `timelockDelay` after they were scheduled, in public:
/// the owner schedules the exact call data, anyone can read it from `CallScheduled`, and the owner
/// executes it once the delay passed. Functions guarded by `onlyTimelock` can only be reached this way.
/// @dev A self-call rather than OpenZeppelin's TimelockController as owner: the delay is an immutable
/// checked in code against the round ceiling above, which no external owner contract can promise.
abstract contract Timelocked is Ownable {
    /// @notice Seconds between `schedule` and the earliest `execute` of a call.
    uint256 public immutable timelockDelay;
    /// @notice When a scheduled call (by `keccak256` of its data) may run; 0 when not scheduled.
    mapping(bytes32 id => uint256) public readyAt;

    event CallScheduled(bytes32 indexed id, bytes data, uint256 readyAt);
    event CallCancelled(bytes32 indexed id);
    event CallExecuted(bytes32 indexed id, bytes data);

    error TimelockDelayTooShort(uint256 delay, uint256 minimum);
    error TimelockOnly(address caller);
    error CallAlreadyScheduled(bytes32 id);
    error CallNotScheduled(bytes32 id);
    error CallNotReady(bytes32 id, uint256 readyAt, uint256 timestamp);

    constructor(uint256 delay) {
        if (delay < MIN_TIMELOCK_DELAY) revert TimelockDelayTooShort(delay, MIN_TIMELOCK_DELAY);
        timelockDelay = delay;
    }

    modifier onlyTimelock() {
        if (msg.sender != address(this)) revert TimelockOnly(msg.sender);
        _;
    }

    /// @notice Schedules a call of one of this contract's `onlyTimelock` functions. Owner only.
    function schedule(bytes calldata data) external onlyOwner returns (bytes32 id) {
        id = keccak256(data);
        if (readyAt[id] != 0) revert CallAlreadyScheduled(id);
        uint256 ready = block.timestamp + timelockDelay;
        readyAt[id] = ready;
        emit CallScheduled(id, data, ready);
    }

    /// @notice Drops a scheduled call. Owner only.
    function cancel(bytes calldata data) external onlyOwner {
        bytes32 id = keccak256(data);
        if (readyAt[id] == 0) revert CallNotScheduled(id);
        delete readyAt[id];
        emit CallCancelled(id);
    }

    /// @notice Runs a scheduled call whose delay has passed, once. Owner only.
    function execute(bytes calldata data) external onlyOwner {
        bytes32 id = keccak256(data);
        uint256 ready = readyAt[id];
        if (ready == 0) revert CallNotScheduled(id);
        if (block.timestamp < ready) revert CallNotReady(id, ready, block.timestamp);
        delete readyAt[id];
        (bool ok, bytes memory result) = address(this).call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(result, 0x20), mload(result))
            }
        }
        emit CallExecuted(id, data);
    }
}
