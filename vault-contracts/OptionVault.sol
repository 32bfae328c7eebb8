// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {AsyncRoundVault} from "./AsyncRoundVault.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IOptions} from "./interfaces/IOptions.sol";
import {IOptionVault} from "./interfaces/IOptionVault.sol";
import {IVenueRegistry} from "./interfaces/IVenueRegistry.sol";
import {IVolFeed} from "./interfaces/IVolFeed.sol";
import {OracleLib} from "./libraries/OracleLib.sol";
import {RollChecks} from "./libraries/RollChecks.sol";

/// @title OptionVault
/// @notice A round-based option vault on `AsyncRoundVault`. Covered-call mode when the asset is the
/// base token (calls collateralised one to one), cash-secured-put mode when it is the quote token.
/// Each round the keeper writes one series and sells it in a Dutch auction; the vault prices the
/// option itself (Black-Scholes from the oracle spot and the vol feed, `RollChecks`) and refuses
/// a roll whose floor, strike, size, auction or Greeks fall outside the owner's limits. Between
/// rolls the keeper may move idle funds between the two tokens within a per-round budget.
contract OptionVault is IOptionVault, AsyncRoundVault {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    bool public immutable isCallVault;
    IOptions public immutable options;
    /// @notice The swap venues `rebalance` may route through (changed only by its owner's timelock).
    IVenueRegistry public immutable venues;
    AggregatorV3Interface public immutable oracle;
    IVolFeed public immutable volFeed;
    /// @notice Oracle answers older than this many seconds are refused.
    uint256 public immutable heartbeat;
    /// @notice Vol-feed answers older than this many seconds are refused.
    uint256 public immutable volHeartbeat;
    uint256 private immutable BASE_UNIT;
    uint256 private immutable QUOTE_UNIT;

    /// @notice Other token owned by shareholders (from rebalancing).
    uint128 public idleOther;
    /// @notice Oracle value (asset units) swapped and lost to swaps in this round.
    uint128 public rebalanceVolume;
    uint128 public rebalanceLoss;
    LiveRound private _live;
    KeeperLimits private _limits;

    struct InitParams {
        string name;
        string symbol;
        address asset;
        IOptions options;
        IVenueRegistry venues;
        AggregatorV3Interface oracle;
        IVolFeed volFeed;
        uint256 heartbeat;
        uint256 volHeartbeat;
        address owner;
        uint256 timelockDelay;
        Roles roles;
        KeeperLimits limits;
    }

    error AssetNotInMarket(address asset);
    error VenuesNotOfMarket(address venues);

    constructor(
        InitParams memory p
    ) ERC20(p.name, p.symbol) Ownable(p.owner) Timelocked(p.timelockDelay) AsyncRoundVault(p.asset, p.roles) {
        address base = p.options.base();
        address quote = p.options.quote();
        if (p.asset != base && p.asset != quote) revert AssetNotInMarket(p.asset);
        if (p.venues.base() != base || p.venues.quote() != quote) revert VenuesNotOfMarket(address(p.venues));
        if (address(p.oracle) != p.options.oracle()) revert OracleMismatch(address(p.oracle), p.options.oracle());
        isCallVault = p.asset == base;
        options = p.options;
        venues = p.venues;
        oracle = p.oracle;
        volFeed = p.volFeed;
        heartbeat = p.heartbeat;
        volHeartbeat = p.volHeartbeat;
        BASE_UNIT = 10 ** IERC20Metadata(base).decimals();
        QUOTE_UNIT = 10 ** IERC20Metadata(quote).decimals();
        _setKeeperLimits(p.limits);
        // The options contract pulls collateral on every write; venues get an allowance per swap only.
        _asset.forceApprove(address(p.options), type(uint256).max);
    }

    // =========================================================================================
    // Views
    // =========================================================================================

    /// @notice Shareholders' assets now: idle asset, idle other token at the oracle price, and the
    /// live series' collateral less what its holders get (the settlement payout once settled, the
    /// intrinsic value at the oracle price before). Never reverts (ERC-4626): without a usable oracle
    /// answer the other token and an unsettled series' collateral count as worth nothing.
    function totalAssets() public view override(AsyncRoundVault, IERC4626) returns (uint256 value) {
        value = idleAsset + RollChecks.heldValue(_live, idleOther, _market(_viewPrice()), options);
    }

    /// @inheritdoc IOptionVault
    function liveRound() external view override returns (LiveRound memory) {
        return _live;
    }

    /// @inheritdoc IOptionVault
    function keeperLimits() external view override returns (KeeperLimits memory) {
        return _limits;
    }

    /// @inheritdoc IOptionVault
    function modelPremium(
        uint256 strike,
        uint256 expiry
    ) external view override returns (uint256 premium, int256 delta, uint256 vega, uint256 vol) {
        return RollChecks.quote(_market(_price()), strike, expiry, volFeed, volHeartbeat);
    }

    /// @inheritdoc IOptionVault
    function currentPremium() public view override returns (uint256) {
        return RollChecks.currentPremium(_live);
    }

    // =========================================================================================
    // Rounds
    // =========================================================================================

    /// @inheritdoc IOptionVault
    function roll(
        RollParams calldata params,
        uint80 settlementRoundId
    ) external override onlyKeeper whenNotPaused nonReentrant {
        _checkClosable();
        _closeRound(settlementRoundId);
        _openRound(params, _price());
    }

    /// @inheritdoc IOptionVault
    function closeRound(uint80 settlementRoundId) external override nonReentrant {
        _checkClosable();
        _closeRound(settlementRoundId);
    }

    /// @inheritdoc IOptionVault
    function buyOptions(
        uint256 size,
        uint256 maxPremiumPerOption
    ) external override nonReentrant whenNotPaused returns (uint256 premium) {
        uint256 idle;
        (premium, idle) = RollChecks.buy(
            _live,
            size,
            maxPremiumPerOption,
            idleAsset,
            _market(0),
            options,
            _asset,
            currentRound
        );
        idleAsset = idle.toUint128();
    }

    /// @inheritdoc IOptionVault
    function cancelAuction() external override onlyGuardian {
        RollChecks.cancelAuction(_live, currentRound);
    }

    /// @inheritdoc IOptionVault
    function rebalance(bool assetToOther, SwapLeg[] calldata legs) external override onlyKeeper nonReentrant {
        RollChecks.Books memory b = RollChecks.swap(
            _live,
            _limits,
            venues,
            RollChecks.Books(idleAsset, idleOther, rebalanceVolume, rebalanceLoss, navAtRoundStart),
            _market(_price()),
            assetToOther,
            legs
        );
        (idleAsset, idleOther) = (b.idleAsset.toUint128(), b.idleOther.toUint128());
        (rebalanceVolume, rebalanceLoss) = (b.volume.toUint128(), b.loss.toUint128());
    }

    /// @inheritdoc IOptionVault
    function setKeeperLimits(KeeperLimits calldata limits) external override onlyTimelock {
        _setKeeperLimits(limits);
    }

    // =========================================================================================
    // Internals
    // =========================================================================================

    /// @inheritdoc AsyncRoundVault
    function _roundEnd() internal view override returns (uint256) {
        return _live.expiry;
    }

    /// @inheritdoc AsyncRoundVault
    function _settleRound(CloseSummary memory s, uint80 hint) internal override returns (uint256 nav) {
        (s.premiumCollected, s.optionsSold, s.collateralReturned) = RollChecks.settle(_live, options, hint);
        idleAsset = (idleAsset + s.collateralReturned).toUint128();
        nav = idleAsset + _otherToAsset(idleOther, _price());
        delete _live;
        rebalanceVolume = 0;
        rebalanceLoss = 0;
    }

    function _openRound(RollParams calldata p, uint256 spot) private {
        uint256 nav = idleAsset + _otherToAsset(idleOther, spot);
        RollChecks.open(
            _live,
            p,
            _market(spot),
            RollChecks.Holdings(idleAsset, idleOther, nav),
            _limits,
            _freshVol(),
            options,
            currentRound
        );
    }

    function _market(uint256 spot) private view returns (RollChecks.Market memory) {
        return RollChecks.Market(isCallVault, spot, BASE_UNIT, QUOTE_UNIT);
    }

    function _price() private view returns (uint256 price) {
        (price, , ) = OracleLib.freshPrice(oracle, heartbeat);
    }

    /// @dev The latest positive answer however old, or 0: for views that must not revert.
    function _viewPrice() private view returns (uint256) {
        try oracle.latestRoundData() returns (uint80, int256 answer, uint256, uint256, uint80) {
            return answer > 0 ? uint256(answer) : 0;
        } catch {
            return 0;
        }
    }

    function _freshVol() private view returns (uint256) {
        return RollChecks.freshVol(volFeed, volHeartbeat);
    }

    function _otherToAsset(uint256 amount, uint256 price) private view returns (uint256) {
        return amount == 0 ? 0 : RollChecks.otherToAsset(amount, _market(price));
    }

    function _setKeeperLimits(KeeperLimits memory limits) private {
        RollChecks.setLimits(_limits, limits);
    }
}
