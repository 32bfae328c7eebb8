// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {ISwapVenue} from "./interfaces/ISwapVenue.sol";
import {IVenueRegistry} from "./interfaces/IVenueRegistry.sol";

/// @title VenueRegistry
/// @notice The swap venues of one base/quote market. Its vaults hold it as an immutable and refuse a
/// rebalance leg through any venue not in it; the owner adds or removes venues only through the
/// timelock (>= 38 days, in public), so a depositor sees every new venue long before it can be used.
/// @dev Kept out of `OptionVault` so that the vault's bytecode stays within its EIP-170 budget.
contract VenueRegistry is IVenueRegistry, Timelocked {
    /// @inheritdoc IVenueRegistry
    address public immutable override base;
    /// @inheritdoc IVenueRegistry
    address public immutable override quote;
    /// @inheritdoc IVenueRegistry
    mapping(address venue => bool) public override isVenue;

    constructor(
        address owner_,
        uint256 timelockDelay_,
        address base_,
        address quote_,
        address[] memory venues
    ) Ownable(owner_) Timelocked(timelockDelay_) {
        (base, quote) = (base_, quote_);
        for (uint256 i = 0; i < venues.length; i++) _setVenue(venues[i], true);
    }

    /// @inheritdoc IVenueRegistry
    function setVenue(address venue, bool allowed) external override onlyTimelock {
        _setVenue(venue, allowed);
    }

    function _setVenue(address venue, bool allowed) private {
        if (allowed && (ISwapVenue(venue).base() != base || ISwapVenue(venue).quote() != quote)) {
            revert VenueMismatch(venue);
        }
        isVenue[venue] = allowed;
        emit VenueSet(venue, allowed);
    }
}
