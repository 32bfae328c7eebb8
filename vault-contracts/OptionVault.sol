// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAggregatorV3} from "./interfaces/IAggregatorV3.sol";
import {IConstantProductPool} from "./interfaces/IConstantProductPool.sol";
import {IOptions} from "./interfaces/IOptions.sol";
import {IOptionVault} from "./interfaces/IOptionVault.sol";
import {IERC7540Operator, IERC7540Deposit, IERC7540Redeem} from "./interfaces/IERC7540.sol";
import {OracleLib} from "./libraries/OracleLib.sol";

/// @title OptionVault
/// @notice A round-based option vault. Covered-call mode when the asset is the base token (calls
/// collateralised one to one), cash-secured-put mode when the asset is the quote token (puts
/// collateralised by strike x size). Shares follow ERC-4626; deposits and redeems are queued
/// (ERC-7540) and settle at the price fixed when the round rolls. Each round the keeper writes one
/// option series and sells it in a Dutch auction; between rolls it may move idle funds between the
/// two tokens through the pool. The vault keeps its own books (idle balances), so tokens sent to it
/// directly change nothing: a donation can never move the share price.
contract OptionVault is IOptionVault, ERC20, Ownable, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Shares carry 3 more decimals than the asset; 10^3 virtual shares and 1 virtual asset
    /// make the first-depositor inflation attack cost the attacker far more than it could take.
    uint8 public constant DECIMALS_OFFSET = 3;
    uint256 public constant MAX_MANAGEMENT_FEE_BPS = 500; // 5 % a year
    uint256 public constant MAX_PERFORMANCE_FEE_BPS = 3_000; // 30 % of a round's gain
    uint256 private constant VIRTUAL_SHARES = 10 ** DECIMALS_OFFSET;
    uint256 private constant BPS = 10_000;
    uint256 private constant YEAR = 365 days;
    uint256 private constant PRICE_UNIT = 1e8; // the oracle's 8 decimals
    uint256 private constant OPTION_UNIT = 1e18; // premiums are quoted per 1e18 option size
    uint256 private constant REQUEST_ID = 0; // ERC-7540: requests aggregate per controller

    /// @notice Where a round's assets stood when it closed: deposits and redeems queued in that
    /// round convert at (assets + 1) / (supply + 10^3).
    struct RoundPrice {
        uint128 assets;
        uint128 supply;
    }

    /// @notice The live round: its option series and Dutch auction.
    struct LiveRound {
        uint64 seriesId; // 0 when the round writes no options
        uint64 expiry; // the round cannot close before
        uint64 auctionStart;
        uint64 auctionEnd;
        uint128 startPremium;
        uint128 floorPremium;
        uint128 remainingSize;
        uint128 premiumCollected;
        uint128 strike;
        uint128 soldSize;
    }

    struct DepositReceipt {
        uint64 round; // round in which `pendingAssets` were requested
        uint128 pendingAssets;
        uint128 claimableAssets;
        uint128 claimableShares;
    }

    struct RedeemReceipt {
        uint64 round; // round in which `pendingShares` were requested
        uint128 pendingShares;
        uint128 claimableAssets;
        uint128 claimableShares;
    }

    IERC20 private immutable _asset;
    /// @notice The token the rebalancing hook swaps the asset into and out of.
    IERC20 public immutable otherToken;
    bool public immutable isCallVault;
    IOptions public immutable options;
    IConstantProductPool public immutable pool;
    IAggregatorV3 public immutable oracle;
    /// @notice Oracle answers older than this many seconds are refused.
    uint256 public immutable heartbeat;
    uint8 private immutable _shareDecimals;
    uint256 private immutable BASE_UNIT;
    uint256 private immutable QUOTE_UNIT;

    // ---- books (all in token units; the asset held = idle + pending deposits + reserved + fees + dust) ----
    /// @notice Asset owned by shareholders and not locked as option collateral.
    uint128 public idleAsset;
    /// @notice Other token owned by shareholders (from rebalancing).
    uint128 public idleOther;
    /// @notice Assets of deposit requests waiting for the current round to close.
    uint128 public pendingDepositAssets;
    /// @notice Shares of redeem requests waiting for the current round to close (held by the vault).
    uint128 public pendingRedeemShares;
    /// @notice Assets set aside for processed redeem requests not yet claimed.
    uint128 public reservedForRedeems;
    /// @notice Fees owed to the fee recipient.
    uint128 public accruedFees;
    /// @notice The vault's value, in asset units, when the current round started (for the performance fee).
    uint128 public navAtRoundStart;
    uint64 public roundStartedAt;
    /// @notice The round now running; requests made now are processed when it closes.
    uint64 public currentRound;

    LiveRound private _live;
    mapping(uint256 round => RoundPrice) private _roundPrices;
    mapping(address controller => DepositReceipt) private _depositReceipts;
    mapping(address controller => RedeemReceipt) private _redeemReceipts;
    mapping(address controller => mapping(address operator => bool)) public override isOperator;

    address public keeper;
    address public feeRecipient;
    uint16 public managementFeeBps;
    uint16 public performanceFeeBps;
    KeeperLimits private _limits;

    struct InitParams {
        string name;
        string symbol;
        address asset;
        IOptions options;
        IConstantProductPool pool;
        IAggregatorV3 oracle;
        uint256 heartbeat;
        address owner;
        address keeper;
        address feeRecipient;
        uint16 managementFeeBps;
        uint16 performanceFeeBps;
        KeeperLimits limits;
    }

    error AssetNotInMarket(address asset);
    error PoolMismatch(address pool);

    constructor(InitParams memory p) ERC20(p.name, p.symbol) Ownable(p.owner) {
        address base = p.options.base();
        address quote = p.options.quote();
        if (p.asset != base && p.asset != quote) revert AssetNotInMarket(p.asset);
        if (p.pool.base() != base || p.pool.quote() != quote) revert PoolMismatch(address(p.pool));
        isCallVault = p.asset == base;
        _asset = IERC20(p.asset);
        otherToken = IERC20(isCallVault ? quote : base);
        options = p.options;
        pool = p.pool;
        oracle = p.oracle;
        heartbeat = p.heartbeat;
        BASE_UNIT = 10 ** IERC20Metadata(base).decimals();
        QUOTE_UNIT = 10 ** IERC20Metadata(quote).decimals();
        _shareDecimals = IERC20Metadata(p.asset).decimals() + DECIMALS_OFFSET;
        currentRound = 1;
        roundStartedAt = uint64(block.timestamp);
        _setKeeper(p.keeper);
        _setFeeRecipient(p.feeRecipient);
        _setFees(p.managementFeeBps, p.performanceFeeBps);
        _setKeeperLimits(p.limits);
        // The options contract pulls collateral on every write; the pool pulls the swapped token.
        _asset.forceApprove(address(p.options), type(uint256).max);
        _asset.forceApprove(address(p.pool), type(uint256).max);
        otherToken.forceApprove(address(p.pool), type(uint256).max);
    }

    modifier onlyKeeper() {
        if (msg.sender != keeper) revert NotKeeper(msg.sender);
        _;
    }

    modifier onlyAuthorized(address owner_) {
        if (msg.sender != owner_ && !isOperator[owner_][msg.sender]) revert NotAuthorized(msg.sender, owner_);
        _;
    }

    // =========================================================================================
    // ERC-20 / ERC-4626 metadata and views
    // =========================================================================================

    /// @notice Share decimals: the asset's plus `DECIMALS_OFFSET`.
    function decimals() public view override(ERC20, IERC20Metadata) returns (uint8) {
        return _shareDecimals;
    }

    /// @notice ERC-165: ERC-7540 operator, asynchronous deposit and asynchronous redeem.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC165).interfaceId || interfaceId == type(IERC7540Operator).interfaceId
            || interfaceId == 0xce3bbe50 // ERC-7540 asynchronous deposit
            || interfaceId == 0x620ee8e4; // ERC-7540 asynchronous redeem
    }

    /// @notice The token deposited and redeemed.
    function asset() external view override returns (address) {
        return address(_asset);
    }

    /// @notice Shareholders' assets now, in asset units: idle asset, idle other token at the oracle
    /// price, and the live series' collateral less what its holders get (the settlement payout once
    /// settled, the intrinsic value at the oracle price before). Pending deposits and everything
    /// reserved for redeems and fees are excluded. Reverts on a stale oracle answer.
    function totalAssets() public view override returns (uint256) {
        uint256 price = _price();
        uint256 value = idleAsset + _otherToAsset(idleOther, price);
        LiveRound storage live = _live;
        if (live.soldSize > 0) {
            IOptions.Series memory series = options.series(live.seriesId);
            uint256 owed = series.settled ? series.holdersPayout : _intrinsicValue(live.strike, price, live.soldSize);
            value += series.collateral - owed;
        }
        return value;
    }

    /// @notice Shares `assets` would be worth at the live value (rounded down).
    function convertToShares(uint256 assets) external view override returns (uint256) {
        return Math.mulDiv(assets, totalSupply() + VIRTUAL_SHARES, totalAssets() + 1);
    }

    /// @notice Assets `shares` are worth at the live value (rounded down).
    function convertToAssets(uint256 shares) external view override returns (uint256) {
        return Math.mulDiv(shares, totalAssets() + 1, totalSupply() + VIRTUAL_SHARES);
    }

    /// @notice The round's closing price: assets and supply it converted at, and the asset value of one whole share.
    function roundPrice(uint256 round) external view returns (uint256 assets, uint256 supply, uint256 pricePerShare) {
        RoundPrice memory price = _roundPrices[round];
        return (price.assets, price.supply, _pricePerShare(price.assets, price.supply));
    }

    /// @notice The live round's series and auction.
    function liveRound() external view returns (LiveRound memory) {
        return _live;
    }

    /// @notice The bounds the owner put on the keeper.
    function keeperLimits() external view returns (KeeperLimits memory) {
        return _limits;
    }

    // =========================================================================================
    // ERC-7540 requests
    // =========================================================================================

    /// @inheritdoc IERC7540Operator
    function setOperator(address operator, bool approved) external override returns (bool) {
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @notice Queues `assets` (pulled from `owner_`) to become shares of `controller` when the round closes.
    function requestDeposit(uint256 assets, address controller, address owner_)
        external
        override
        nonReentrant
        whenNotPaused
        onlyAuthorized(owner_)
        returns (uint256)
    {
        if (assets == 0) revert ZeroAmount();
        DepositReceipt storage receipt = _depositReceipts[controller];
        _processDepositReceipt(receipt);
        receipt.round = currentRound;
        receipt.pendingAssets += assets.toUint128();
        pendingDepositAssets += assets.toUint128();
        _asset.safeTransferFrom(owner_, address(this), assets);
        emit DepositRequest(controller, owner_, REQUEST_ID, msg.sender, assets);
        return REQUEST_ID;
    }

    /// @notice Takes back `assets` of `controller`'s deposit request still pending in this round.
    function cancelDepositRequest(uint256 assets, address receiver, address controller)
        external
        override
        nonReentrant
        onlyAuthorized(controller)
    {
        if (assets == 0) revert ZeroAmount();
        DepositReceipt storage receipt = _depositReceipts[controller];
        _processDepositReceipt(receipt);
        uint256 pending = receipt.pendingAssets;
        if (assets > pending) revert ExceedsPending(assets, pending);
        receipt.pendingAssets = uint128(pending - assets);
        pendingDepositAssets -= uint128(assets);
        _asset.safeTransfer(receiver, assets);
        emit DepositRequestCancelled(controller, receiver, assets);
    }

    /// @notice Queues `shares` (moved from `owner_` into the vault) to be redeemed for `controller` when the round closes.
    function requestRedeem(uint256 shares, address controller, address owner_)
        external
        override
        nonReentrant
        onlyAuthorized(owner_)
        returns (uint256)
    {
        if (shares == 0) revert ZeroAmount();
        RedeemReceipt storage receipt = _redeemReceipts[controller];
        _processRedeemReceipt(receipt);
        receipt.round = currentRound;
        receipt.pendingShares += shares.toUint128();
        pendingRedeemShares += shares.toUint128();
        _transfer(owner_, address(this), shares);
        emit RedeemRequest(controller, owner_, REQUEST_ID, msg.sender, shares);
        return REQUEST_ID;
    }

    /// @inheritdoc IERC7540Deposit
    function pendingDepositRequest(uint256, address controller) external view override returns (uint256) {
        DepositReceipt memory receipt = _depositReceipts[controller];
        return receipt.round == currentRound ? receipt.pendingAssets : 0;
    }

    /// @inheritdoc IERC7540Deposit
    function claimableDepositRequest(uint256, address controller) public view override returns (uint256) {
        (uint256 assets,) = _claimableDeposit(controller);
        return assets;
    }

    /// @inheritdoc IERC7540Redeem
    function pendingRedeemRequest(uint256, address controller) external view override returns (uint256) {
        RedeemReceipt memory receipt = _redeemReceipts[controller];
        return receipt.round == currentRound ? receipt.pendingShares : 0;
    }

    /// @inheritdoc IERC7540Redeem
    function claimableRedeemRequest(uint256, address controller) public view override returns (uint256) {
        (, uint256 shares) = _claimableRedeem(controller);
        return shares;
    }

    // =========================================================================================
    // ERC-4626 entry points: claims of processed requests
    // =========================================================================================

    /// @notice Claimable assets of `controller`'s processed deposit requests.
    function maxDeposit(address controller) external view override returns (uint256) {
        return claimableDepositRequest(REQUEST_ID, controller);
    }

    /// @notice Claimable shares of `controller`'s processed deposit requests.
    function maxMint(address controller) external view override returns (uint256) {
        (, uint256 shares) = _claimableDeposit(controller);
        return shares;
    }

    /// @notice Claimable assets of `controller`'s processed redeem requests.
    function maxWithdraw(address controller) external view override returns (uint256) {
        (uint256 assets,) = _claimableRedeem(controller);
        return assets;
    }

    /// @notice Claimable shares of `controller`'s processed redeem requests.
    function maxRedeem(address controller) external view override returns (uint256) {
        return claimableRedeemRequest(REQUEST_ID, controller);
    }

    /// @notice Always reverts: deposits are asynchronous (ERC-7540).
    function previewDeposit(uint256) external pure override returns (uint256) {
        revert AsyncFlow();
    }

    /// @notice Always reverts: deposits are asynchronous (ERC-7540).
    function previewMint(uint256) external pure override returns (uint256) {
        revert AsyncFlow();
    }

    /// @notice Always reverts: redeems are asynchronous (ERC-7540).
    function previewWithdraw(uint256) external pure override returns (uint256) {
        revert AsyncFlow();
    }

    /// @notice Always reverts: redeems are asynchronous (ERC-7540).
    function previewRedeem(uint256) external pure override returns (uint256) {
        revert AsyncFlow();
    }

    /// @notice Claims the shares of `assets` of the caller's processed deposit requests.
    function deposit(uint256 assets, address receiver) external override returns (uint256) {
        return deposit(assets, receiver, msg.sender);
    }

    /// @notice Claims the shares of `assets` of `controller`'s processed deposit requests, sent to `receiver`.
    function deposit(uint256 assets, address receiver, address controller)
        public
        override
        nonReentrant
        onlyAuthorized(controller)
        returns (uint256 shares)
    {
        DepositReceipt storage receipt = _depositReceipts[controller];
        _processDepositReceipt(receipt);
        (uint256 claimableAssets, uint256 claimableShares) = (receipt.claimableAssets, receipt.claimableShares);
        if (assets == 0) revert ZeroAmount();
        if (assets > claimableAssets) revert ExceedsClaimable(assets, claimableAssets);
        shares = assets == claimableAssets ? claimableShares : Math.mulDiv(assets, claimableShares, claimableAssets);
        _claimDeposit(receipt, controller, receiver, assets, shares);
    }

    /// @notice Claims `shares` of the caller's processed deposit requests.
    function mint(uint256 shares, address receiver) external override returns (uint256) {
        return mint(shares, receiver, msg.sender);
    }

    /// @notice Claims `shares` of `controller`'s processed deposit requests, sent to `receiver`.
    function mint(uint256 shares, address receiver, address controller)
        public
        override
        nonReentrant
        onlyAuthorized(controller)
        returns (uint256 assets)
    {
        DepositReceipt storage receipt = _depositReceipts[controller];
        _processDepositReceipt(receipt);
        (uint256 claimableAssets, uint256 claimableShares) = (receipt.claimableAssets, receipt.claimableShares);
        if (shares == 0) revert ZeroAmount();
        if (shares > claimableShares) revert ExceedsClaimable(shares, claimableShares);
        assets = shares == claimableShares
            ? claimableAssets
            : Math.mulDiv(shares, claimableAssets, claimableShares, Math.Rounding.Ceil);
        _claimDeposit(receipt, controller, receiver, assets, shares);
    }

    /// @notice Pays `assets` of `controller`'s processed redeem requests to `receiver`.
    function withdraw(uint256 assets, address receiver, address controller)
        external
        override
        nonReentrant
        onlyAuthorized(controller)
        returns (uint256 shares)
    {
        RedeemReceipt storage receipt = _redeemReceipts[controller];
        _processRedeemReceipt(receipt);
        (uint256 claimableAssets, uint256 claimableShares) = (receipt.claimableAssets, receipt.claimableShares);
        if (assets == 0) revert ZeroAmount();
        if (assets > claimableAssets) revert ExceedsClaimable(assets, claimableAssets);
        shares = assets == claimableAssets
            ? claimableShares
            : Math.mulDiv(assets, claimableShares, claimableAssets, Math.Rounding.Ceil);
        _claimRedeem(receipt, controller, receiver, assets, shares);
    }

    /// @notice Pays the assets of `shares` of `controller`'s processed redeem requests to `receiver`.
    function redeem(uint256 shares, address receiver, address controller)
        external
        override
        nonReentrant
        onlyAuthorized(controller)
        returns (uint256 assets)
    {
        RedeemReceipt storage receipt = _redeemReceipts[controller];
        _processRedeemReceipt(receipt);
        (uint256 claimableAssets, uint256 claimableShares) = (receipt.claimableAssets, receipt.claimableShares);
        if (shares == 0) revert ZeroAmount();
        if (shares > claimableShares) revert ExceedsClaimable(shares, claimableShares);
        assets = shares == claimableShares ? claimableAssets : Math.mulDiv(shares, claimableAssets, claimableShares);
        _claimRedeem(receipt, controller, receiver, assets, shares);
    }

    /// @notice Sends the accrued fees to the fee recipient. Anyone may call; works while paused.
    function claimFees() external override nonReentrant returns (uint256 assets) {
        assets = accruedFees;
        if (assets == 0) revert ZeroAmount();
        accruedFees = 0;
        _asset.safeTransfer(feeRecipient, assets);
        emit FeesClaimed(feeRecipient, assets);
    }

    // =========================================================================================
    // Rounds (keeper)
    // =========================================================================================

    /// @notice Closes the current round (settles its options, takes fees, processes the queues at
    /// the round's price) and opens the next with the keeper's option decision. Keeper only.
    function roll(RollParams calldata params) external override onlyKeeper whenNotPaused nonReentrant {
        uint256 spot = _price();
        _closeRound(spot);
        _openRound(params, spot);
    }

    /// @notice Closes the current round without opening another, so a paused vault can still pay
    /// out every redeem request. Keeper only.
    function closeRound() external override onlyKeeper nonReentrant {
        _closeRound(_price());
    }

    /// @notice The auction price per option now, in asset units per 1e18 size.
    function currentPremium() public view override returns (uint256) {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert AuctionNotActive();
        return _auctionPrice(live);
    }

    /// @notice Buys `size` options of the live series at the current auction price, paying the
    /// premium in the vault's asset; reverts if the price is above `maxPremiumPerOption`.
    function buyOptions(uint256 size, uint256 maxPremiumPerOption)
        external
        override
        nonReentrant
        returns (uint256 premium)
    {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) revert AuctionNotActive();
        if (size == 0) revert ZeroAmount();
        if (size > live.remainingSize) revert AuctionSizeExceeded(size, live.remainingSize);
        uint256 premiumPerOption = _auctionPrice(live);
        if (premiumPerOption > maxPremiumPerOption) revert PremiumAboveMax(premiumPerOption, maxPremiumPerOption);
        premium = Math.mulDiv(size, premiumPerOption, OPTION_UNIT, Math.Rounding.Ceil);
        uint256 collateral = _collateralFor(live.strike, size);
        uint256 idle = idleAsset + premium;
        if (collateral > idle) revert InsufficientIdle(collateral, idle);

        idleAsset = uint128(idle - collateral);
        live.remainingSize -= uint128(size);
        live.soldSize += uint128(size);
        live.premiumCollected += premium.toUint128();
        uint256 seriesId = live.seriesId;

        _asset.safeTransferFrom(msg.sender, address(this), premium);
        options.write(seriesId, msg.sender, size);
        emit OptionsSold(currentRound, seriesId, msg.sender, size, premiumPerOption, premium);
    }

    /// @notice Swaps `amountIn` of idle asset to the other token (`assetToOther`) or back through the
    /// pool. `minAmountOut` may be at most `maxSlippageBps` below the oracle value of `amountIn`.
    /// Collateral promised to the running auction cannot be swapped away. Keeper only.
    function rebalance(bool assetToOther, uint256 amountIn, uint256 minAmountOut)
        external
        override
        onlyKeeper
        nonReentrant
        returns (uint256 amountOut)
    {
        if (amountIn == 0) revert ZeroAmount();
        uint256 price = _price();
        uint256 available;
        uint256 oracleValue;
        if (assetToOther) {
            available = idleAsset - _auctionCollateral();
            oracleValue = _assetToOther(amountIn, price);
        } else {
            available = idleOther;
            oracleValue = _otherToAsset(amountIn, price);
        }
        if (amountIn > available) revert InsufficientIdle(amountIn, available);
        uint256 bound = Math.mulDiv(oracleValue, BPS - _limits.maxSlippageBps, BPS, Math.Rounding.Ceil);
        if (minAmountOut < bound) revert SlippageBoundExceeded(minAmountOut, bound);

        IERC20 tokenIn = assetToOther ? _asset : otherToken;
        if (assetToOther) idleAsset -= uint128(amountIn);
        else idleOther -= uint128(amountIn);
        amountOut = pool.swapExactIn(address(tokenIn), amountIn, minAmountOut, address(this), block.timestamp);
        if (assetToOther) idleOther += amountOut.toUint128();
        else idleAsset += amountOut.toUint128();
        emit Rebalanced(assetToOther, amountIn, amountOut, minAmountOut, price);
    }

    // =========================================================================================
    // Owner
    // =========================================================================================

    /// @notice Sets the management fee (bps a year, at most 500) and the performance fee (bps of a round's gain, at most 3000).
    function setFees(uint256 managementFeeBps_, uint256 performanceFeeBps_) external override onlyOwner {
        _setFees(managementFeeBps_, performanceFeeBps_);
    }

    /// @notice Sets who receives the fees.
    function setFeeRecipient(address recipient) external override onlyOwner {
        _setFeeRecipient(recipient);
    }

    /// @notice Sets the keeper account.
    function setKeeper(address keeper_) external override onlyOwner {
        _setKeeper(keeper_);
    }

    /// @notice Sets the bounds on the keeper's decisions.
    function setKeeperLimits(KeeperLimits calldata limits) external override onlyOwner {
        _setKeeperLimits(limits);
    }

    /// @notice Stops deposit requests and rolls; claims, cancellations, redeem requests, `rebalance` and `closeRound` go on.
    function pause() external override onlyOwner {
        _pause();
    }

    /// @notice Lifts the pause.
    function unpause() external override onlyOwner {
        _unpause();
    }

    // =========================================================================================
    // Internals: rounds
    // =========================================================================================

    struct CloseSummary {
        uint256 round;
        uint256 nav;
        uint256 managementFee;
        uint256 performanceFee;
        uint256 assets;
        uint256 supply;
        uint256 premiumCollected;
        uint256 optionsSold;
        uint256 collateralReturned;
        uint256 depositsProcessed;
        uint256 sharesMinted;
        uint256 sharesRedeemed;
        uint256 assetsReserved;
    }

    function _closeRound(uint256 price) private {
        LiveRound memory live = _live;
        if (block.timestamp < live.expiry) revert RoundNotExpired(live.expiry, block.timestamp);
        CloseSummary memory s;
        s.round = currentRound;
        s.premiumCollected = live.premiumCollected;
        s.optionsSold = live.soldSize;
        if (live.soldSize > 0) {
            if (!options.series(live.seriesId).settled) options.settle(live.seriesId);
            s.collateralReturned = options.reclaimCollateral(live.seriesId);
        }
        uint256 idle = idleAsset + s.collateralReturned;
        s.nav = idle + _otherToAsset(idleOther, price);
        uint256 navStart = navAtRoundStart;
        s.performanceFee = s.nav > navStart ? (s.nav - navStart) * performanceFeeBps / BPS : 0;
        // capped so that fees never exceed the NAV, however long a round was left open
        s.managementFee = Math.min(
            s.nav * managementFeeBps * (block.timestamp - roundStartedAt) / (YEAR * BPS), s.nav - s.performanceFee
        );
        uint256 fees = s.managementFee + s.performanceFee;
        s.assets = s.nav - fees;
        s.supply = totalSupply();
        _roundPrices[s.round] = RoundPrice(s.assets.toUint128(), s.supply.toUint128());

        s.depositsProcessed = pendingDepositAssets;
        s.sharesRedeemed = pendingRedeemShares;
        s.sharesMinted = _assetsToShares(s.depositsProcessed, s.assets, s.supply);
        s.assetsReserved = _sharesToAssets(s.sharesRedeemed, s.assets, s.supply);
        uint256 owed = fees + s.assetsReserved;
        if (owed > idle) revert InsufficientIdle(owed, idle);

        idleAsset = uint128(idle - owed + s.depositsProcessed);
        accruedFees += uint128(fees);
        reservedForRedeems += uint128(s.assetsReserved);
        pendingDepositAssets = 0;
        pendingRedeemShares = 0;
        navAtRoundStart = (s.assets + s.depositsProcessed - s.assetsReserved).toUint128();
        roundStartedAt = uint64(block.timestamp);
        currentRound = uint64(s.round + 1);
        delete _live;
        _mint(address(this), s.sharesMinted);
        _burn(address(this), s.sharesRedeemed);
        _emitRoundClosed(s);
    }

    function _emitRoundClosed(CloseSummary memory s) private {
        emit RoundClosed(
            s.round,
            s.nav,
            s.managementFee,
            s.performanceFee,
            s.assets,
            s.supply,
            _pricePerShare(s.assets, s.supply),
            s.premiumCollected,
            s.optionsSold,
            s.collateralReturned,
            s.depositsProcessed,
            s.sharesMinted,
            s.sharesRedeemed,
            s.assetsReserved
        );
    }

    function _openRound(RollParams calldata p, uint256 spot) private {
        _checkRollParams(p, spot);
        uint256 seriesId;
        if (p.size > 0) {
            seriesId = options.createSeries(isCallVault, p.strike, p.expiry);
            _live = LiveRound({
                seriesId: uint64(seriesId),
                expiry: uint64(p.expiry),
                auctionStart: uint64(block.timestamp),
                auctionEnd: uint64(block.timestamp + p.auctionDuration),
                startPremium: uint128(p.startPremium),
                floorPremium: uint128(p.floorPremium),
                remainingSize: uint128(p.size),
                premiumCollected: 0,
                strike: uint128(p.strike),
                soldSize: 0
            });
        } else {
            _live.expiry = uint64(p.expiry);
        }
        emit RoundOpened(
            currentRound,
            seriesId,
            isCallVault,
            p.strike,
            p.expiry,
            p.size,
            p.startPremium,
            p.floorPremium,
            p.fairPremium,
            p.impliedVol,
            spot,
            block.timestamp + p.auctionDuration
        );
    }

    /// @dev The keeper's decision must stay inside the owner's bounds; see `KeeperLimits`.
    function _checkRollParams(RollParams calldata p, uint256 spot) private view {
        KeeperLimits memory limits = _limits;
        uint256 distance = p.strike > spot ? p.strike - spot : spot - p.strike;
        if (p.strike == 0 || distance * BPS > spot * limits.strikeBandBps) {
            revert StrikeOutOfBand(p.strike, spot, limits.strikeBandBps);
        }
        if (p.impliedVol < limits.minImpliedVol || p.impliedVol > limits.maxImpliedVol) {
            revert ImpliedVolOutOfRange(p.impliedVol, limits.minImpliedVol, limits.maxImpliedVol);
        }
        if (
            p.fairPremium == 0 || p.floorPremium == 0 || p.startPremium < p.floorPremium
                || p.startPremium > _collateralFor(p.strike, OPTION_UNIT)
        ) revert InvalidPremiums(p.startPremium, p.floorPremium, p.fairPremium);
        if (p.floorPremium * BPS < p.fairPremium * limits.minFloorBps) {
            revert FloorBelowFairPremium(p.floorPremium, p.fairPremium, limits.minFloorBps);
        }
        if (p.expiry <= block.timestamp || p.expiry > block.timestamp + limits.maxRoundDuration) {
            revert InvalidExpiry(p.expiry, block.timestamp, limits.maxRoundDuration);
        }
        if (p.auctionDuration == 0 || block.timestamp + p.auctionDuration > p.expiry) {
            revert InvalidAuctionDuration(p.auctionDuration);
        }
        uint256 maxSize = isCallVault ? idleAsset : Math.mulDiv(idleAsset, BASE_UNIT * PRICE_UNIT, p.strike * QUOTE_UNIT);
        if (p.size > maxSize) revert SizeExceedsCollateral(p.size, maxSize);
    }

    // =========================================================================================
    // Internals: receipts and claims
    // =========================================================================================

    /// @dev Turns a request of an already closed round into a claimable amount at that round's price.
    function _processDepositReceipt(DepositReceipt storage receipt) private {
        uint256 pending = receipt.pendingAssets;
        if (pending == 0 || receipt.round == currentRound) return;
        RoundPrice memory price = _roundPrices[receipt.round];
        receipt.claimableAssets += uint128(pending);
        receipt.claimableShares += _assetsToShares(pending, price.assets, price.supply).toUint128();
        receipt.pendingAssets = 0;
    }

    function _processRedeemReceipt(RedeemReceipt storage receipt) private {
        uint256 pending = receipt.pendingShares;
        if (pending == 0 || receipt.round == currentRound) return;
        RoundPrice memory price = _roundPrices[receipt.round];
        receipt.claimableShares += uint128(pending);
        receipt.claimableAssets += _sharesToAssets(pending, price.assets, price.supply).toUint128();
        receipt.pendingShares = 0;
    }

    function _claimableDeposit(address controller) private view returns (uint256 assets, uint256 shares) {
        DepositReceipt memory receipt = _depositReceipts[controller];
        (assets, shares) = (receipt.claimableAssets, receipt.claimableShares);
        if (receipt.pendingAssets > 0 && receipt.round != currentRound) {
            RoundPrice memory price = _roundPrices[receipt.round];
            assets += receipt.pendingAssets;
            shares += _assetsToShares(receipt.pendingAssets, price.assets, price.supply);
        }
    }

    function _claimableRedeem(address controller) private view returns (uint256 assets, uint256 shares) {
        RedeemReceipt memory receipt = _redeemReceipts[controller];
        (assets, shares) = (receipt.claimableAssets, receipt.claimableShares);
        if (receipt.pendingShares > 0 && receipt.round != currentRound) {
            RoundPrice memory price = _roundPrices[receipt.round];
            shares += receipt.pendingShares;
            assets += _sharesToAssets(receipt.pendingShares, price.assets, price.supply);
        }
    }

    function _claimDeposit(
        DepositReceipt storage receipt,
        address controller,
        address receiver,
        uint256 assets,
        uint256 shares
    ) private {
        receipt.claimableAssets -= uint128(assets);
        receipt.claimableShares -= uint128(shares);
        _transfer(address(this), receiver, shares);
        emit Deposit(controller, receiver, assets, shares);
    }

    function _claimRedeem(
        RedeemReceipt storage receipt,
        address controller,
        address receiver,
        uint256 assets,
        uint256 shares
    ) private {
        receipt.claimableAssets -= uint128(assets);
        receipt.claimableShares -= uint128(shares);
        reservedForRedeems -= uint128(assets);
        _asset.safeTransfer(receiver, assets);
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
    }

    // =========================================================================================
    // Internals: prices and conversions
    // =========================================================================================

    function _price() private view returns (uint256 price) {
        (price,,) = OracleLib.freshPrice(oracle, heartbeat);
    }

    function _assetsToShares(uint256 assets, uint256 totalAssets_, uint256 supply) private pure returns (uint256) {
        return Math.mulDiv(assets, supply + VIRTUAL_SHARES, totalAssets_ + 1);
    }

    function _sharesToAssets(uint256 shares, uint256 totalAssets_, uint256 supply) private pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets_ + 1, supply + VIRTUAL_SHARES);
    }

    /// @dev Asset value of one whole share (10^decimals units) at a round price.
    function _pricePerShare(uint256 totalAssets_, uint256 supply) private view returns (uint256) {
        return _sharesToAssets(10 ** _shareDecimals, totalAssets_, supply);
    }

    function _baseToQuote(uint256 amount, uint256 price) private view returns (uint256) {
        return Math.mulDiv(amount, price * QUOTE_UNIT, BASE_UNIT * PRICE_UNIT);
    }

    function _quoteToBase(uint256 amount, uint256 price) private view returns (uint256) {
        return Math.mulDiv(amount, BASE_UNIT * PRICE_UNIT, price * QUOTE_UNIT);
    }

    function _otherToAsset(uint256 amount, uint256 price) private view returns (uint256) {
        if (amount == 0) return 0;
        return isCallVault ? _quoteToBase(amount, price) : _baseToQuote(amount, price);
    }

    function _assetToOther(uint256 amount, uint256 price) private view returns (uint256) {
        return isCallVault ? _baseToQuote(amount, price) : _quoteToBase(amount, price);
    }

    /// @dev Collateral for `size` options of this vault's kind, as `Options.collateralFor` computes it.
    function _collateralFor(uint256 strike, uint256 size) private view returns (uint256) {
        return isCallVault ? size : Math.mulDiv(size, strike * QUOTE_UNIT, BASE_UNIT * PRICE_UNIT, Math.Rounding.Ceil);
    }

    /// @dev What the holders of `size` options would get at `price` (rounded up: it is a liability).
    function _intrinsicValue(uint256 strike, uint256 price, uint256 size) private view returns (uint256) {
        if (isCallVault) return price > strike ? Math.mulDiv(size, price - strike, price, Math.Rounding.Ceil) : 0;
        return strike > price
            ? Math.mulDiv(size, (strike - price) * QUOTE_UNIT, BASE_UNIT * PRICE_UNIT, Math.Rounding.Ceil)
            : 0;
    }

    /// @dev Collateral the running auction may still need.
    function _auctionCollateral() private view returns (uint256) {
        LiveRound storage live = _live;
        if (live.remainingSize == 0 || block.timestamp >= live.auctionEnd) return 0;
        return _collateralFor(live.strike, live.remainingSize);
    }

    /// @dev Linear from the start premium to the floor over the auction window, rounded up.
    function _auctionPrice(LiveRound storage live) private view returns (uint256) {
        uint256 elapsed = block.timestamp - live.auctionStart;
        uint256 duration = live.auctionEnd - live.auctionStart;
        uint256 drop = (uint256(live.startPremium) - live.floorPremium) * elapsed / duration;
        return live.startPremium - drop;
    }

    // =========================================================================================
    // Internals: parameters
    // =========================================================================================

    function _setFees(uint256 managementFeeBps_, uint256 performanceFeeBps_) private {
        if (managementFeeBps_ > MAX_MANAGEMENT_FEE_BPS) revert FeeTooHigh(managementFeeBps_, MAX_MANAGEMENT_FEE_BPS);
        if (performanceFeeBps_ > MAX_PERFORMANCE_FEE_BPS) {
            revert FeeTooHigh(performanceFeeBps_, MAX_PERFORMANCE_FEE_BPS);
        }
        managementFeeBps = uint16(managementFeeBps_);
        performanceFeeBps = uint16(performanceFeeBps_);
        emit FeesSet(managementFeeBps_, performanceFeeBps_);
    }

    function _setFeeRecipient(address recipient) private {
        if (recipient == address(0)) revert ZeroAddress();
        feeRecipient = recipient;
        emit FeeRecipientSet(recipient);
    }

    function _setKeeper(address keeper_) private {
        if (keeper_ == address(0)) revert ZeroAddress();
        keeper = keeper_;
        emit KeeperSet(keeper_);
    }

    function _setKeeperLimits(KeeperLimits memory limits) private {
        if (
            limits.strikeBandBps > BPS || limits.minFloorBps > BPS || limits.maxSlippageBps > BPS
                || limits.minImpliedVol > limits.maxImpliedVol || limits.maxRoundDuration == 0
        ) revert InvalidLimits();
        _limits = limits;
        emit KeeperLimitsSet(
            limits.strikeBandBps,
            limits.minFloorBps,
            limits.maxSlippageBps,
            limits.minImpliedVol,
            limits.maxImpliedVol,
            limits.maxRoundDuration
        );
    }
}
