// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {OracleLib} from "../libraries/OracleLib.sol";

/// @notice Exposes OracleLib to its own tests. A transaction rather than a view, so that a test
/// fixes the block's timestamp exactly (the staleness boundaries are one second wide).
contract OracleLibHarness {
    event Read(uint256 price, uint256 updatedAt, uint80 roundId);

    function read(AggregatorV3Interface feed, uint256 heartbeat) external {
        (uint256 price, uint256 updatedAt, uint80 roundId) = OracleLib.freshPrice(feed, heartbeat);
        emit Read(price, updatedAt, roundId);
    }
}
