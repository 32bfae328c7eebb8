// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice European, cash-settled options written by registered writers (the vaults), one ERC-1155
/// token id per series. Sizes are in base-token units (10^base decimals = one option on one base
/// token: 1e18 for WETH, 1e8 for WBTC); strikes and settlement prices carry the oracle's 8 decimals.
/// Calls are collateralised one base per option and pay (S - K) / S base per option; puts are
/// collateralised K quote per option and pay K - S quote.
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

    /// @notice The base token (WETH): calls are collateralised and paid in it.
    function base() external view returns (address);

    /// @notice The quote token (USDC): puts are collateralised and paid in it.
    function quote() external view returns (address);

    /// @notice The Chainlink-style USD price feed that settles every series (8 decimals).
    function oracle() external view returns (address);

    /// @notice How many series exist; ids run from 1 to this.
    function seriesCount() external view returns (uint256);

    /// @notice The series' terms and settlement state.
    function series(uint256 seriesId) external view returns (Series memory);

    /// @notice The token that collateralises and pays the series: base for calls, quote for puts.
    function collateralToken(uint256 seriesId) external view returns (address);

    /// @notice Collateral locked for `size` options: `size` base for a call, size * strike quote (rounded up) for a put.
    function collateralFor(bool isCall, uint256 strike, uint256 size) external view returns (uint256);

    /// @notice Opens a new series written by the caller. Writers only.
    /// @param strike USD per base token, 8 decimals
    /// @param expiry unix seconds, in the future
    function createSeries(bool isCall, uint256 strike, uint256 expiry) external returns (uint256 seriesId);

    /// @notice Writes `size` options of the caller's series to `to`, pulling their collateral from the caller.
    /// @return collateral the amount of collateral token locked
    function write(uint256 seriesId, address to, uint256 size) external returns (uint256 collateral);

    /// @notice Fixes the series' settlement price at the oracle's first answer at or after expiry:
    /// `roundId` (0: the latest round) must be updated at or after expiry and its predecessor before
    /// it, so no caller can choose among later answers. Anyone, once.
    function settle(uint256 seriesId, uint80 roundId) external returns (uint256 settlementPrice);

    /// @notice Sends the writer the collateral not owed to holders. Writer only, once, after settlement.
    function reclaimCollateral(uint256 seriesId) external returns (uint256 amount);

    /// @notice Burns `size` of the caller's options of a settled series and pays their value to `receiver`.
    function claim(uint256 seriesId, uint256 size, address receiver) external returns (uint256 payout);

    /// @notice What `size` options of a settled series pay (0 before settlement).
    function payoutFor(uint256 seriesId, uint256 size) external view returns (uint256);
}
