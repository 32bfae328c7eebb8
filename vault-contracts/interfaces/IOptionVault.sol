// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC7540Operator, IERC7540Deposit, IERC7540Redeem} from "./IERC7540.sol";

/// @notice The round-based option vault: ERC-4626 shares, ERC-7540 queued deposits and redeems,
/// one option series per round sold in a Dutch auction, a keeper-driven rebalancing hook.
/// See vault-contracts/README.md for units, roles and the round life cycle.
interface IOptionVault is IERC4626, IERC7540Operator, IERC7540Deposit, IERC7540Redeem {
    /// @notice What the keeper decides at each roll. Units: strike 8 decimals (USD per base),
    /// size in base units (1e18 = one option), premiums in asset units per option (per 1e18 size),
    /// impliedVol 1e18 = 100 % a year, times in unix seconds.
    struct RollParams {
        uint256 strike;
        uint256 expiry;
        uint256 size;
        uint256 startPremium;
        uint256 floorPremium;
        uint256 fairPremium;
        uint256 auctionDuration;
        uint256 impliedVol;
    }

    /// @notice Bounds the owner sets on what the keeper may do.
    struct KeeperLimits {
        uint16 strikeBandBps; // |strike - spot| <= spot * band / 10_000
        uint16 minFloorBps; // floorPremium >= fairPremium * minFloor / 10_000
        uint16 maxSlippageBps; // rebalance minAmountOut >= oracle value * (10_000 - maxSlippage) / 10_000
        uint64 minImpliedVol; // 1e18 = 100 %
        uint64 maxImpliedVol;
        uint32 maxRoundDuration; // seconds from roll to expiry
    }

    // ---- events an indexer rebuilds the vault's history from (plus ERC-20/4626/7540 events) ----
    event DepositRequestCancelled(address indexed controller, address indexed receiver, uint256 assets);
    event RoundClosed(
        uint256 indexed round,
        uint256 navBeforeFees,
        uint256 managementFee,
        uint256 performanceFee,
        uint256 totalAssets,
        uint256 totalSupply,
        uint256 pricePerShare,
        uint256 premiumCollected,
        uint256 optionsSold,
        uint256 collateralReturned,
        uint256 depositsProcessed,
        uint256 sharesMinted,
        uint256 sharesRedeemed,
        uint256 assetsReserved
    );
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
    event OptionsSold(
        uint256 indexed round,
        uint256 indexed seriesId,
        address indexed buyer,
        uint256 size,
        uint256 premiumPerOption,
        uint256 premium
    );
    event Rebalanced(
        bool assetToOther, uint256 amountIn, uint256 amountOut, uint256 minAmountOut, uint256 oraclePrice
    );
    event FeesClaimed(address indexed recipient, uint256 assets);
    event FeesSet(uint256 managementFeeBps, uint256 performanceFeeBps);
    event FeeRecipientSet(address indexed recipient);
    event KeeperSet(address indexed keeper);
    event KeeperLimitsSet(
        uint256 strikeBandBps,
        uint256 minFloorBps,
        uint256 maxSlippageBps,
        uint256 minImpliedVol,
        uint256 maxImpliedVol,
        uint256 maxRoundDuration
    );

    // ---- custom errors ----
    error NotKeeper(address caller);
    error NotAuthorized(address caller, address owner);
    error ZeroAmount();
    error ZeroAddress();
    error AsyncFlow();
    error ExceedsPending(uint256 requested, uint256 pending);
    error ExceedsClaimable(uint256 requested, uint256 claimable);
    error FeeTooHigh(uint256 feeBps, uint256 capBps);
    error InvalidLimits();
    error RoundNotExpired(uint256 expiry, uint256 timestamp);
    error StrikeOutOfBand(uint256 strike, uint256 spot, uint256 bandBps);
    error ImpliedVolOutOfRange(uint256 impliedVol, uint256 min, uint256 max);
    error FloorBelowFairPremium(uint256 floorPremium, uint256 fairPremium, uint256 minFloorBps);
    error InvalidPremiums(uint256 startPremium, uint256 floorPremium, uint256 fairPremium);
    error InvalidExpiry(uint256 expiry, uint256 timestamp, uint256 maxRoundDuration);
    error InvalidAuctionDuration(uint256 auctionDuration);
    error SizeExceedsCollateral(uint256 size, uint256 maxSize);
    error AuctionNotActive();
    error AuctionSizeExceeded(uint256 size, uint256 remaining);
    error PremiumAboveMax(uint256 premiumPerOption, uint256 maxPremiumPerOption);
    error SlippageBoundExceeded(uint256 minAmountOut, uint256 boundAmountOut);
    error InsufficientIdle(uint256 needed, uint256 available);

    // ---- rounds (keeper) ----
    function roll(RollParams calldata params) external;

    function closeRound() external;

    function rebalance(bool assetToOther, uint256 amountIn, uint256 minAmountOut) external returns (uint256 amountOut);

    // ---- auction (anyone) ----
    function buyOptions(uint256 size, uint256 maxPremiumPerOption) external returns (uint256 premium);

    function currentPremium() external view returns (uint256 premiumPerOption);

    // ---- depositors ----
    function cancelDepositRequest(uint256 assets, address receiver, address controller) external;

    function claimFees() external returns (uint256 assets);

    // ---- owner ----
    function setFees(uint256 managementFeeBps, uint256 performanceFeeBps) external;

    function setFeeRecipient(address recipient) external;

    function setKeeper(address keeper) external;

    function setKeeperLimits(KeeperLimits calldata limits) external;

    function pause() external;

    function unpause() external;
}
