// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The set of swap venues (`ISwapVenue`) a market's vaults may rebalance through, changed only
/// by its owner through a public timelock as long as a round plus the time to exit.
interface IVenueRegistry {
    event VenueSet(address indexed venue, bool allowed);

    error VenueMismatch(address venue);

    /// @notice The market's base token; every venue in the set trades it against `quote`.
    function base() external view returns (address);

    /// @notice The market's quote token.
    function quote() external view returns (address);

    /// @notice True when vaults may swap through `venue`.
    function isVenue(address venue) external view returns (bool);

    /// @notice Adds (`allowed`) or removes a venue; one added must trade `base` and `quote`. Only
    /// through the owner's timelock.
    function setVenue(address venue, bool allowed) external;
}
