// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IOptionVault} from "../interfaces/IOptionVault.sol";
import {BlackScholes} from "./BlackScholes.sol";
import {OptionMath} from "./OptionMath.sol";

/// @title RollChecks
/// @notice What the option vault checks at a roll, against its own Black-Scholes price of the
/// option: expiry and auction length, strike out of the money within the band, floor premium at
/// least `minFloorBps` of the model price, size clamped to the collateral and to `maxSizeBps` of
/// the NAV, and the vault's delta and vega after the roll within their limits.
/// @dev Linked as an external library so that its bytecode does not count against the vault's.
library RollChecks {
    uint256 private constant BPS = 10_000;
    uint256 private constant WAD = 1e18;
    uint256 private constant ORACLE_TO_WAD = 1e10; // 8-decimal oracle prices to 18 decimals
    uint256 private constant OPTION_UNIT = 1e18;

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

    /// @notice One option's (1e18 size) Black-Scholes value in asset units, its delta (wad, signed)
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
            p.startPremium > OptionMath.collateral(m.isCall, p.strike, OPTION_UNIT, u)
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
        o.vaultVega = Math.mulDiv(o.size, vega, OPTION_UNIT);
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
}
