// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC7540Operator, IERC7540Deposit, IERC7540Redeem} from "./IERC7540.sol";

/// @notice A vault that works in rounds: ERC-4626 shares, ERC-7540 deposit and redeem requests that
/// convert at the price fixed when the round they were made in closes, fees taken at each close
/// (management on time, performance above a high-water mark), owner powers behind a timelock and
/// a guardian who may pause. Requests aggregate per controller (request id 0).
interface IAsyncRoundVault is IERC4626, IERC7540Operator, IERC7540Deposit, IERC7540Redeem {
    /// @notice A round's closing price: requests of that round convert at (assets + 1) / (supply + 10^3).
    /// `depositsRefunded` is set when the vault was worth nothing with shares outstanding: the round's
    /// deposits were not turned into shares and their owners take them back with `cancelDepositRequest`.
    struct RoundPrice {
        uint128 assets;
        uint128 supply;
        bool depositsRefunded;
    }

    event DepositRequestCancelled(address indexed controller, address indexed receiver, uint256 assets);
    event RedeemRequestCancelled(address indexed controller, address indexed receiver, uint256 shares);
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
    event FeesClaimed(address indexed recipient, uint256 assets);
    event FeesSet(uint256 managementFeeBps, uint256 performanceFeeBps);
    event FeeRecipientSet(address indexed recipient);
    event KeeperSet(address indexed keeper);
    event GuardianSet(address indexed guardian);

    error NotKeeper(address caller);
    error NotGuardian(address caller);
    error NotAuthorized(address caller, address owner);
    error ZeroAmount();
    error ZeroAddress();
    error AsyncFlow();
    error ExceedsPending(uint256 requested, uint256 pending);
    error ExceedsClaimable(uint256 requested, uint256 claimable);
    error FeeTooHigh(uint256 feeBps, uint256 capBps);
    error RoundNotExpired(uint256 closableAt, uint256 timestamp);
    error InsufficientIdle(uint256 needed, uint256 available);

    /// @notice Takes back `assets` of `controller`'s deposit request still pending in this round, or
    /// refunded by a round that closed at a zero value.
    function cancelDepositRequest(uint256 assets, address receiver, address controller) external;

    /// @notice Takes back `shares` of `controller`'s redeem request still pending in this round
    /// (ERC-7887 style, synchronous: pending shares were only held by the vault).
    function cancelRedeemRequest(uint256 shares, address receiver, address controller) external;

    /// @notice Sends the accrued fees to the fee recipient. Anyone; works while paused.
    function claimFees() external returns (uint256 assets);

    /// @notice The round now running; requests made now are processed when it closes.
    function currentRound() external view returns (uint64);

    /// @notice The price round `round` closed at.
    function roundPrice(uint256 round) external view returns (uint256 assets, uint256 supply, uint256 pricePerShare);

    /// @notice Sets the management fee (bps a year) and the performance fee (bps of the gain above the
    /// high-water mark); they apply from the next round on. Only through the owner's timelock.
    function setFees(uint256 managementFeeBps, uint256 performanceFeeBps) external;

    /// @notice Sets who receives the fees. Only through the owner's timelock.
    function setFeeRecipient(address recipient) external;

    /// @notice Sets the keeper account. Only through the owner's timelock.
    function setKeeper(address keeper) external;

    /// @notice Sets the guardian, who may pause. Only through the owner's timelock.
    function setGuardian(address guardian) external;

    /// @notice Stops deposit requests, rolls and auction sales; claims, cancellations, redeem requests,
    /// rebalancing and round closes go on. Guardian only.
    function pause() external;

    /// @notice Lifts the pause. Guardian only.
    function unpause() external;
}
