// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {IVolFeed} from "./interfaces/IVolFeed.sol";

/// @title VolFeed
/// @notice The implied volatility the vaults price their options at, pushed by its own updater
/// account. One push may move the vol by at most `maxChangeBps` of the last value and comes at
/// least `minInterval` after the last, so a rogue updater needs many hours to move it far, in public.
contract VolFeed is IVolFeed, Timelocked {
    uint256 private constant BPS = 10_000;
    /// @notice The range any answer must lie in (1e18 = 100 % a year).
    uint256 public constant MIN_VOL = 0.01e18;
    uint256 public constant MAX_VOL = 5e18;
    /// @notice Code ceilings on the deploy-time bounds.
    uint256 public constant MAX_CHANGE_BPS_CEILING = 5_000;
    uint256 public constant MIN_INTERVAL_FLOOR = 10 minutes;

    /// @inheritdoc IVolFeed
    uint256 public immutable override maxChangeBps;
    /// @inheritdoc IVolFeed
    uint256 public immutable override minInterval;
    /// @inheritdoc IVolFeed
    address public override updater;
    uint128 private _vol;
    uint64 private _updatedAt;

    constructor(
        address owner_,
        address updater_,
        uint256 initialVol,
        uint256 maxChangeBps_,
        uint256 minInterval_,
        uint256 timelockDelay_
    ) Ownable(owner_) Timelocked(timelockDelay_) {
        if (maxChangeBps_ == 0 || maxChangeBps_ > MAX_CHANGE_BPS_CEILING || minInterval_ < MIN_INTERVAL_FLOOR) {
            revert VolFeedInvalidBounds(maxChangeBps_, minInterval_);
        }
        if (initialVol < MIN_VOL || initialVol > MAX_VOL) revert VolOutOfRange(initialVol, MIN_VOL, MAX_VOL);
        maxChangeBps = maxChangeBps_;
        minInterval = minInterval_;
        _setUpdater(updater_);
        _vol = uint128(initialVol);
        _updatedAt = uint64(block.timestamp);
        emit VolUpdated(initialVol, block.timestamp);
    }

    /// @inheritdoc IVolFeed
    function latest() external view override returns (uint256 vol, uint256 updatedAt) {
        return (_vol, _updatedAt);
    }

    /// @inheritdoc IVolFeed
    function pushVol(uint256 vol) external override {
        if (msg.sender != updater) revert NotVolUpdater(msg.sender);
        if (vol < MIN_VOL || vol > MAX_VOL) revert VolOutOfRange(vol, MIN_VOL, MAX_VOL);
        uint256 last = _vol;
        if (block.timestamp < _updatedAt + minInterval) revert VolUpdateTooSoon(_updatedAt, minInterval);
        if (vol * BPS > last * (BPS + maxChangeBps) || vol * BPS < last * (BPS - maxChangeBps)) {
            revert VolChangeTooLarge(last, vol, maxChangeBps);
        }
        _vol = uint128(vol);
        _updatedAt = uint64(block.timestamp);
        emit VolUpdated(vol, block.timestamp);
    }

    /// @inheritdoc IVolFeed
    function setUpdater(address updater_) external override onlyTimelock {
        _setUpdater(updater_);
    }

    function _setUpdater(address updater_) private {
        if (updater_ == address(0)) revert NotVolUpdater(address(0));
        updater = updater_;
        emit VolUpdaterSet(updater_);
    }
}
