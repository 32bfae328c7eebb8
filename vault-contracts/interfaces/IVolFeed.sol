// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice An implied-volatility feed (1e18 = 100 % a year) with its own updater, a per-update
/// change bound and a minimum interval between updates.
interface IVolFeed {
    event VolUpdated(uint256 vol, uint256 updatedAt);
    event VolUpdaterSet(address indexed updater);

    error NotVolUpdater(address caller);
    error VolOutOfRange(uint256 vol, uint256 min, uint256 max);
    error VolUpdateTooSoon(uint256 lastUpdatedAt, uint256 minInterval);
    error VolChangeTooLarge(uint256 lastVol, uint256 vol, uint256 maxChangeBps);
    error VolFeedInvalidBounds(uint256 maxChangeBps, uint256 minInterval);

    /// @notice The last vol and when it was pushed.
    function latest() external view returns (uint256 vol, uint256 updatedAt);

    /// @notice Publishes `vol`; it MUST lie within `maxChangeBps` of the last value and come at least
    /// `minInterval` seconds after it. Updater only.
    function pushVol(uint256 vol) external;

    /// @notice The largest move of one update, basis points of the last value.
    function maxChangeBps() external view returns (uint256);

    /// @notice The least number of seconds between two updates.
    function minInterval() external view returns (uint256);

    /// @notice The account allowed to push.
    function updater() external view returns (address);

    /// @notice Replaces the updater. Only through the owner's timelock.
    function setUpdater(address updater) external;
}
