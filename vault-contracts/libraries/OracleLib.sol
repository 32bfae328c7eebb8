// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";

/// @title OracleLib
/// @notice The single way contracts read a price: an answer that is positive, from a complete
/// round and no older than the heartbeat, or a revert naming what was wrong.
library OracleLib {
    error OracleNonPositiveAnswer(int256 answer);
    error OracleIncompleteRound(uint80 roundId, uint80 answeredInRound, uint256 updatedAt);
    error OracleStaleAnswer(uint256 updatedAt, uint256 heartbeat, uint256 timestamp);

    /// @return price the answer, in the feed's decimals
    /// @return updatedAt when it was last updated
    /// @return roundId the round it came from
    function freshPrice(
        AggregatorV3Interface feed,
        uint256 heartbeat
    ) internal view returns (uint256 price, uint256 updatedAt, uint80 roundId) {
        int256 answer;
        uint80 answeredInRound;
        (roundId, answer, , updatedAt, answeredInRound) = feed.latestRoundData();
        if (updatedAt == 0 || answeredInRound < roundId) {
            revert OracleIncompleteRound(roundId, answeredInRound, updatedAt);
        }
        if (answer <= 0) revert OracleNonPositiveAnswer(answer);
        if (updatedAt > block.timestamp || block.timestamp - updatedAt > heartbeat) {
            revert OracleStaleAnswer(updatedAt, heartbeat, block.timestamp);
        }
        price = uint256(answer);
    }
}
