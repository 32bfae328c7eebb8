// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {AggregatorV3Interface} from "@chainlink/contracts/src/v0.8/shared/interfaces/AggregatorV3Interface.sol";
import {IOptions} from "./interfaces/IOptions.sol";
import {OptionMath} from "./libraries/OptionMath.sol";

/// @title Options
/// @notice European, cash-settled options on the base token, priced in USD by the oracle.
/// Registered writers (the vaults) create one series per round and write it to buyers, who hold
/// the options as ERC-1155 tokens (id = series id). The collateral stays here until settlement:
/// a call locks one base per option and pays (S - K) / S base; a put locks K quote per option and
/// pays K - S quote (`OptionMath`). Holders' payouts are rounded down and the amount reserved for
/// them up, so the reserve always covers every claim. A series settles at the oracle's first answer
/// at or after its expiry, never a later one. Writers change only through the owner's timelock.
contract Options is IOptions, ERC1155, Timelocked, ReentrancyGuard {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    address public immutable override base;
    address public immutable override quote;
    address public immutable override oracle;
    uint256 private immutable BASE_UNIT;
    uint256 private immutable QUOTE_UNIT;

    mapping(address => bool) public isWriter;
    mapping(uint256 => Series) private _series;
    uint256 public override seriesCount;

    error OracleDecimalsMismatch(uint8 decimals);

    /// @param writers the vaults allowed to write from the start (their addresses are known before
    /// they are deployed); later changes go through the timelock
    constructor(
        address base_,
        address quote_,
        address oracle_,
        address owner_,
        address[] memory writers,
        uint256 timelockDelay_
    ) ERC1155("") Ownable(owner_) Timelocked(timelockDelay_) {
        uint8 oracleDecimals = AggregatorV3Interface(oracle_).decimals();
        if (oracleDecimals != 8) revert OracleDecimalsMismatch(oracleDecimals);
        base = base_;
        quote = quote_;
        oracle = oracle_;
        BASE_UNIT = 10 ** IERC20Metadata(base_).decimals();
        QUOTE_UNIT = 10 ** IERC20Metadata(quote_).decimals();
        for (uint256 i = 0; i < writers.length; ++i) {
            _setWriter(writers[i], true);
        }
    }

    modifier onlyWriterOf(uint256 seriesId) {
        if (_series[seriesId].writer != msg.sender) revert NotWriter(msg.sender);
        _;
    }

    /// @notice Allows or forbids `writer` to create and write series. Only through the owner's timelock.
    function setWriter(address writer, bool allowed) external onlyTimelock {
        _setWriter(writer, allowed);
    }

    function _setWriter(address writer, bool allowed) private {
        isWriter[writer] = allowed;
        emit WriterSet(writer, allowed);
    }

    /// @inheritdoc IOptions
    function series(uint256 seriesId) external view override returns (Series memory) {
        return _series[seriesId];
    }

    /// @inheritdoc IOptions
    function collateralToken(uint256 seriesId) public view override returns (address) {
        Series storage s = _series[seriesId];
        if (s.writer == address(0)) revert UnknownSeries(seriesId);
        return s.isCall ? base : quote;
    }

    /// @inheritdoc IOptions
    function collateralFor(bool isCall, uint256 strike, uint256 size) public view override returns (uint256) {
        return OptionMath.collateral(isCall, strike, size, _units());
    }

    /// @inheritdoc IOptions
    function createSeries(bool isCall, uint256 strike, uint256 expiry) external override returns (uint256 seriesId) {
        if (!isWriter[msg.sender]) revert NotWriter(msg.sender);
        if (strike == 0 || strike > type(uint128).max || expiry <= block.timestamp || expiry > type(uint64).max) {
            revert InvalidSeries(strike, expiry);
        }
        seriesId = ++seriesCount;
        Series storage s = _series[seriesId];
        s.writer = msg.sender;
        s.expiry = uint64(expiry);
        s.isCall = isCall;
        s.strike = uint128(strike);
        emit SeriesCreated(seriesId, msg.sender, isCall, strike, expiry);
    }

    /// @inheritdoc IOptions
    function write(
        uint256 seriesId,
        address to,
        uint256 size
    ) external override nonReentrant onlyWriterOf(seriesId) returns (uint256 collateral) {
        Series storage s = _series[seriesId];
        if (size == 0) revert ZeroSize();
        if (block.timestamp >= s.expiry) revert AlreadyExpired(seriesId, s.expiry);
        collateral = collateralFor(s.isCall, s.strike, size);
        s.written += size.toUint128();
        s.collateral += collateral.toUint128();
        IERC20(s.isCall ? base : quote).safeTransferFrom(msg.sender, address(this), collateral);
        emit OptionsWritten(seriesId, to, size, collateral);
        _mint(to, seriesId, size, "");
    }

    /// @inheritdoc IOptions
    function settle(uint256 seriesId, uint80 roundId) external override returns (uint256 settlementPrice) {
        Series storage s = _series[seriesId];
        if (s.writer == address(0)) revert UnknownSeries(seriesId);
        if (s.settled) revert AlreadySettled(seriesId);
        uint256 expiry = s.expiry;
        if (block.timestamp < expiry) revert NotExpired(seriesId, expiry, block.timestamp);
        AggregatorV3Interface feed = AggregatorV3Interface(oracle);
        if (roundId == 0) (roundId, , , , ) = feed.latestRoundData();
        (, int256 answer, , uint256 updatedAt, uint80 answeredInRound) = feed.getRoundData(roundId);
        if (updatedAt < expiry || answeredInRound < roundId) revert PriceBeforeExpiry(updatedAt, expiry);
        if (answer <= 0) revert NonPositiveSettlementPrice(answer);
        (, , , uint256 previousAt, ) = feed.getRoundData(roundId - 1);
        if (previousAt >= expiry) revert NotFirstAnswerAfterExpiry(roundId, previousAt, expiry);
        settlementPrice = uint256(answer);
        s.settled = true;
        s.settlementPrice = settlementPrice.toUint128();
        s.holdersPayout = OptionMath
            .payout(s.isCall, s.strike, settlementPrice, s.written, _units(), Math.Rounding.Ceil)
            .toUint128();
        emit SeriesSettled(seriesId, settlementPrice, s.holdersPayout, roundId);
    }

    /// @inheritdoc IOptions
    function reclaimCollateral(
        uint256 seriesId
    ) external override nonReentrant onlyWriterOf(seriesId) returns (uint256 amount) {
        Series storage s = _series[seriesId];
        if (!s.settled) revert NotSettled(seriesId);
        if (s.collateralReclaimed) revert CollateralAlreadyReclaimed(seriesId);
        s.collateralReclaimed = true;
        amount = s.collateral - s.holdersPayout;
        if (amount > 0) IERC20(s.isCall ? base : quote).safeTransfer(msg.sender, amount);
        emit CollateralReclaimed(seriesId, msg.sender, amount);
    }

    /// @inheritdoc IOptions
    function claim(
        uint256 seriesId,
        uint256 size,
        address receiver
    ) external override nonReentrant returns (uint256 payout) {
        Series storage s = _series[seriesId];
        if (!s.settled) revert NotSettled(seriesId);
        if (size == 0) revert ZeroSize();
        _burn(msg.sender, seriesId, size);
        payout = _payout(s.isCall, s.strike, s.settlementPrice, size, Math.Rounding.Floor);
        if (payout > 0) IERC20(s.isCall ? base : quote).safeTransfer(receiver, payout);
        emit OptionsClaimed(seriesId, msg.sender, receiver, size, payout);
    }

    /// @inheritdoc IOptions
    function payoutFor(uint256 seriesId, uint256 size) external view override returns (uint256) {
        Series storage s = _series[seriesId];
        if (!s.settled) return 0;
        return _payout(s.isCall, s.strike, s.settlementPrice, size, Math.Rounding.Floor);
    }

    function _payout(
        bool isCall,
        uint256 strike,
        uint256 price,
        uint256 size,
        Math.Rounding rounding
    ) private view returns (uint256) {
        return OptionMath.payout(isCall, strike, price, size, _units(), rounding);
    }

    function _units() private view returns (OptionMath.Units memory) {
        return OptionMath.Units(BASE_UNIT, QUOTE_UNIT);
    }
}
