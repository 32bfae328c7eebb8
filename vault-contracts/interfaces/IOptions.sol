// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice European, cash-settled options written by registered writers (the vaults), one ERC-1155
/// token id per series. Sizes are in base-token units (1e18 = one option on one WETH); strikes and
/// settlement prices carry the oracle's 8 decimals. Calls are collateralised one base per option and
/// pay (S - K) / S base per option; puts are collateralised K quote per option and pay K - S quote.
interface IOptions {
    struct Series {
        address writer; // the vault that wrote it and gets the leftover collateral back
        uint64 expiry; // unix seconds
        bool isCall;
        bool settled;
        bool collateralReclaimed;
        uint128 strike; // 8 decimals, USD per base token
        uint128 settlementPrice; // 8 decimals, set by settle()
        uint128 written; // total size written, base units
        uint128 collateral; // collateral locked by all writes
        uint128 holdersPayout; // collateral owed to holders from settlement on (rounded up)
    }

    event WriterSet(address indexed writer, bool allowed);
    event SeriesCreated(uint256 indexed seriesId, address indexed writer, bool isCall, uint256 strike, uint256 expiry);
    event OptionsWritten(uint256 indexed seriesId, address indexed to, uint256 size, uint256 collateral);
    event SeriesSettled(
        uint256 indexed seriesId,
        uint256 settlementPrice,
        uint256 holdersPayout,
        uint256 oracleRoundId
    );
    event CollateralReclaimed(uint256 indexed seriesId, address indexed writer, uint256 amount);
    event OptionsClaimed(
        uint256 indexed seriesId,
        address indexed holder,
        address indexed receiver,
        uint256 size,
        uint256 payout
    );

    error NotWriter(address caller);
    error UnknownSeries(uint256 seriesId);
    error InvalidSeries(uint256 strike, uint256 expiry);
    error NotExpired(uint256 seriesId, uint256 expiry, uint256 timestamp);
    error AlreadyExpired(uint256 seriesId, uint256 expiry);
    error AlreadySettled(uint256 seriesId);
    error NotSettled(uint256 seriesId);
    error PriceBeforeExpiry(uint256 updatedAt, uint256 expiry);
    error NotFirstAnswerAfterExpiry(uint80 roundId, uint256 previousUpdatedAt, uint256 expiry);
    error NonPositiveSettlementPrice(int256 answer);
    error CollateralAlreadyReclaimed(uint256 seriesId);
    error ZeroSize();

    function base() external view returns (address);

    function quote() external view returns (address);

    function oracle() external view returns (address);

    function seriesCount() external view returns (uint256);

    function series(uint256 seriesId) external view returns (Series memory);

    function collateralToken(uint256 seriesId) external view returns (address);

    function collateralFor(bool isCall, uint256 strike, uint256 size) external view returns (uint256);

    function createSeries(bool isCall, uint256 strike, uint256 expiry) external returns (uint256 seriesId);

    function write(uint256 seriesId, address to, uint256 size) external returns (uint256 collateral);

    function settle(uint256 seriesId, uint80 roundId) external returns (uint256 settlementPrice);

    function reclaimCollateral(uint256 seriesId) external returns (uint256 amount);

    function claim(uint256 seriesId, uint256 size, address receiver) external returns (uint256 payout);

    function payoutFor(uint256 seriesId, uint256 size) external view returns (uint256);
}
