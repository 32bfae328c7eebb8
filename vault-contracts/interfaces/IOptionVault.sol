// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAsyncRoundVault} from "./IAsyncRoundVault.sol";

/// @notice The round-based option vault: one option series per round, priced on chain by
/// Black-Scholes from the oracle spot and the vol feed, sold in a Dutch auction whose floor may not
/// fall below `minFloorBps` of that price; a keeper-driven rebalancing hook with a per-round volume
/// and loss budget. See vault-contracts/README.md for units, roles and the round life cycle.
interface IOptionVault is IAsyncRoundVault {
    /// @notice What the keeper decides at each roll. Units: strike 8 decimals (USD per base), size in
    /// base units (10^base decimals = one option; clamped to what the collateral and `maxSizeBps` allow), premiums
    /// in asset units per option (per 10^base decimals of size), times in unix seconds.
    struct RollParams {
        uint256 strike;
        uint256 expiry;
        uint256 size;
        uint256 startPremium;
        uint256 floorPremium;
        uint256 auctionDuration;
    }

    /// @notice Bounds on the keeper, set by the owner through the timelock, each inside a code ceiling.
    struct KeeperLimits {
        uint16 strikeBandBps; // |strike - spot| <= spot * band / 10_000
        uint16 minOtmBps; // calls: strike >= spot * (1 + minOtm); puts: strike <= spot * (1 - minOtm)
        uint16 minFloorBps; // floorPremium >= model price * minFloor / 10_000
        uint16 maxSlippageBps; // rebalance minAmountOut >= oracle value * (10_000 - maxSlippage) / 10_000
        uint16 maxSizeBps; // collateral of the round's series <= NAV * maxSize / 10_000
        uint16 maxDeltaBps; // |vault delta| x spot <= NAV * maxDelta / 10_000 after the roll
        uint16 maxVegaBps; // short vega per 1.00 of vol <= NAV * maxVega / 10_000 after the roll
        uint16 maxRebalanceVolumeBps; // oracle value swapped in a round <= NAV at round start * this
        uint16 maxRebalanceLossBps; // oracle value lost to swaps in a round <= NAV at round start * this
        uint32 minAuctionDuration; // seconds
        uint32 maxRoundDuration; // seconds from roll to expiry
    }

    /// @notice One part of a rebalance: sell `amountIn` through `venue` (one of the vault's venues) for
    /// at least `minAmountOut`, which must also be at least the oracle value less `maxSlippageBps`.
    struct SwapLeg {
        address venue;
        uint256 amountIn;
        uint256 minAmountOut;
    }

    /// @notice The live round: its option series and Dutch auction.
    struct LiveRound {
        uint64 seriesId; // 0 when the round writes no options
        uint64 expiry; // the keeper may close from then, anyone from expiry + CLOSE_GRACE
        uint64 auctionStart;
        uint64 auctionEnd;
        uint128 startPremium;
        uint128 floorPremium;
        uint128 remainingSize;
        uint128 premiumCollected;
        uint128 strike;
        uint128 soldSize;
    }

    // ---- events an indexer rebuilds the vault's history from (plus ERC-20/4626/7540 events) ----
    /// @dev `fairPremium` is the on-chain Black-Scholes price per option in asset units, `impliedVol` the
    /// vol feed's answer it used (1e18 = 100 %).
    event RoundOpened(
        uint256 indexed round,
        uint256 indexed seriesId,
        bool isCall,
        uint256 strike,
        uint256 expiry,
        uint256 size,
        uint256 startPremium,
        uint256 floorPremium,
        uint256 fairPremium,
        uint256 impliedVol,
        uint256 spotPrice,
        uint256 auctionEnd
    );
    /// @dev The roll's Greeks budget: the vault's delta (base units, signed) and short vega (asset units
    /// per 1.00 of vol) after the roll, assuming the whole auction sells, and the NAV they were bounded by.
    event RoundRisk(uint256 indexed round, int256 vaultDelta, uint256 vaultVega, uint256 nav);
    event OptionsSold(
        uint256 indexed round,
        uint256 indexed seriesId,
        address indexed buyer,
        uint256 size,
        uint256 premiumPerOption,
        uint256 premium
    );
    event AuctionCancelled(uint256 indexed round, uint256 unsoldSize);
    /// @dev One per leg; `amountOut` is what the vault measured arriving, not what the venue said.
    event Rebalanced(
        bool assetToOther,
        address indexed venue,
        uint256 amountIn,
        uint256 amountOut,
        uint256 minAmountOut,
        uint256 oraclePrice
    );

