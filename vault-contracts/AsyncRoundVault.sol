// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Timelocked} from "./access/Timelocked.sol";
import {IAsyncRoundVault} from "./interfaces/IAsyncRoundVault.sol";
import {IERC7540Operator, IERC7540Deposit, IERC7540Redeem} from "./interfaces/IERC7540.sol";
import {RequestLib} from "./libraries/RequestLib.sol";
import {ShareMath} from "./libraries/ShareMath.sol";

/// @title AsyncRoundVault
/// @notice The round machinery of a vault whose strategy runs in rounds: ERC-7540 requests and
/// receipts, claims through the ERC-4626 entry points, round prices, fees and roles. The vault keeps
/// its own books, so tokens sent to it directly change nothing. A strategy on top implements
/// `totalAssets` and `_settleRound` (bring the round's positions back into `idleAsset` and value the vault).
abstract contract AsyncRoundVault is IAsyncRoundVault, ERC20, Timelocked, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Shares carry 3 more decimals than the asset (10^3 virtual shares, see `ShareMath`).
    uint8 internal constant DECIMALS_OFFSET = 3;
    uint256 internal constant MAX_MANAGEMENT_FEE_BPS = 500; // 5 % a year
    uint256 internal constant MAX_PERFORMANCE_FEE_BPS = 3_000; // 30 % of the gain above the high-water mark
    /// @notice After a round's end anyone, not only the keeper, may close it.
    uint256 internal constant CLOSE_GRACE = 1 days;
    uint256 internal constant BPS = 10_000;
    uint256 private constant REQUEST_ID = 0;

    struct Fees {
        uint16 managementBps;
        uint16 performanceBps;
    }

    IERC20 internal immutable _asset;
    uint8 private immutable _shareDecimals;
    /// @dev 10^decimals: one whole share, the unit of the price per share.
    uint256 private immutable _oneShare;

    // ---- books (asset held = idle + pending deposits + refundable + reserved + fees + dust) ----
    /// @notice Asset owned by shareholders and not locked in the strategy.
    uint128 public idleAsset;
    /// @notice Assets of deposit requests waiting for the current round to close.
    uint128 public pendingDepositAssets;
    /// @notice Shares of redeem requests waiting for the current round to close (held by the vault).
    uint128 public pendingRedeemShares;
    /// @notice Assets set aside for processed redeem requests not yet claimed.
    uint128 public reservedForRedeems;
    /// @notice Deposits of rounds that closed at a zero value, waiting to be taken back.
    uint128 public refundableDeposits;
    /// @notice Fees owed to the fee recipient.
    uint128 public accruedFees;
    /// @notice The vault's value, in asset units, when the current round started.
    uint128 public navAtRoundStart;
    uint64 public roundStartedAt;
    /// @inheritdoc IAsyncRoundVault
    uint64 public override currentRound;

    Fees private _fees;
    Fees private _nextFees;
    /// @notice The best round price so far (assets per share as a ratio): the performance fee is
    /// taken only on value above it.
    RoundPrice private _highWaterMark;
    mapping(uint256 round => RoundPrice) private _roundPrices;
    mapping(address controller => RequestLib.Receipt) private _depositReceipts;
    mapping(address controller => RequestLib.Receipt) private _redeemReceipts;
    /// @inheritdoc IERC7540Operator
    mapping(address controller => mapping(address operator => bool)) public override isOperator;

    address public keeper;
    address public guardian;
    address public feeRecipient;

    /// @notice Where the round's accounting stood when it closed (emitted as `RoundClosed`).
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

    struct Roles {
        address keeper;
        address guardian;
        address feeRecipient;
        uint16 managementFeeBps;
        uint16 performanceFeeBps;
    }

    constructor(address asset_, Roles memory roles) {
        _asset = IERC20(asset_);
        _shareDecimals = IERC20Metadata(asset_).decimals() + DECIMALS_OFFSET;
        _oneShare = 10 ** _shareDecimals;
        currentRound = 1;
        roundStartedAt = uint64(block.timestamp);
        _setKeeper(roles.keeper);
        _setGuardian(roles.guardian);
        _setFeeRecipient(roles.feeRecipient);
        _checkFees(roles.managementFeeBps, roles.performanceFeeBps);
        _fees = Fees(roles.managementFeeBps, roles.performanceFeeBps);
        _nextFees = _fees;
        emit FeesSet(roles.managementFeeBps, roles.performanceFeeBps);
    }

    modifier onlyKeeper() {
        if (msg.sender != keeper) revert NotKeeper(msg.sender);
        _;
    }

    modifier onlyGuardian() {
        if (msg.sender != guardian) revert NotGuardian(msg.sender);
        _;
    }

    modifier onlyAuthorized(address owner_) {
        if (msg.sender != owner_ && !isOperator[owner_][msg.sender]) revert NotAuthorized(msg.sender, owner_);
        _;
    }

    // ---- strategy hooks ----

    /// @dev Ends the round's positions, returns what they free into `idleAsset` and the vault's value
    /// (asset units, shareholders' only) with the summary's strategy fields filled in.
    function _settleRound(CloseSummary memory s, uint80 hint) internal virtual returns (uint256 nav);

    /// @inheritdoc IERC4626
    function totalAssets() public view virtual override returns (uint256);

    /// @dev When the round may be closed by the keeper (anyone may close `CLOSE_GRACE` later).
    function _roundEnd() internal view virtual returns (uint256);

    // =========================================================================================
    // Views
    // =========================================================================================

    /// @notice Share decimals: the asset's plus `DECIMALS_OFFSET`.
    function decimals() public view override(ERC20, IERC20Metadata) returns (uint8) {
        return _shareDecimals;
    }

    /// @notice ERC-165: ERC-7540 operator, asynchronous deposit and asynchronous redeem.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == type(IERC7540Operator).interfaceId ||
            interfaceId == 0xce3bbe50 || // ERC-7540 asynchronous deposit
            interfaceId == 0x620ee8e4; // ERC-7540 asynchronous redeem
    }

    /// @notice The token deposited and redeemed.
    function asset() external view override returns (address) {
        return address(_asset);
    }

    /// @notice Shares `assets` would be worth at the live value (rounded down).
    function convertToShares(uint256 assets) external view override returns (uint256) {
        return ShareMath.toShares(assets, totalAssets(), totalSupply());
    }

    /// @notice Assets `shares` are worth at the live value (rounded down).
    function convertToAssets(uint256 shares) external view override returns (uint256) {
        return ShareMath.toAssets(shares, totalAssets(), totalSupply());
    }

    /// @inheritdoc IAsyncRoundVault
    function roundPrice(uint256 round) external view returns (uint256 assets, uint256 supply, uint256 pricePerShare) {
        RoundPrice memory price = _roundPrices[round];
        return (price.assets, price.supply, ShareMath.toAssets(_oneShare, price.assets, price.supply));
    }

    /// @notice The fees now in force and those the next round will charge.
    function fees() external view returns (Fees memory current, Fees memory next) {
        return (_fees, _nextFees);
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

    /// @inheritdoc IERC7540Deposit
    function requestDeposit(
        uint256 assets,
        address controller,
        address owner_
    ) external override nonReentrant whenNotPaused onlyAuthorized(owner_) returns (uint256) {
        RequestLib.request(_depositReceipts[controller], _roundPrices, currentRound, true, assets);
        pendingDepositAssets += assets.toUint128();
        _asset.safeTransferFrom(owner_, address(this), assets);
        emit DepositRequest(controller, owner_, REQUEST_ID, msg.sender, assets);
        return REQUEST_ID;
    }

    /// @inheritdoc IAsyncRoundVault
    function cancelDepositRequest(
        uint256 assets,
        address receiver,
        address controller
    ) external override nonReentrant onlyAuthorized(controller) {
        uint256 fromRefund = RequestLib.cancel(_depositReceipts[controller], _roundPrices, currentRound, true, assets);
        refundableDeposits -= fromRefund.toUint128();
        pendingDepositAssets -= (assets - fromRefund).toUint128();
        _asset.safeTransfer(receiver, assets);
        emit DepositRequestCancelled(controller, receiver, assets);
    }

    /// @inheritdoc IERC7540Redeem
    function requestRedeem(
        uint256 shares,
        address controller,
        address owner_
    ) external override nonReentrant onlyAuthorized(owner_) returns (uint256) {
        RequestLib.request(_redeemReceipts[controller], _roundPrices, currentRound, false, shares);
        pendingRedeemShares += shares.toUint128();
        _transfer(owner_, address(this), shares);
        emit RedeemRequest(controller, owner_, REQUEST_ID, msg.sender, shares);
        return REQUEST_ID;
    }

    /// @inheritdoc IAsyncRoundVault
    function cancelRedeemRequest(
        uint256 shares,
        address receiver,
        address controller
    ) external override nonReentrant onlyAuthorized(controller) {
        RequestLib.cancel(_redeemReceipts[controller], _roundPrices, currentRound, false, shares);
        pendingRedeemShares -= shares.toUint128();
        _transfer(address(this), receiver, shares);
        emit RedeemRequestCancelled(controller, receiver, shares);
    }

    /// @inheritdoc IERC7540Deposit
    function pendingDepositRequest(uint256, address controller) external view override returns (uint256) {
        return _pending(_depositReceipts[controller]);
    }

    /// @inheritdoc IERC7540Deposit
    function claimableDepositRequest(uint256, address controller) public view override returns (uint256 assets) {
        (assets, ) = RequestLib.claimable(_depositReceipts[controller], _roundPrices, currentRound, true);
    }

    /// @inheritdoc IERC7540Redeem
    function pendingRedeemRequest(uint256, address controller) external view override returns (uint256) {
        return _pending(_redeemReceipts[controller]);
    }

    /// @inheritdoc IERC7540Redeem
    function claimableRedeemRequest(uint256, address controller) public view override returns (uint256 shares) {
        (, shares) = RequestLib.claimable(_redeemReceipts[controller], _roundPrices, currentRound, false);
    }

    // =========================================================================================
    // ERC-4626 entry points: claims of processed requests
    // =========================================================================================

    /// @notice Claimable assets of `controller`'s processed deposit requests.
    function maxDeposit(address controller) external view override returns (uint256) {
        return claimableDepositRequest(REQUEST_ID, controller);
    }

    /// @notice Claimable shares of `controller`'s processed deposit requests.
    function maxMint(address controller) external view override returns (uint256 shares) {
        (, shares) = RequestLib.claimable(_depositReceipts[controller], _roundPrices, currentRound, true);
    }

    /// @notice Claimable assets of `controller`'s processed redeem requests.
    function maxWithdraw(address controller) external view override returns (uint256 assets) {
        (assets, ) = RequestLib.claimable(_redeemReceipts[controller], _roundPrices, currentRound, false);
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

    /// @inheritdoc IERC7540Deposit
    function deposit(
        uint256 assets,
        address receiver,
        address controller
    ) public override nonReentrant onlyAuthorized(controller) returns (uint256 shares) {
        return _claim(true, false, assets, receiver, controller);
    }

    /// @notice Claims `shares` of the caller's processed deposit requests.
    function mint(uint256 shares, address receiver) external override returns (uint256) {
        return mint(shares, receiver, msg.sender);
    }

    /// @inheritdoc IERC7540Deposit
    function mint(
        uint256 shares,
        address receiver,
        address controller
    ) public override nonReentrant onlyAuthorized(controller) returns (uint256 assets) {
        return _claim(true, true, shares, receiver, controller);
    }

    /// @notice Pays `assets` of `controller`'s processed redeem requests to `receiver`.
    function withdraw(
        uint256 assets,
        address receiver,
        address controller
    ) external override nonReentrant onlyAuthorized(controller) returns (uint256 shares) {
        return _claim(false, false, assets, receiver, controller);
    }

    /// @notice Pays the assets of `shares` of `controller`'s processed redeem requests to `receiver`.
    function redeem(
        uint256 shares,
        address receiver,
        address controller
    ) external override nonReentrant onlyAuthorized(controller) returns (uint256 assets) {
        return _claim(false, true, shares, receiver, controller);
    }

    /// @inheritdoc IAsyncRoundVault
    function claimFees() external override nonReentrant returns (uint256 assets) {
        assets = accruedFees;
        if (assets == 0) revert ZeroAmount();
        accruedFees = 0;
        _asset.safeTransfer(feeRecipient, assets);
        emit FeesClaimed(feeRecipient, assets);
    }

    // =========================================================================================
    // Roles
    // =========================================================================================

    /// @inheritdoc IAsyncRoundVault
    function setFees(uint256 managementFeeBps_, uint256 performanceFeeBps_) external override onlyTimelock {
        _checkFees(managementFeeBps_, performanceFeeBps_);
        _nextFees = Fees(uint16(managementFeeBps_), uint16(performanceFeeBps_));
        emit FeesSet(managementFeeBps_, performanceFeeBps_);
    }

    /// @inheritdoc IAsyncRoundVault
    function setFeeRecipient(address recipient) external override onlyTimelock {
        _setFeeRecipient(recipient);
    }

    /// @inheritdoc IAsyncRoundVault
    function setKeeper(address keeper_) external override onlyTimelock {
        _setKeeper(keeper_);
    }

    /// @inheritdoc IAsyncRoundVault
    function setGuardian(address guardian_) external override onlyTimelock {
        _setGuardian(guardian_);
    }

    /// @inheritdoc IAsyncRoundVault
    function pause() external override onlyGuardian {
        _pause();
    }

    /// @inheritdoc IAsyncRoundVault
    function unpause() external override onlyGuardian {
        _unpause();
    }

    // =========================================================================================
    // Internals: the close
    // =========================================================================================

    /// @dev The keeper may close from the round's end on, anyone from `CLOSE_GRACE` later.
    function _checkClosable() internal view {
        uint256 end = _roundEnd();
        uint256 closableAt = msg.sender == keeper ? end : end + CLOSE_GRACE;
        if (block.timestamp < closableAt) revert RoundNotExpired(closableAt, block.timestamp);
    }

    /// @dev Settles the round, takes fees, fixes the round price and processes both queues at it.
    /// Deposits are not processed into a vault worth nothing with shares outstanding: they are refunded.
    function _closeRound(uint80 hint) internal {
        CloseSummary memory s;
        s.round = currentRound;
        s.nav = _settleRound(s, hint);
        s.supply = totalSupply();
        Fees memory f = _fees;
        uint256 markValue;
        (s.managementFee, s.performanceFee, markValue) = RequestLib.fees(
            s.nav,
            s.supply,
            block.timestamp - roundStartedAt,
            f.managementBps,
            f.performanceBps,
            _highWaterMark
        );
        uint256 fees_ = s.managementFee + s.performanceFee;
        s.assets = s.nav - fees_;
        bool refund = s.assets == 0 && s.supply > 0;
        _roundPrices[s.round] = RoundPrice(s.assets.toUint128(), s.supply.toUint128(), refund);
        if (s.assets > markValue) _highWaterMark = RoundPrice(s.assets.toUint128(), s.supply.toUint128(), false);

        uint256 deposits = pendingDepositAssets;
        s.sharesRedeemed = pendingRedeemShares;
        if (refund) {
            refundableDeposits += deposits.toUint128();
        } else {
            s.depositsProcessed = deposits;
            s.sharesMinted = ShareMath.toShares(deposits, s.assets, s.supply);
        }
        s.assetsReserved = ShareMath.toAssets(s.sharesRedeemed, s.assets, s.supply);
        uint256 idle = idleAsset;
        uint256 owed = fees_ + s.assetsReserved;
        if (owed > idle) revert InsufficientIdle(owed, idle);

        idleAsset = (idle - owed + s.depositsProcessed).toUint128();
        accruedFees += fees_.toUint128();
        reservedForRedeems += s.assetsReserved.toUint128();
        pendingDepositAssets = 0;
        pendingRedeemShares = 0;
        navAtRoundStart = (s.assets + s.depositsProcessed - s.assetsReserved).toUint128();
        roundStartedAt = uint64(block.timestamp);
        currentRound = (s.round + 1).toUint64();
        _fees = _nextFees;
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
            ShareMath.toAssets(_oneShare, s.assets, s.supply),
            s.premiumCollected,
            s.optionsSold,
            s.collateralReturned,
            s.depositsProcessed,
            s.sharesMinted,
            s.sharesRedeemed,
            s.assetsReserved
        );
    }

    // =========================================================================================
    // Internals: receipts and claims
    // =========================================================================================

    function _pending(RequestLib.Receipt storage r) private view returns (uint256) {
        return r.round == currentRound ? r.pending : 0;
    }

    /// @dev Claims `amount` (shares when `byShares`, else assets) of a processed request; see `RequestLib.claim`.
    function _claim(
        bool isDeposit,
        bool byShares,
        uint256 amount,
        address receiver,
        address controller
    ) private returns (uint256) {
        (uint256 assets, uint256 shares) = RequestLib.claim(
            isDeposit ? _depositReceipts[controller] : _redeemReceipts[controller],
            _roundPrices,
            currentRound,
            isDeposit,
            byShares,
            amount
        );
        if (isDeposit) {
            _transfer(address(this), receiver, shares);
            emit Deposit(controller, receiver, assets, shares);
        } else {
            reservedForRedeems -= assets.toUint128();
            _asset.safeTransfer(receiver, assets);
            emit Withdraw(msg.sender, receiver, controller, assets, shares);
        }
        return byShares ? assets : shares;
    }

    // =========================================================================================
    // Internals: parameters
    // =========================================================================================

    function _checkFees(uint256 managementFeeBps_, uint256 performanceFeeBps_) private pure {
        if (managementFeeBps_ > MAX_MANAGEMENT_FEE_BPS) revert FeeTooHigh(managementFeeBps_, MAX_MANAGEMENT_FEE_BPS);
        if (performanceFeeBps_ > MAX_PERFORMANCE_FEE_BPS) {
            revert FeeTooHigh(performanceFeeBps_, MAX_PERFORMANCE_FEE_BPS);
        }
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

    function _setGuardian(address guardian_) private {
        if (guardian_ == address(0)) revert ZeroAddress();
        guardian = guardian_;
        emit GuardianSet(guardian_);
    }
}
