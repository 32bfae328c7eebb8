// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAsyncRoundVault} from "../interfaces/IAsyncRoundVault.sol";
import {ShareMath} from "./ShareMath.sol";

/// @title RequestLib
/// @notice The books of ERC-7540 requests in a round-based vault: one receipt per controller and
/// kind, turned claimable at the price of the round it was made in once that round closed, and the
/// fees a close takes. Token transfers and events stay with the vault.
/// @dev Linked as an external library so that its bytecode does not count against the vault's.
library RequestLib {
    using SafeCast for uint256;

    uint256 private constant BPS = 10_000;
    uint256 private constant YEAR = 365 days;

    /// @notice A controller's requests of one kind: `pending` (assets for deposits, shares for redeems)
    /// made in `round`, what earlier rounds made claimable, and deposits refunded by a zero-value round.
    struct Receipt {
        uint64 round;
        uint128 pending;
        uint128 claimableAssets;
        uint128 claimableShares;
        uint128 refundable;
    }

    /// @notice Adds `amount` to the receipt's requests of `round` (after processing older ones).
    function request(
        Receipt storage r,
        mapping(uint256 => IAsyncRoundVault.RoundPrice) storage prices,
        uint256 round,
        bool isDeposit,
        uint256 amount
    ) public {
        if (amount == 0) revert IAsyncRoundVault.ZeroAmount();
        process(r, prices, round, isDeposit);
        r.round = uint64(round);
        r.pending += amount.toUint128();
    }

    /// @notice Takes `amount` back: for deposits first what a zero-value round refunded, then what is
    /// pending in `round`. Returns the part taken from the refund.
    function cancel(
        Receipt storage r,
        mapping(uint256 => IAsyncRoundVault.RoundPrice) storage prices,
        uint256 round,
        bool isDeposit,
        uint256 amount
    ) public returns (uint256 fromRefund) {
        if (amount == 0) revert IAsyncRoundVault.ZeroAmount();
        process(r, prices, round, isDeposit);
        uint256 refundable = r.refundable;
        uint256 pending = r.round == round ? r.pending : 0;
        if (amount > refundable + pending) revert IAsyncRoundVault.ExceedsPending(amount, refundable + pending);
        fromRefund = Math.min(amount, refundable);
        r.refundable = (refundable - fromRefund).toUint128();
        r.pending = (pending - (amount - fromRefund)).toUint128();
    }

    /// @notice Turns a request of a round that has closed into a claimable (or, for deposits into a
    /// zero-value round, refundable) amount at that round's price.
    function process(
        Receipt storage r,
        mapping(uint256 => IAsyncRoundVault.RoundPrice) storage prices,
        uint256 round,
        bool isDeposit
    ) public {
        uint256 pending = r.pending;
        if (pending == 0 || r.round == round) return;
        IAsyncRoundVault.RoundPrice memory price = prices[r.round];
        r.pending = 0;
        if (isDeposit && price.depositsRefunded) {
            r.refundable += pending.toUint128();
            return;
        }
        (uint256 assets, uint256 shares) = _convert(pending, isDeposit, price);
        r.claimableAssets += assets.toUint128();
        r.claimableShares += shares.toUint128();
    }

    /// @notice What the receipt may claim now, processed or not: (assets, shares).
    function claimable(
        Receipt storage r,
        mapping(uint256 => IAsyncRoundVault.RoundPrice) storage prices,
        uint256 round,
        bool isDeposit
    ) public view returns (uint256 assets, uint256 shares) {
        (assets, shares) = (r.claimableAssets, r.claimableShares);
        IAsyncRoundVault.RoundPrice memory price = prices[r.round];
        if (r.pending > 0 && r.round != round && !(isDeposit && price.depositsRefunded)) {
            (uint256 a, uint256 sh) = _convert(r.pending, isDeposit, price);
            (assets, shares) = (assets + a, shares + sh);
        }
    }

    /// @notice Claims `amount` (shares when `byShares`, else assets) and returns both sides, the other
    /// rounded in the vault's favour: deposit and redeem down, mint and withdraw up.
    function claim(
        Receipt storage r,
        mapping(uint256 => IAsyncRoundVault.RoundPrice) storage prices,
        uint256 round,
        bool isDeposit,
        bool byShares,
        uint256 amount
    ) public returns (uint256 assets, uint256 shares) {
        if (amount == 0) revert IAsyncRoundVault.ZeroAmount();
        process(r, prices, round, isDeposit);
        (uint256 claimableAssets, uint256 claimableShares) = (r.claimableAssets, r.claimableShares);
        (uint256 have, uint256 otherHave) = byShares
            ? (claimableShares, claimableAssets)
            : (claimableAssets, claimableShares);
        if (amount > have) revert IAsyncRoundVault.ExceedsClaimable(amount, have);
        Math.Rounding rounding = isDeposit == byShares ? Math.Rounding.Ceil : Math.Rounding.Floor;
        uint256 other = amount == have ? otherHave : Math.mulDiv(amount, otherHave, have, rounding);
        (assets, shares) = byShares ? (other, amount) : (amount, other);
        r.claimableAssets = (claimableAssets - assets).toUint128();
        r.claimableShares = (claimableShares - shares).toUint128();
    }

    /// @notice A close's fees on `nav` (asset units) for `supply` shares: the management fee for
    /// `elapsed` seconds (capped at the NAV), the performance fee on what is left above the
    /// high-water mark's value for `supply`, and that value.
    function fees(
        uint256 nav,
        uint256 supply,
        uint256 elapsed,
        uint256 managementBps,
        uint256 performanceBps,
        IAsyncRoundVault.RoundPrice memory mark
    ) public pure returns (uint256 management, uint256 performance, uint256 markValue) {
        management = Math.min((nav * managementBps * elapsed) / (YEAR * BPS), nav);
        uint256 afterManagement = nav - management;
        markValue = Math.mulDiv(
            mark.assets + 1,
            supply + ShareMath.VIRTUAL_SHARES,
            mark.supply + ShareMath.VIRTUAL_SHARES
        );
        if (afterManagement > markValue) performance = ((afterManagement - markValue) * performanceBps) / BPS;
    }

    function _convert(
        uint256 pending,
        bool isDeposit,
        IAsyncRoundVault.RoundPrice memory price
    ) private pure returns (uint256 assets, uint256 shares) {
        return
            isDeposit
                ? (pending, ShareMath.toShares(pending, price.assets, price.supply))
                : (ShareMath.toAssets(pending, price.assets, price.supply), pending);
    }
}
