// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAsyncRoundVault} from "../interfaces/IAsyncRoundVault.sol";
import {IOptions} from "../interfaces/IOptions.sol";
import {ISwapVenue} from "../interfaces/ISwapVenue.sol";
import {IVenueRegistry} from "../interfaces/IVenueRegistry.sol";
import {IVolFeed} from "../interfaces/IVolFeed.sol";
import {IOptionVault} from "../interfaces/IOptionVault.sol";
import {BlackScholes} from "./BlackScholes.sol";
import {OptionMath} from "./OptionMath.sol";

/// @title RollChecks
/// @notice What the option vault checks at a roll, against its own Black-Scholes price of the
/// option: expiry and auction length, strike out of the money within the band, floor premium at
/// least `minFloorBps` of the model price, size clamped to the collateral and to `maxSizeBps` of
/// the NAV, and the vault's delta and vega after the roll within their limits.
/// It also runs the live round for the vault: opening it, its Dutch auction, its settlement and its value.
/// @dev Linked as an external library so that its bytecode does not count against the vault's; called
/// by DELEGATECALL, it acts as the vault (storage, transfers, calls, events).
library RollChecks {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    uint256 private constant BPS = 10_000;
    uint256 private constant WAD = 1e18;
    uint256 private constant ORACLE_TO_WAD = 1e10; // 8-decimal oracle prices to 18 decimals

    /// @notice Code ceilings on the owner's keeper limits.
    uint256 internal constant MAX_ROUND_DURATION = 35 days;
    uint256 internal constant MAX_STRIKE_BAND_BPS = 5_000;
    uint256 internal constant MIN_FLOOR_BPS = 5_000;
    uint256 internal constant MAX_FLOOR_BPS = 20_000;
    uint256 internal constant MAX_SLIPPAGE_BPS = 500;
    uint256 internal constant MAX_REBALANCE_VOLUME_BPS = 20_000;
    uint256 internal constant MAX_REBALANCE_LOSS_BPS = 200;
    uint256 internal constant MIN_AUCTION_DURATION = 10 minutes;

    /// @notice The vault's market: its kind, the oracle spot (8 decimals) and the token units.
    struct Market {
        bool isCall;
        uint256 spot;
        uint256 baseUnit;
        uint256 quoteUnit;
    }

    /// @notice What the vault holds after the close (asset and other token) and its NAV in asset units.
    struct Holdings {
        uint256 idleAsset;
        uint256 idleOther;
        uint256 nav;
    }

    /// @notice The roll as it will run: clamped size, model premium per option, the vol it used, and
    /// the vault's delta (base units) and short vega (asset units per 1.00 of vol) if all of it sells.
    struct Outcome {
        uint256 size;
        uint256 modelPremium;
        uint256 vol;
        int256 vaultDelta;
        uint256 vaultVega;
    }

    /// @notice One option's (one whole base token of size) Black-Scholes value in asset units, its delta (wad, signed)
    /// and vega (asset units per 1.00 of vol), at `vol` and the time left to `expiry` (ACT/365).
    function model(
        Market memory m,
        uint256 strike,
        uint256 expiry,
        uint256 vol
    ) public view returns (uint256 premium, int256 delta, uint256 vega) {
        if (expiry <= block.timestamp) revert IOptionVault.InvalidExpiry(expiry, block.timestamp, 0);
        uint256 time = Math.mulDiv(expiry - block.timestamp, WAD, 365 days);
        uint256 priceUsd;
        uint256 vegaUsd;
        (priceUsd, delta, vegaUsd) = BlackScholes.greeks(
            m.isCall,
            m.spot * ORACLE_TO_WAD,
            strike * ORACLE_TO_WAD,
            time,
            vol
        );
        premium = _usdToAsset(m, priceUsd);
        vega = _usdToAsset(m, vegaUsd);
    }

    /// @notice Checks the keeper's roll and returns what it will do; reverts naming the first bound broken.
    function check(
        IOptionVault.RollParams memory p,
        Market memory m,
        Holdings memory h,
        IOptionVault.KeeperLimits storage limits,
        uint256 vol
    ) public view returns (Outcome memory o) {
        if (p.expiry <= block.timestamp || p.expiry > block.timestamp + limits.maxRoundDuration) {
            revert IOptionVault.InvalidExpiry(p.expiry, block.timestamp, limits.maxRoundDuration);
        }
        if (p.auctionDuration < limits.minAuctionDuration || block.timestamp + p.auctionDuration > p.expiry) {
            revert IOptionVault.InvalidAuctionDuration(p.auctionDuration, limits.minAuctionDuration);
        }
        _checkStrike(p.strike, m, limits);
        OptionMath.Units memory u = OptionMath.Units(m.baseUnit, m.quoteUnit);
        int256 delta;
        uint256 vega;
        (o.modelPremium, delta, vega) = model(m, p.strike, p.expiry, vol);
        o.vol = vol;
        if (
            p.floorPremium == 0 ||
            p.startPremium < p.floorPremium ||
            p.startPremium > OptionMath.collateral(m.isCall, p.strike, m.baseUnit, u)
        ) {
            revert IOptionVault.InvalidPremiums(p.startPremium, p.floorPremium);
        }
        if (p.floorPremium * BPS < o.modelPremium * limits.minFloorBps) {
            revert IOptionVault.FloorBelowModelPrice(p.floorPremium, o.modelPremium, limits.minFloorBps);
        }
        uint256 byCollateral =
            m.isCall
                ? h.idleAsset
                : Math.mulDiv(h.idleAsset, m.baseUnit * OptionMath.PRICE_UNIT, p.strike * m.quoteUnit);
        uint256 byNav =
            m.isCall
                ? (h.nav * limits.maxSizeBps) / BPS
                : Math.mulDiv(
                    (h.nav * limits.maxSizeBps) / BPS,
                    m.baseUnit * OptionMath.PRICE_UNIT,
                    p.strike * m.quoteUnit
                );
        o.size = Math.min(p.size, Math.min(byCollateral, byNav));

        int256 held = int256(m.isCall ? h.idleAsset : h.idleOther);
        o.vaultDelta = held - (int256(o.size) * delta) / int256(WAD);
        uint256 absDelta = o.vaultDelta >= 0 ? uint256(o.vaultDelta) : uint256(-o.vaultDelta);
        uint256 deltaValue = m.isCall ? absDelta : OptionMath.baseToQuote(absDelta, m.spot, u);
        if (deltaValue * BPS > h.nav * limits.maxDeltaBps)
            revert IOptionVault.DeltaLimitExceeded(o.vaultDelta, h.nav, limits.maxDeltaBps);
        o.vaultVega = Math.mulDiv(o.size, vega, m.baseUnit);
        if (o.vaultVega * BPS > h.nav * limits.maxVegaBps)
            revert IOptionVault.VegaLimitExceeded(o.vaultVega, h.nav, limits.maxVegaBps);
    }

    function _checkStrike(uint256 strike, Market memory m, IOptionVault.KeeperLimits storage limits) private view {
        uint256 spot = m.spot;
        uint256 distance = strike > spot ? strike - spot : spot - strike;
        if (strike == 0 || distance * BPS > spot * limits.strikeBandBps) {
            revert IOptionVault.StrikeOutOfBand(strike, spot, limits.strikeBandBps);
        }
        bool otm =
            m.isCall
                ? strike * BPS >= spot * (BPS + limits.minOtmBps)
                : strike * BPS <= spot * (BPS - limits.minOtmBps);
        if (!otm) revert IOptionVault.StrikeNotOutOfTheMoney(strike, spot, limits.minOtmBps);
    }

    /// @dev USD (wad) per option to the vault's asset units per option: base at the spot for calls, quote for puts.
    function _usdToAsset(Market memory m, uint256 usd) private pure returns (uint256) {
        return m.isCall ? Math.mulDiv(usd, m.baseUnit, m.spot * ORACLE_TO_WAD) : Math.mulDiv(usd, m.quoteUnit, WAD);
    }

    /// @notice Stores `newLimits` in `limits` once `checkLimits` accepts them, and emits `KeeperLimitsSet`.
    function setLimits(IOptionVault.KeeperLimits storage limits, IOptionVault.KeeperLimits memory newLimits) public {
        checkLimits(newLimits);
        limits.strikeBandBps = newLimits.strikeBandBps;
        limits.minOtmBps = newLimits.minOtmBps;
        limits.minFloorBps = newLimits.minFloorBps;
        limits.maxSlippageBps = newLimits.maxSlippageBps;
        limits.maxSizeBps = newLimits.maxSizeBps;
        limits.maxDeltaBps = newLimits.maxDeltaBps;
        limits.maxVegaBps = newLimits.maxVegaBps;
        limits.maxRebalanceVolumeBps = newLimits.maxRebalanceVolumeBps;
        limits.maxRebalanceLossBps = newLimits.maxRebalanceLossBps;
        limits.minAuctionDuration = newLimits.minAuctionDuration;
        limits.maxRoundDuration = newLimits.maxRoundDuration;
        emit IOptionVault.KeeperLimitsSet(newLimits);
    }

    /// @notice Reverts unless every limit lies inside its code ceiling: strike band <= 50 %, minimum
    /// out-of-the-money distance within the band, floor 50-200 % of the model price, slippage <= 5 %,
    /// size, delta and vega <= 100 % of NAV (size > 0), rebalance volume <= 200 % and loss <= 2 % of
    /// NAV a round, auctions >= 10 minutes and shorter than rounds, rounds <= 35 days.
    function checkLimits(IOptionVault.KeeperLimits memory limits) public pure {
        if (
            limits.strikeBandBps > MAX_STRIKE_BAND_BPS ||
            limits.minOtmBps > limits.strikeBandBps ||
            limits.minFloorBps < MIN_FLOOR_BPS ||
            limits.minFloorBps > MAX_FLOOR_BPS ||
            limits.maxSlippageBps > MAX_SLIPPAGE_BPS ||
            limits.maxSizeBps == 0 ||
            limits.maxSizeBps > BPS ||
            limits.maxDeltaBps > BPS ||
            limits.maxVegaBps > BPS ||
            limits.maxRebalanceVolumeBps > MAX_REBALANCE_VOLUME_BPS ||
            limits.maxRebalanceLossBps > MAX_REBALANCE_LOSS_BPS ||
            limits.minAuctionDuration < MIN_AUCTION_DURATION ||
            limits.maxRoundDuration > MAX_ROUND_DURATION ||
            limits.minAuctionDuration >= limits.maxRoundDuration
        ) revert IOptionVault.InvalidLimits();
    }

    /// @notice The round's rebalance volume and loss after one more swap of oracle value `valueIn`
    /// that brought `valueOut` (both asset units); reverts past `maxRebalanceVolumeBps` or
    /// `maxRebalanceLossBps` of `navAtRoundStart`.
    function chargeRebalance(
        uint256 volume,
        uint256 loss,
        uint256 valueIn,
        uint256 valueOut,
        uint256 navAtRoundStart,
        IOptionVault.KeeperLimits storage limits
    ) public view returns (uint256, uint256) {
        volume += valueIn;
        loss += valueIn > valueOut ? valueIn - valueOut : 0;
        uint256 maxVolume = (navAtRoundStart * limits.maxRebalanceVolumeBps) / BPS;
        uint256 maxLoss = (navAtRoundStart * limits.maxRebalanceLossBps) / BPS;
        if (volume > maxVolume || loss > maxLoss) {
            revert IOptionVault.RebalanceBudgetExceeded(volume, loss, maxVolume, maxLoss);
        }
        return (volume, loss);
    }

    /// @notice Checks the roll (`check`), creates the series when anything is to be sold, starts its
    /// auction in `live` and emits `RoundOpened` and `RoundRisk` for `round`.
    function open(
        IOptionVault.LiveRound storage live,
        IOptionVault.RollParams memory p,
        Market memory m,
        Holdings memory h,
        IOptionVault.KeeperLimits storage limits,
        uint256 vol,
        IOptions options,
        uint256 round
    ) public {
        Outcome memory o = check(p, m, h, limits, vol);
        uint256 seriesId;
        live.expiry = p.expiry.toUint64();
        if (o.size > 0) {
            seriesId = options.createSeries(m.isCall, p.strike, p.expiry);
            live.seriesId = seriesId.toUint64();
            live.auctionStart = uint64(block.timestamp);
            live.auctionEnd = (block.timestamp + p.auctionDuration).toUint64();
            live.startPremium = p.startPremium.toUint128();
            live.floorPremium = p.floorPremium.toUint128();
            live.remainingSize = o.size.toUint128();
            live.strike = p.strike.toUint128();
        }
        emit IOptionVault.RoundOpened(
            round,
            seriesId,
            m.isCall,
            p.strike,
            p.expiry,
            o.size,
            p.startPremium,
            p.floorPremium,
            o.modelPremium,
            o.vol,
            m.spot,
            block.timestamp + p.auctionDuration
        );
        emit IOptionVault.RoundRisk(round, o.vaultDelta, o.vaultVega, h.nav);
    }

    /// @notice Sells `size` options of the live series at the auction price to the caller, who pays the
    /// premium in `asset`; returns the premium and the vault's idle asset after the collateral left.
    function buy(
        IOptionVault.LiveRound storage live,
        uint256 size,
        uint256 maxPremiumPerOption,
        uint256 idleAsset,
        Market memory m,
        IOptions options,
        IERC20 asset,
        uint256 round
    ) public returns (uint256 premium, uint256 idleAfter) {
        uint256 remaining = live.remainingSize;
        if (remaining == 0 || block.timestamp >= live.auctionEnd) revert IOptionVault.AuctionNotActive();
        if (size == 0) revert IAsyncRoundVault.ZeroAmount();
        if (size > remaining) revert IOptionVault.AuctionSizeExceeded(size, remaining);
        uint256 premiumPerOption = auctionPrice(live);
        if (premiumPerOption > maxPremiumPerOption) {
            revert IOptionVault.PremiumAboveMax(premiumPerOption, maxPremiumPerOption);
        }
        premium = Math.mulDiv(size, premiumPerOption, m.baseUnit, Math.Rounding.Ceil);
        uint256 collateral = OptionMath.collateral(
            m.isCall,
            live.strike,
            size,
            OptionMath.Units(m.baseUnit, m.quoteUnit)
        );
        uint256 idle = idleAsset + premium;
        if (collateral > idle) revert IAsyncRoundVault.InsufficientIdle(collateral, idle);
        idleAfter = idle - collateral;
        live.remainingSize = (remaining - size).toUint128();
        live.soldSize += size.toUint128();
        live.premiumCollected += premium.toUint128();
        uint256 seriesId = live.seriesId;
        asset.safeTransferFrom(msg.sender, address(this), premium);
        options.write(seriesId, msg.sender, size);
        emit IOptionVault.OptionsSold(round, seriesId, msg.sender, size, premiumPerOption, premium);
    }

    /// @notice Settles the live series at oracle round `hint` unless someone did, and takes back the
    /// collateral its holders are not owed; returns the round's premium, options sold and collateral back.
    function settle(
        IOptionVault.LiveRound storage live,
        IOptions options,
        uint80 hint
    ) public returns (uint256 premium, uint256 sold, uint256 returned) {
        (premium, sold) = (live.premiumCollected, live.soldSize);
        if (sold > 0) {
            uint256 seriesId = live.seriesId;
            if (!options.series(seriesId).settled) options.settle(seriesId, hint);
            returned = options.reclaimCollateral(seriesId);
        }
    }

    /// @notice What the vault holds besides its idle asset, in asset units at the spot `m.spot` (0: no
    /// usable price): `idleOther` at that spot (0 without a price), plus the live series' collateral
    /// less the settlement payout once settled, less the intrinsic value (rounded up) before.
    function heldValue(
        IOptionVault.LiveRound storage live,
        uint256 idleOther,
        Market memory m,
        IOptions options
    ) public view returns (uint256) {
        return (m.spot > 0 ? _otherToAsset(idleOther, m) : 0) + _liveValue(live, m, options);
    }

    function _liveValue(
        IOptionVault.LiveRound storage live,
        Market memory m,
        IOptions options
    ) private view returns (uint256) {
        uint256 price = m.spot;
        uint256 sold = live.soldSize;
        if (sold == 0) return 0;
        IOptions.Series memory series = options.series(live.seriesId);
        if (series.settled) return series.collateral - series.holdersPayout;
        if (price == 0) return 0;
        uint256 owed = OptionMath.payout(
            m.isCall,
            live.strike,
            price,
            sold,
            OptionMath.Units(m.baseUnit, m.quoteUnit),
            Math.Rounding.Ceil
        );
        return series.collateral - Math.min(owed, series.collateral);
    }

    /// @notice The vol feed's answer, or a revert when it is older than `heartbeat` seconds.
    function freshVol(IVolFeed feed, uint256 heartbeat) public view returns (uint256 vol) {
        uint256 updatedAt;
        (vol, updatedAt) = feed.latest();
        if (block.timestamp > updatedAt + heartbeat) {
            revert IOptionVault.StaleVol(updatedAt, heartbeat, block.timestamp);
        }
    }

    /// @notice Ends the running auction of `round`; what was sold stays sold.
    function cancelAuction(IOptionVault.LiveRound storage live, uint256 round) public {
        uint256 unsold = live.remainingSize;
        if (unsold == 0 || block.timestamp >= live.auctionEnd) revert IOptionVault.AuctionNotActive();
        live.remainingSize = 0;
        live.auctionEnd = uint64(block.timestamp);
        emit IOptionVault.AuctionCancelled(round, unsold);
    }

    /// @notice The auction price per option now, or a revert when no auction runs.
    function currentPremium(IOptionVault.LiveRound storage live) public view returns (uint256) {
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert IOptionVault.AuctionNotActive();
        return auctionPrice(live);
    }

    /// @notice The auction price per option now: linear from the start premium to the floor over the window.
    function auctionPrice(IOptionVault.LiveRound storage live) public view returns (uint256) {
        uint256 elapsed = block.timestamp - live.auctionStart;
        uint256 duration = live.auctionEnd - live.auctionStart;
        uint256 drop = ((uint256(live.startPremium) - live.floorPremium) * elapsed) / duration;
        return live.startPremium - drop;
    }

    /// @notice The vault's books a swap changes: idle asset and other token, the round's rebalance
    /// volume and loss, and the NAV the round started with (their budget's base).
    struct Books {
        uint256 idleAsset;
        uint256 idleOther;
        uint256 volume;
        uint256 loss;
        uint256 navAtRoundStart;
    }

    /// @notice Swaps idle asset to the other token (`assetToOther`) or back, leg by leg through
    /// venues of the `venues` registry, refusing a leg's `minAmountOut` under its oracle value less `maxSlippageBps`,
    /// collateral the running auction may still need, and a swap past the round's budget; returns the
    /// books after.
    function swap(
        IOptionVault.LiveRound storage live,
        IOptionVault.KeeperLimits storage limits,
        IVenueRegistry venues,
        Books memory b,
        Market memory m,
        bool assetToOther,
        IOptionVault.SwapLeg[] calldata legs
    ) public returns (Books memory) {
        if (legs.length == 0) revert IAsyncRoundVault.ZeroAmount();
        (IERC20 baseToken, IERC20 quoteToken) = (IERC20(venues.base()), IERC20(venues.quote()));
        // Selling base: a call vault's asset to the other token, or a put vault's other token back.
        (IERC20 tokenIn, IERC20 tokenOut) = m.isCall == assetToOther
            ? (baseToken, quoteToken)
            : (quoteToken, baseToken);
        for (uint256 i = 0; i < legs.length; i++) {
            IOptionVault.SwapLeg calldata leg = legs[i];
            if (!venues.isVenue(leg.venue)) revert IOptionVault.VenueNotAllowed(leg.venue);
            uint256 amountIn = leg.amountIn;
            if (amountIn == 0) revert IAsyncRoundVault.ZeroAmount();
            uint256 available = assetToOther ? b.idleAsset - _auctionCollateral(live, m) : b.idleOther;
            if (amountIn > available) revert IAsyncRoundVault.InsufficientIdle(amountIn, available);
            uint256 valueIn = assetToOther ? amountIn : _otherToAsset(amountIn, m);
            uint256 bound = Math.mulDiv(
                assetToOther ? _assetToOther(amountIn, m) : valueIn,
                BPS - limits.maxSlippageBps,
                BPS,
                Math.Rounding.Ceil
            );
            if (leg.minAmountOut < bound) revert IOptionVault.SlippageBoundExceeded(leg.minAmountOut, bound);
            uint256 received = _swapAt(ISwapVenue(leg.venue), tokenIn, tokenOut, amountIn, leg.minAmountOut);
            if (assetToOther) (b.idleAsset, b.idleOther) = (b.idleAsset - amountIn, b.idleOther + received);
            else (b.idleAsset, b.idleOther) = (b.idleAsset + received, b.idleOther - amountIn);
            uint256 valueOut = assetToOther ? _otherToAsset(received, m) : received;
            (b.volume, b.loss) = chargeRebalance(b.volume, b.loss, valueIn, valueOut, b.navAtRoundStart, limits);
            emit IOptionVault.Rebalanced(assetToOther, leg.venue, amountIn, received, leg.minAmountOut, m.spot);
        }
        return b;
    }

    /// @dev One venue call, trusting the venue with nothing but an allowance of exactly `amountIn` for
    /// this call: what it took and what it delivered are measured on the vault's own balances.
    function _swapAt(
        ISwapVenue venue,
        IERC20 tokenIn,
        IERC20 tokenOut,
        uint256 amountIn,
        uint256 minAmountOut
    ) private returns (uint256 received) {
        uint256 inBefore = tokenIn.balanceOf(address(this));
        uint256 outBefore = tokenOut.balanceOf(address(this));
        tokenIn.forceApprove(address(venue), amountIn);
        venue.swapExactIn(address(tokenIn), amountIn, minAmountOut, address(this), block.timestamp);
        tokenIn.forceApprove(address(venue), 0);
        uint256 inAfter = tokenIn.balanceOf(address(this));
        if (inAfter + amountIn != inBefore) {
            revert IOptionVault.VenueSpentOtherThanAmountIn(address(venue), amountIn, inBefore, inAfter);
        }
        // Nothing holds an allowance of the vault's tokenOut here, so its balance cannot have fallen.
        received = tokenOut.balanceOf(address(this)) - outBefore;
        if (received < minAmountOut)
            revert IOptionVault.VenueDeliveredTooLittle(address(venue), received, minAmountOut);
    }

    /// @dev Collateral the running auction may still need.
    function _auctionCollateral(IOptionVault.LiveRound storage live, Market memory m) private view returns (uint256) {
        uint256 remaining = live.remainingSize;
        if (remaining == 0 || block.timestamp >= live.auctionEnd) return 0;
        return OptionMath.collateral(m.isCall, live.strike, remaining, OptionMath.Units(m.baseUnit, m.quoteUnit));
    }

    /// @notice The vault's asset worth `amount` of the other token at the market's spot, rounded down.
    function otherToAsset(uint256 amount, Market memory m) public pure returns (uint256) {
        return _otherToAsset(amount, m);
    }

    /// @notice `model` at the vol feed's answer (refused when older than `heartbeat`), with that vol.
    function quote(
        Market memory m,
        uint256 strike,
        uint256 expiry,
        IVolFeed feed,
        uint256 heartbeat
    ) public view returns (uint256 premium, int256 delta, uint256 vega, uint256 vol) {
        vol = freshVol(feed, heartbeat);
        (premium, delta, vega) = model(m, strike, expiry, vol);
    }

    function _otherToAsset(uint256 amount, Market memory m) private pure returns (uint256) {
        OptionMath.Units memory u = OptionMath.Units(m.baseUnit, m.quoteUnit);
        return m.isCall ? OptionMath.quoteToBase(amount, m.spot, u) : OptionMath.baseToQuote(amount, m.spot, u);
    }

    function _assetToOther(uint256 amount, Market memory m) private pure returns (uint256) {
        OptionMath.Units memory u = OptionMath.Units(m.baseUnit, m.quoteUnit);
        return m.isCall ? OptionMath.baseToQuote(amount, m.spot, u) : OptionMath.quoteToBase(amount, m.spot, u);
    }
}
