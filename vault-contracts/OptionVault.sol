// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {AsyncRoundVault} from "./AsyncRoundVault.sol";
import {IAggregatorV3} from "./interfaces/IAggregatorV3.sol";
import {IConstantProductPool} from "./interfaces/IConstantProductPool.sol";
import {IOptions} from "./interfaces/IOptions.sol";
import {IOptionVault} from "./interfaces/IOptionVault.sol";
import {IVolFeed} from "./interfaces/IVolFeed.sol";
import {OptionMath} from "./libraries/OptionMath.sol";
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

    uint256 private constant OPTION_UNIT = 1e18; // premiums are quoted per 1e18 option size

    /// @notice The token the rebalancing hook swaps the asset into and out of.
    IERC20 public immutable otherToken;
    bool public immutable isCallVault;
    IOptions public immutable options;
    IConstantProductPool public immutable pool;
    IAggregatorV3 public immutable oracle;
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
        IConstantProductPool pool;
        IAggregatorV3 oracle;
        IVolFeed volFeed;
        uint256 heartbeat;
        uint256 volHeartbeat;
        address owner;
        uint256 timelockDelay;
        Roles roles;
        KeeperLimits limits;
    }

    error AssetNotInMarket(address asset);
    error PoolMismatch(address pool);

    constructor(
        InitParams memory p
    ) ERC20(p.name, p.symbol) Ownable(p.owner) Timelocked(p.timelockDelay) AsyncRoundVault(p.asset, p.roles) {
        address base = p.options.base();
        address quote = p.options.quote();
        if (p.asset != base && p.asset != quote) revert AssetNotInMarket(p.asset);
        if (p.pool.base() != base || p.pool.quote() != quote) revert PoolMismatch(address(p.pool));
        if (address(p.oracle) != p.options.oracle()) revert OracleMismatch(address(p.oracle), p.options.oracle());
        isCallVault = p.asset == base;
        otherToken = IERC20(isCallVault ? quote : base);
        options = p.options;
        pool = p.pool;
        oracle = p.oracle;
        volFeed = p.volFeed;
        heartbeat = p.heartbeat;
        volHeartbeat = p.volHeartbeat;
        BASE_UNIT = 10 ** IERC20Metadata(base).decimals();
        QUOTE_UNIT = 10 ** IERC20Metadata(quote).decimals();
        _setKeeperLimits(p.limits);
        // The options contract pulls collateral on every write; the pool pulls the swapped token.
        _asset.forceApprove(address(p.options), type(uint256).max);
        _asset.forceApprove(address(p.pool), type(uint256).max);
        otherToken.forceApprove(address(p.pool), type(uint256).max);
    }

    // =========================================================================================
    // Views
    // =========================================================================================

    /// @notice Shareholders' assets now: idle asset, idle other token at the oracle price, and the
    /// live series' collateral less what its holders get (the settlement payout once settled, the
    /// intrinsic value at the oracle price before). Never reverts (ERC-4626): without a usable oracle
    /// answer the other token and an unsettled series' collateral count as worth nothing.
    function totalAssets() public view override(AsyncRoundVault, IERC4626) returns (uint256 value) {
        uint256 price = _viewPrice();
        value = idleAsset;
        if (price > 0) value += _otherToAsset(idleOther, price);
        LiveRound storage live = _live;
        if (live.soldSize > 0) {
            IOptions.Series memory series = options.series(live.seriesId);
            if (series.settled) {
                value += series.collateral - series.holdersPayout;
            } else if (price > 0) {
                uint256 owed = _payout(live.strike, price, live.soldSize, Math.Rounding.Ceil);
                value += series.collateral - Math.min(owed, series.collateral);
            }
        }
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
        vol = _freshVol();
        (premium, delta, vega) = RollChecks.model(_market(_price()), strike, expiry, vol);
    }

    /// @inheritdoc IOptionVault
    function currentPremium() public view override returns (uint256) {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert AuctionNotActive();
        return _auctionPrice(live);
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
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert AuctionNotActive();
        if (size == 0) revert ZeroAmount();
        if (size > live.remainingSize) revert AuctionSizeExceeded(size, live.remainingSize);
        uint256 premiumPerOption = _auctionPrice(live);
        if (premiumPerOption > maxPremiumPerOption) revert PremiumAboveMax(premiumPerOption, maxPremiumPerOption);
        premium = Math.mulDiv(size, premiumPerOption, OPTION_UNIT, Math.Rounding.Ceil);
        uint256 collateral = OptionMath.collateral(isCallVault, live.strike, size, _units());
        uint256 idle = idleAsset + premium;
        if (collateral > idle) revert InsufficientIdle(collateral, idle);

        idleAsset = (idle - collateral).toUint128();
        live.remainingSize -= size.toUint128();
        live.soldSize += size.toUint128();
        live.premiumCollected += premium.toUint128();
        uint256 seriesId = live.seriesId;

        _asset.safeTransferFrom(msg.sender, address(this), premium);
        options.write(seriesId, msg.sender, size);
        emit OptionsSold(currentRound, seriesId, msg.sender, size, premiumPerOption, premium);
    }

    /// @inheritdoc IOptionVault
    function cancelAuction() external override onlyGuardian {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert AuctionNotActive();
        uint256 unsold = live.remainingSize;
        live.remainingSize = 0;
        live.auctionEnd = uint64(block.timestamp);
        emit AuctionCancelled(currentRound, unsold);
    }

    /// @inheritdoc IOptionVault
    function rebalance(
        bool assetToOther,
        uint256 amountIn,
        uint256 minAmountOut
    ) external override onlyKeeper nonReentrant returns (uint256 amountOut) {
        if (amountIn == 0) revert ZeroAmount();
        uint256 price = _price();
        uint256 available = assetToOther ? idleAsset - _auctionCollateral() : idleOther;
        if (amountIn > available) revert InsufficientIdle(amountIn, available);
        uint256 oracleValue = assetToOther ? _assetToOther(amountIn, price) : _otherToAsset(amountIn, price);
        uint256 bound = Math.mulDiv(oracleValue, BPS - _limits.maxSlippageBps, BPS, Math.Rounding.Ceil);
        if (minAmountOut < bound) revert SlippageBoundExceeded(minAmountOut, bound);

        IERC20 tokenIn = assetToOther ? _asset : otherToken;
        if (assetToOther) idleAsset -= amountIn.toUint128();
        else idleOther -= amountIn.toUint128();
        amountOut = pool.swapExactIn(address(tokenIn), amountIn, minAmountOut, address(this), block.timestamp);
        if (assetToOther) idleOther += amountOut.toUint128();
        else idleAsset += amountOut.toUint128();
        _chargeRebalanceBudget(assetToOther, amountIn, amountOut, price);
        emit Rebalanced(assetToOther, amountIn, amountOut, minAmountOut, price);
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
        LiveRound memory live = _live;
        s.premiumCollected = live.premiumCollected;
        s.optionsSold = live.soldSize;
        if (live.soldSize > 0) {
            if (!options.series(live.seriesId).settled) options.settle(live.seriesId, hint);
            s.collateralReturned = options.reclaimCollateral(live.seriesId);
        }
        idleAsset = (idleAsset + s.collateralReturned).toUint128();
        nav = idleAsset + _otherToAsset(idleOther, _price());
        delete _live;
        rebalanceVolume = 0;
        rebalanceLoss = 0;
    }

    function _openRound(RollParams calldata p, uint256 spot) private {
        uint256 nav = idleAsset + _otherToAsset(idleOther, spot);
        RollChecks.Outcome memory o = RollChecks.check(
            p,
            _market(spot),
            RollChecks.Holdings(idleAsset, idleOther, nav),
            _limits,
            _freshVol()
        );
        uint256 seriesId;
        if (o.size > 0) {
            seriesId = options.createSeries(isCallVault, p.strike, p.expiry);
            _live = LiveRound({
                seriesId: seriesId.toUint64(),
                expiry: p.expiry.toUint64(),
                auctionStart: uint64(block.timestamp),
                auctionEnd: (block.timestamp + p.auctionDuration).toUint64(),
                startPremium: p.startPremium.toUint128(),
                floorPremium: p.floorPremium.toUint128(),
                remainingSize: o.size.toUint128(),
                premiumCollected: 0,
                strike: p.strike.toUint128(),
                soldSize: 0
            });
        } else {
            _live.expiry = p.expiry.toUint64();
        }
        _emitRoundOpened(p, seriesId, spot, o);
        emit RoundRisk(currentRound, o.vaultDelta, o.vaultVega, nav);
    }

    function _emitRoundOpened(
        RollParams calldata p,
        uint256 seriesId,
        uint256 spot,
        RollChecks.Outcome memory o
    ) private {
        emit RoundOpened(
            currentRound,
            seriesId,
            isCallVault,
            p.strike,
            p.expiry,
            o.size,
            p.startPremium,
            p.floorPremium,
            o.modelPremium,
            o.vol,
            spot,
            block.timestamp + p.auctionDuration
        );
    }

    /// @dev Adds a swap to the round's volume and loss (oracle value in asset units); see `RollChecks.chargeRebalance`.
    function _chargeRebalanceBudget(bool assetToOther, uint256 amountIn, uint256 amountOut, uint256 price) private {
        uint256 valueIn = assetToOther ? amountIn : _otherToAsset(amountIn, price);
        uint256 valueOut = assetToOther ? _otherToAsset(amountOut, price) : amountOut;
        (uint256 volume, uint256 loss) = RollChecks.chargeRebalance(
            rebalanceVolume,
            rebalanceLoss,
            valueIn,
            valueOut,
            navAtRoundStart,
            _limits
        );
        rebalanceVolume = volume.toUint128();
        rebalanceLoss = loss.toUint128();
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

    function _freshVol() private view returns (uint256 vol) {
        uint256 updatedAt;
        (vol, updatedAt) = volFeed.latest();
        if (block.timestamp > updatedAt + volHeartbeat) revert StaleVol(updatedAt, volHeartbeat, block.timestamp);
    }

    function _units() private view returns (OptionMath.Units memory) {
        return OptionMath.Units(BASE_UNIT, QUOTE_UNIT);
    }

    function _otherToAsset(uint256 amount, uint256 price) private view returns (uint256) {
        if (amount == 0) return 0;
        return
            isCallVault
                ? OptionMath.quoteToBase(amount, price, _units())
                : OptionMath.baseToQuote(amount, price, _units());
    }

    function _assetToOther(uint256 amount, uint256 price) private view returns (uint256) {
        return
            isCallVault
                ? OptionMath.baseToQuote(amount, price, _units())
                : OptionMath.quoteToBase(amount, price, _units());
    }

    function _payout(
        uint256 strike,
        uint256 price,
        uint256 size,
        Math.Rounding rounding
    ) private view returns (uint256) {
        return OptionMath.payout(isCallVault, strike, price, size, _units(), rounding);
    }

    /// @dev Collateral the running auction may still need.
    function _auctionCollateral() private view returns (uint256) {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) return 0;
        return OptionMath.collateral(isCallVault, live.strike, live.remainingSize, _units());
    }

    /// @dev Linear from the start premium to the floor over the auction window, rounded up.
    function _auctionPrice(LiveRound storage live) private view returns (uint256) {
        uint256 elapsed = block.timestamp - live.auctionStart;
        uint256 duration = live.auctionEnd - live.auctionStart;
        uint256 drop = ((uint256(live.startPremium) - live.floorPremium) * elapsed) / duration;
        return live.startPremium - drop;
    }

    function _setKeeperLimits(KeeperLimits memory limits) private {
        RollChecks.checkLimits(limits);
        _limits = limits;
        emit KeeperLimitsSet(limits);
    }
}
