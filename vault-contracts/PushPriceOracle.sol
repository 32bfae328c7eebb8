// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";

/// @title PushPriceOracle
/// @notice A Chainlink-compatible price feed whose answers are pushed by an updater account
/// (the demo replays historical prices through it). Every push opens and completes a round,
/// stamped with the current block time. The updater changes only through the owner's timelock.
contract PushPriceOracle is AggregatorV3Interface, Timelocked {
    struct RoundData {
        int192 answer;
        uint64 updatedAt;
    }

    uint8 public immutable override decimals;
    string public override description;
    address public updater;
    uint80 public latestRound;
    mapping(uint80 => RoundData) private _rounds;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);
    event UpdaterSet(address indexed updater);

    error NotUpdater(address caller);
    error NonPositiveAnswer(int256 answer);
    error AnswerOutOfRange(int256 answer);
    error NoDataPresent(uint80 roundId);

    /// @param initialAnswer the first round's answer, published by the constructor
    constructor(
        uint8 decimals_,
        string memory description_,
        address owner_,
        address updater_,
        int256 initialAnswer,
        uint256 timelockDelay_
    ) Ownable(owner_) Timelocked(timelockDelay_) {
        decimals = decimals_;
        description = description_;
        updater = updater_;
        emit UpdaterSet(updater_);
        _publish(initialAnswer);
    }

    /// @notice Sets the account allowed to push prices. Only through the owner's timelock.
    function setUpdater(address updater_) external onlyTimelock {
        updater = updater_;
        emit UpdaterSet(updater_);
    }

    /// @notice Publishes `answer` (in `decimals`) as a new complete round updated now. Updater only.
    /// @return roundId the new round's id
    function pushPrice(int256 answer) external returns (uint80 roundId) {
        if (msg.sender != updater) revert NotUpdater(msg.sender);
        return _publish(answer);
    }

    function _publish(int256 answer) private returns (uint80 roundId) {
        if (answer <= 0) revert NonPositiveAnswer(answer);
        if (answer > type(int192).max) revert AnswerOutOfRange(answer);
        roundId = latestRound + 1;
        latestRound = roundId;
        _rounds[roundId] = RoundData(int192(answer), uint64(block.timestamp));
        emit NewRound(roundId, msg.sender, block.timestamp);
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure override returns (uint256) {
        return 1;
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId) public view override returns (uint80, int256, uint256, uint256, uint80) {
        RoundData memory data = _rounds[roundId];
        if (data.updatedAt == 0) revert NoDataPresent(roundId);
        return (roundId, data.answer, data.updatedAt, data.updatedAt, roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Before the first push this returns an all-zero round, which every consumer refuses.
    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        uint80 roundId = latestRound;
        RoundData memory data = _rounds[roundId];
        return (roundId, data.answer, data.updatedAt, data.updatedAt, roundId);
    }
}