    event KeeperLimitsSet(KeeperLimits limits);

    // ---- custom errors ----
    error InvalidLimits();
    error OracleMismatch(address oracle, address optionsOracle);
    error StrikeOutOfBand(uint256 strike, uint256 spot, uint256 bandBps);
    error StrikeNotOutOfTheMoney(uint256 strike, uint256 spot, uint256 minOtmBps);
    error FloorBelowModelPrice(uint256 floorPremium, uint256 modelPremium, uint256 minFloorBps);
    error InvalidPremiums(uint256 startPremium, uint256 floorPremium);
    error InvalidExpiry(uint256 expiry, uint256 timestamp, uint256 maxRoundDuration);
    error InvalidAuctionDuration(uint256 auctionDuration, uint256 minAuctionDuration);
    error DeltaLimitExceeded(int256 vaultDelta, uint256 nav, uint256 maxDeltaBps);
    error VegaLimitExceeded(uint256 vaultVega, uint256 nav, uint256 maxVegaBps);
    error StaleVol(uint256 updatedAt, uint256 heartbeat, uint256 timestamp);
    error AuctionNotActive();
    error AuctionSizeExceeded(uint256 size, uint256 remaining);
    error PremiumAboveMax(uint256 premiumPerOption, uint256 maxPremiumPerOption);
    error SlippageBoundExceeded(uint256 minAmountOut, uint256 boundAmountOut);
    error RebalanceBudgetExceeded(uint256 volume, uint256 loss, uint256 maxVolume, uint256 maxLoss);
    error VenueNotAllowed(address venue);
    error VenueSpentOtherThanAmountIn(address venue, uint256 amountIn, uint256 balanceBefore, uint256 balanceAfter);
    error VenueDeliveredTooLittle(address venue, uint256 received, uint256 minAmountOut);

    // ---- rounds ----
    /// @notice Closes the current round (settling its series at the oracle answer `settlementRoundId`,
    /// the first at or after expiry; 0 for the latest, when it is that first one) and opens the next
    /// with the keeper's decision, checked against the on-chain price and the limits. Keeper only;
    /// not while paused.
    function roll(RollParams calldata params, uint80 settlementRoundId) external;

    /// @notice Closes the current round without opening another: the keeper from expiry on, anyone
    /// from expiry + `CLOSE_GRACE` on, so redeems never wait on the keeper.
    function closeRound(uint80 settlementRoundId) external;

    /// @notice Swaps idle asset to the other token (`assetToOther`) or back, split over `legs`, each
    /// through a venue of the vault's `venues` registry, each leg's `minAmountOut` at least its oracle value less
    /// `maxSlippageBps`, all of them within the round's rebalance budget. The vault approves each venue
    /// for exactly its `amountIn`, revokes it after, and counts what it measured arriving (a venue
    /// that takes another amount or delivers less than `minAmountOut` reverts the whole rebalance).
    /// Keeper only; each leg's `Rebalanced` event tells what it received.
    function rebalance(bool assetToOther, SwapLeg[] calldata legs) external;

    // ---- auction ----
    /// @notice Buys `size` options at the current auction price; reverts above `maxPremiumPerOption`. Not while paused.
    function buyOptions(uint256 size, uint256 maxPremiumPerOption) external returns (uint256 premium);

    /// @notice The auction price per option now, in asset units per option (10^base decimals of size).
    function currentPremium() external view returns (uint256 premiumPerOption);

    /// @notice Ends the running auction; options already sold stay. Guardian only.
    function cancelAuction() external;

    /// @notice The on-chain Black-Scholes value of one option (10^base decimals of size) of this vault's kind now, in
    /// asset units, with its delta (wad, signed) and vega (asset units per 1.00 of vol) and the vol used.
    function modelPremium(
        uint256 strike,
        uint256 expiry
    ) external view returns (uint256 premium, int256 delta, uint256 vega, uint256 vol);

    /// @notice The live round's series and auction.
    function liveRound() external view returns (LiveRound memory);

    /// @notice The bounds on the keeper.
    function keeperLimits() external view returns (KeeperLimits memory);

    /// @notice Sets the bounds on the keeper. Only through the owner's timelock.
    function setKeeperLimits(KeeperLimits calldata limits) external;
}
