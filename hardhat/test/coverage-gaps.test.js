// Branches no other test exercised (issue 14, measured with solidity-coverage): partial claims,
// the refusals of every entry point, the auction's edges, the live marks in totalAssets, the
// close that cannot pay, reentrancy on each guarded entry point, and the option market's and the
// pool's refusals. Amounts are checked against the model in helpers.js or hand arithmetic in the
// comments, not against the contracts' own views.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const { WETH, USDC, USD, DAY, YEAR, model, fixture, pushPrice, rollParams, atTime, ceilDiv } = require("./helpers");

const MGMT_BPS = 200n; // the fixture's management fee
const LIMITS = {
  strikeBandBps: 5000,
  minFloorBps: 5000,
  maxSlippageBps: 100,
  minImpliedVol: ethers.parseUnits("0.01", 18),
  maxImpliedVol: ethers.parseUnits("5", 18),
  maxRoundDuration: 35 * DAY,
};

const mulDivDown = (a, b, d) => (a * b) / d;
const mulDivUp = (a, b, d) => ceilDiv(a * b, d);
// WETH (18 decimals) at an 8-decimal USD price in USDC (6 decimals), and back, as the spec says.
const wethToUsdc = (amount, price) => (amount * price) / 10n ** 20n;
const usdcToWeth = (amount, price) => (amount * 10n ** 20n) / price;
// Quote out of the pool for `amountIn`: x*y=k with the fee taken on the input (30 bps).
const poolOut = (amountIn, reserveIn, reserveOut) => (amountIn * 9970n * reserveOut) / (reserveIn * 10000n + amountIn * 9970n);

/** A vault whose round 1 closed with `assets` deposited by alice (claimed), at the round price (0 + 1) / (0 + 1000). */
async function fundedVault(c, vault, assets) {
  await vault.connect(c.alice).requestDeposit(assets, c.alice.address, c.alice.address);
  await vault.connect(c.keeper).closeRound();
  await vault.connect(c.alice)["deposit(uint256,address)"](assets, c.alice.address);
  return assets * 1000n;
}

describe("coverage gaps: partial claims of processed requests", function () {
  it("deposit, mint, withdraw and redeem of part of a claim convert pro rata, rounding against the claimant", async function () {
    const c = await fixture();
    const { callVault: vault, weth, keeper, alice, bob } = c;
    const aliceShares = await fundedVault(c, vault, WETH(10));
    expect(aliceShares).to.equal(WETH(10) * 1000n);

    // Round 2: bob asks to deposit 7 WETH, alice to redeem 4,000 of her shares. Three days of the
    // 2 % a year management fee on 10 WETH make an odd share price.
    await vault.connect(bob).requestDeposit(WETH(7), bob.address, bob.address);
    await vault.connect(alice).requestRedeem(WETH(4) * 1000n, alice.address, alice.address);
    const started = await vault.roundStartedAt();
    const closedAt = started + BigInt(3 * DAY);
    await atTime(Number(closedAt) - 1);
    await pushPrice(c, USD(3000));
    await atTime(Number(closedAt));
    await vault.connect(keeper).closeRound();
    const fee = model.managementFee(WETH(10), MGMT_BPS, closedAt - started);
    const assets = WETH(10) - fee;
    const supply = aliceShares;
    const [pAssets, pSupply] = await vault.roundPrice(2);
    expect([pAssets, pSupply]).to.deep.equal([assets, supply]);
    // The requests are processed: nothing is pending any more.
    expect(await vault.pendingDepositRequest(0, bob.address)).to.equal(0n);
    expect(await vault.pendingRedeemRequest(0, alice.address)).to.equal(0n);

    // ---- bob's deposit claim: 7 WETH for sharesFor(7 WETH) shares ----
    const bobShares = model.sharesFor(WETH(7), assets, supply);
    const bobClaim = vault.connect(bob);
    await expect(bobClaim["deposit(uint256,address)"](0n, bob.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(bobClaim["mint(uint256,address)"](0n, bob.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(bobClaim["deposit(uint256,address)"](WETH(7) + 1n, bob.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(WETH(7) + 1n, WETH(7));
    await expect(bobClaim["mint(uint256,address)"](bobShares + 1n, bob.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(bobShares + 1n, bobShares);
    // 3 of the 7 WETH: shares rounded down.
    const shares1 = mulDivDown(WETH(3), bobShares, WETH(7));
    await expect(bobClaim["deposit(uint256,address)"](WETH(3), bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, WETH(3), shares1);
    // A third of the remaining shares: assets rounded up.
    const restShares = bobShares - shares1;
    const shares2 = restShares / 3n;
    const assets2 = mulDivUp(shares2, WETH(4), restShares);
    await expect(bobClaim["mint(uint256,address)"](shares2, bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, assets2, shares2);
    // The rest, claimed in full, is exactly what is left: nothing is lost or created by the pieces.
    const lastAssets = WETH(4) - assets2;
    await expect(bobClaim["deposit(uint256,address)"](lastAssets, bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, lastAssets, restShares - shares2);
    expect(await vault.balanceOf(bob.address)).to.equal(bobShares);
    expect(await vault.maxDeposit(bob.address)).to.equal(0n);

    // ---- alice's redeem claim: 4,000 shares for assetsFor(4,000 shares) ----
    const redeemShares = WETH(4) * 1000n;
    const redeemAssets = model.assetsFor(redeemShares, assets, supply);
    const aliceClaim = vault.connect(alice);
    const aliceBefore = await weth.balanceOf(alice.address);
    await expect(aliceClaim.withdraw(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(aliceClaim.redeem(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(aliceClaim.withdraw(redeemAssets + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(redeemAssets + 1n, redeemAssets);
    await expect(aliceClaim.redeem(redeemShares + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(redeemShares + 1n, redeemShares);
    // A third of the assets: shares rounded up.
    const withdrawn = redeemAssets / 3n;
    const burnt1 = mulDivUp(withdrawn, redeemShares, redeemAssets);
    await expect(aliceClaim.withdraw(withdrawn, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, withdrawn, burnt1);
    // Half of the remaining shares: assets rounded down.
    const restRedeem = redeemShares - burnt1;
    const restAssets = redeemAssets - withdrawn;
    const burnt2 = restRedeem / 2n;
    const paid2 = mulDivDown(burnt2, restAssets, restRedeem);
    await expect(aliceClaim.redeem(burnt2, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, paid2, burnt2);
    await expect(aliceClaim.redeem(restRedeem - burnt2, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, restAssets - paid2, restRedeem - burnt2);
    expect(await weth.balanceOf(alice.address)).to.equal(aliceBefore + redeemAssets);
    expect(await vault.reservedForRedeems()).to.equal(0n);
  });

  it("refuses zero amounts and cancelling more than is pending", async function () {
    const c = await fixture();
    const { callVault: vault, keeper, alice } = c;
    const v = vault.connect(alice);
    await expect(v.requestDeposit(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(v.requestRedeem(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await v.requestDeposit(WETH(2), alice.address, alice.address);
    await expect(v.cancelDepositRequest(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(v.cancelDepositRequest(WETH(2) + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsPending").withArgs(WETH(2) + 1n, WETH(2));
    await expect(vault.claimFees()).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(vault.connect(keeper).rebalance(true, 0n, 0n)).to.be.revertedWithCustomError(vault, "ZeroAmount");
  });
});

describe("coverage gaps: the auction's edges", function () {
  it("refuses a zero or oversized purchase, frees unsold collateral when the auction ends, and refuses late buyers", async function () {
    const c = await fixture();
    const { callVault: vault, pool, weth, keeper, buyer } = c;
    await vault.setFees(0, 0);
    await fundedVault(c, vault, WETH(10));
    const t0 = (await time.latest()) + 10;
    await atTime(t0);
    const p = await rollParams({ size: WETH(6), expiry: t0 + 7 * DAY });
    await vault.connect(keeper).roll(p);
    expect(await vault.currentPremium()).to.equal(p.startPremium); // no time has passed
    await expect(vault.connect(buyer).buyOptions(0n, WETH(1))).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(vault.connect(buyer).buyOptions(WETH(7), WETH(1)))
      .to.be.revertedWithCustomError(vault, "AuctionSizeExceeded").withArgs(WETH(7), WETH(6));

    // 2 of the 6 sell halfway through; idle = 10 - 2 + premium.
    await atTime(t0 + 1800);
    const perOption = model.auctionPrice(p.startPremium, p.floorPremium, 1800, 3600);
    await vault.connect(buyer).buyOptions(WETH(2), perOption);
    const idle = WETH(8) + model.premium(WETH(2), perOption);
    expect(await vault.idleAsset()).to.equal(idle);
    // While the auction runs, the 4 unsold options keep 4 WETH of collateral out of the keeper's reach.
    await expect(vault.connect(keeper).rebalance(true, WETH(5), 0n))
      .to.be.revertedWithCustomError(vault, "InsufficientIdle").withArgs(WETH(5), idle - WETH(4));

    // After the auction, late buyers are refused and the unsold collateral is free again.
    await atTime(t0 + 3600);
    await expect(vault.connect(buyer).buyOptions(WETH(1), WETH(1))).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    await expect(vault.currentPremium()).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    const [reserveBase, reserveQuote] = await pool.getReserves();
    const out = poolOut(WETH(5), reserveBase, reserveQuote);
    const bound = mulDivUp(wethToUsdc(WETH(5), USD(3000)), 9900n, 10000n);
    await expect(vault.connect(keeper).rebalance(true, WETH(5), bound))
      .to.emit(vault, "Rebalanced").withArgs(true, WETH(5), out, bound, USD(3000));
    expect(await vault.idleAsset()).to.equal(idle - WETH(5));
    expect(await weth.balanceOf(vault.target)).to.equal(idle - WETH(5));
  });

  it("a sold-out auction is closed to buyers and locks no more collateral", async function () {
    const c = await fixture();
    const { callVault: vault, keeper, buyer } = c;
    await vault.setFees(0, 0);
    await fundedVault(c, vault, WETH(10));
    const p = await rollParams({ size: WETH(2) });
    await vault.connect(keeper).roll(p);
    await vault.connect(buyer).buyOptions(WETH(2), p.startPremium);
    await expect(vault.currentPremium()).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    await expect(vault.connect(buyer).buyOptions(1n, WETH(1))).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    // Within the auction window every idle WETH may move: 8 + premium, of which 5 are swapped.
    const bound = mulDivUp(wethToUsdc(WETH(5), USD(3000)), 9900n, 10000n);
    await expect(vault.connect(keeper).rebalance(true, WETH(5), bound)).to.emit(vault, "Rebalanced");
  });
});

describe("coverage gaps: totalAssets marks a live series", function () {
  it("call vault: out of the money at 0, in the money at the rounded-up intrinsic value, settled at the holders' payout", async function () {
    const c = await fixture();
    const { callVault: vault, options, keeper, buyer } = c;
    await vault.setFees(0, 0);
    await fundedVault(c, vault, WETH(10));
    const t0 = (await time.latest()) + 10;
    await atTime(t0);
    const p = await rollParams({ strike: USD(3300), size: WETH(10), expiry: t0 + 7 * DAY });
    await vault.connect(keeper).roll(p);
    await atTime(t0 + 1800);
    const perOption = model.auctionPrice(p.startPremium, p.floorPremium, 1800, 3600);
    await vault.connect(buyer).buyOptions(WETH(10), perOption);
    const premium = model.premium(WETH(10), perOption);
    expect(await vault.idleAsset()).to.equal(premium);
    // 3000 < 3300: the 10 WETH of collateral are all the vault's.
    expect(await vault.totalAssets()).to.equal(premium + WETH(10));
    // 3600: holders would get 10 x 300 / 3600 WETH, rounded up against the vault.
    await pushPrice(c, USD(3600));
    expect(await vault.totalAssets()).to.equal(premium + WETH(10) - model.callReserve(WETH(10), USD(3600), USD(3300)));
    // Settled by anyone at 3500 after expiry, before the keeper closes: the payout is fixed.
    await atTime(t0 + 7 * DAY + 1);
    await pushPrice(c, USD(3500));
    await options.settle(1);
    const owed = model.callReserve(WETH(10), USD(3500), USD(3300));
    await pushPrice(c, USD(2000)); // later prices no longer matter
    expect(await vault.totalAssets()).to.equal(premium + WETH(10) - owed);
    // closeRound does not settle twice and gets the rest of the collateral back.
    await expect(vault.connect(keeper).closeRound()).to.emit(vault, "RoundClosed");
    expect(await vault.idleAsset()).to.equal(premium + WETH(10) - owed);
  });

  it("put vault: in the money at (K - S) x size in USDC, rounded up; out of the money at 0", async function () {
    const c = await fixture();
    const { putVault: vault, keeper, buyer } = c;
    await vault.setFees(0, 0);
    await fundedVault(c, vault, USDC(60_000));
    const t0 = (await time.latest()) + 10;
    await atTime(t0);
    const p = await rollParams({
      strike: USD(2700), size: WETH(10), expiry: t0 + 7 * DAY,
      startPremium: USDC(60), floorPremium: USDC(30), fairPremium: USDC(45),
    });
    await vault.connect(keeper).roll(p);
    await atTime(t0 + 1800);
    const perOption = model.auctionPrice(p.startPremium, p.floorPremium, 1800, 3600); // 45 USDC
    await vault.connect(buyer).buyOptions(WETH(10), perOption);
    const premium = model.premium(WETH(10), perOption); // 450 USDC
    const collateral = model.putCollateral(WETH(10), USD(2700)); // 27,000 USDC
    expect(premium).to.equal(USDC(450));
    expect(collateral).to.equal(USDC(27_000));
    const idle = USDC(60_000) - collateral + premium;
    expect(await vault.idleAsset()).to.equal(idle);
    await pushPrice(c, USD(2800));
    expect(await vault.totalAssets()).to.equal(idle + collateral);
    // 2400: holders would get 10 x 300 = 3,000 USDC.
    await pushPrice(c, USD(2400));
    expect(model.putReserve(WETH(10), USD(2400), USD(2700))).to.equal(USDC(3_000));
    expect(await vault.totalAssets()).to.equal(idle + collateral - USDC(3_000));
  });
});

describe("coverage gaps: a close that cannot pay", function () {
  it("refuses to close when fees and redeems need more asset than is idle, until the keeper swaps back", async function () {
    const c = await fixture();
    const { callVault: vault, pool, keeper, alice } = c;
    const shares = await fundedVault(c, vault, WETH(10));
    // Half the vault into USDC: 5 WETH idle, the rest as idle USDC.
    const [b0, q0] = await pool.getReserves();
    const usdcOut = poolOut(WETH(5), b0, q0);
    await vault.connect(keeper).rebalance(true, WETH(5), usdcOut);
    expect(await vault.idleOther()).to.equal(usdcOut);
    // Alice asks for everything back: about 9.96 WETH are owed, 5 are idle.
    await vault.connect(alice).requestRedeem(shares, alice.address, alice.address);
    const started = await vault.roundStartedAt();
    const closeAt = started + BigInt(DAY);
    await atTime(Number(closeAt) - 1);
    await pushPrice(c, USD(3000));
    await atTime(Number(closeAt));
    const nav = WETH(5) + usdcToWeth(usdcOut, USD(3000));
    const fee = model.managementFee(nav, MGMT_BPS, closeAt - started);
    const reserved = model.assetsFor(shares, nav - fee, shares);
    await expect(vault.connect(keeper).closeRound())
      .to.be.revertedWithCustomError(vault, "InsufficientIdle").withArgs(fee + reserved, WETH(5));
    // Swapping the USDC back lets the round close and pay.
    const bound = mulDivUp(usdcToWeth(usdcOut, USD(3000)), 9900n, 10000n);
    await vault.connect(keeper).rebalance(false, usdcOut, bound);
    expect(await vault.idleOther()).to.equal(0n);
    await expect(vault.connect(keeper).closeRound()).to.emit(vault, "RoundClosed");
    expect(await vault.maxRedeem(alice.address)).to.equal(shares);
  });
});

describe("coverage gaps: keeper bounds and owner settings", function () {
  it("refuses each roll parameter outside the owner's bounds", async function () {
    const c = await fixture();
    const { callVault: vault, keeper } = c;
    await vault.connect(c.alice).requestDeposit(WETH(1), c.alice.address, c.alice.address);
    const now = await time.latest();
    const roll = async (overrides) => vault.connect(keeper).roll(await rollParams(overrides));
    await expect(roll({ strike: 0n })).to.be.revertedWithCustomError(vault, "StrikeOutOfBand").withArgs(0n, USD(3000), 5000);
    await expect(roll({ strike: USD(4501) })).to.be.revertedWithCustomError(vault, "StrikeOutOfBand");
    await expect(roll({ impliedVol: LIMITS.minImpliedVol - 1n })).to.be.revertedWithCustomError(vault, "ImpliedVolOutOfRange");
    await expect(roll({ impliedVol: LIMITS.maxImpliedVol + 1n })).to.be.revertedWithCustomError(vault, "ImpliedVolOutOfRange");
    await expect(roll({ fairPremium: 0n })).to.be.revertedWithCustomError(vault, "InvalidPremiums");
    await expect(roll({ floorPremium: 0n })).to.be.revertedWithCustomError(vault, "InvalidPremiums");
    await expect(roll({ startPremium: WETH("0.005"), floorPremium: WETH("0.01") })).to.be.revertedWithCustomError(vault, "InvalidPremiums");
    // A covered call's premium can never exceed the option's collateral, one WETH per WETH of size.
    await expect(roll({ startPremium: WETH(1) + 1n })).to.be.revertedWithCustomError(vault, "InvalidPremiums");
    await expect(roll({ floorPremium: WETH("0.0074"), fairPremium: WETH("0.015") }))
      .to.be.revertedWithCustomError(vault, "FloorBelowFairPremium");
    await expect(roll({ expiry: now })).to.be.revertedWithCustomError(vault, "InvalidExpiry");
    await expect(roll({ expiry: now + 36 * DAY })).to.be.revertedWithCustomError(vault, "InvalidExpiry");
    await expect(roll({ auctionDuration: 0 })).to.be.revertedWithCustomError(vault, "InvalidAuctionDuration").withArgs(0);
    await expect(roll({ expiry: now + 3600, auctionDuration: 3600 })).to.be.revertedWithCustomError(vault, "InvalidAuctionDuration");
    // 1 WETH deposited: size 1 is the most a covered call may write.
    await expect(roll({ size: WETH(1) + 1n })).to.be.revertedWithCustomError(vault, "SizeExceedsCollateral").withArgs(WETH(1) + 1n, WETH(1));
    await expect(roll({ size: WETH(1) })).to.emit(vault, "RoundOpened");
  });

  it("refuses invalid limits, zero addresses and strangers", async function () {
    const c = await fixture();
    const { callVault: vault, owner, stranger } = c;
    for (const bad of [
      { strikeBandBps: 10_001 }, { minFloorBps: 10_001 }, { maxSlippageBps: 10_001 },
      { minImpliedVol: LIMITS.maxImpliedVol + 1n }, { maxRoundDuration: 0 },
    ]) {
      await expect(vault.setKeeperLimits({ ...LIMITS, ...bad })).to.be.revertedWithCustomError(vault, "InvalidLimits");
    }
    await expect(vault.setKeeperLimits({ ...LIMITS, strikeBandBps: 10_000 })).to.emit(vault, "KeeperLimitsSet");
    await expect(vault.setKeeper(ethers.ZeroAddress)).to.be.revertedWithCustomError(vault, "ZeroAddress");
    await expect(vault.setFeeRecipient(ethers.ZeroAddress)).to.be.revertedWithCustomError(vault, "ZeroAddress");
    await expect(vault.connect(stranger).setKeeper(stranger.address)).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
    await vault.connect(owner).pause();
    await expect(vault.connect(stranger).unpause()).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
    await expect(vault.connect(owner).unpause()).to.emit(vault, "Unpaused");
    await expect(vault.setKeeper(stranger.address)).to.emit(vault, "KeeperSet").withArgs(stranger.address);
  });

  it("refuses an asset outside the option market and a pool of another pair", async function () {
    const c = await fixture();
    const other = await ethers.deployContract("TestToken", ["Other", "OTH", 18, c.owner.address]);
    const otherPool = await ethers.deployContract("ConstantProductPool", [other.target, c.usdc.target, 30]);
    const params = {
      name: "x", symbol: "X", asset: c.weth.target, options: c.options.target, pool: c.pool.target,
      oracle: c.oracle.target, heartbeat: DAY, owner: c.owner.address, keeper: c.keeper.address,
      feeRecipient: c.owner.address, managementFeeBps: 0, performanceFeeBps: 0, limits: LIMITS,
    };
    const factory = await ethers.getContractFactory("OptionVault");
    await expect(factory.deploy({ ...params, asset: other.target }))
      .to.be.revertedWithCustomError(factory, "AssetNotInMarket").withArgs(other.target);
    await expect(factory.deploy({ ...params, pool: otherPool.target }))
      .to.be.revertedWithCustomError(factory, "PoolMismatch").withArgs(otherPool.target);
    const wethOtherPool = await ethers.deployContract("ConstantProductPool", [c.weth.target, other.target, 30]);
    await expect(factory.deploy({ ...params, pool: wethOtherPool.target }))
      .to.be.revertedWithCustomError(factory, "PoolMismatch").withArgs(wethOtherPool.target);
  });
});

describe("coverage gaps: reentrancy on every guarded entry point", function () {
  /** A covered-call vault, options market and pool on a token that calls back from every transfer. */
  async function hostileMarket() {
    const [owner, keeper, alice, buyer] = await ethers.getSigners();
    const token = await ethers.deployContract("ReentrantToken");
    const usdc = await ethers.deployContract("TestToken", ["USD Coin (test)", "USDC", 6, owner.address]);
    const feed = await ethers.deployContract("PushPriceOracle", [8, "RE / USD", owner.address, owner.address]);
    await feed.pushPrice(USD(3000));
    const pool = await ethers.deployContract("ConstantProductPool", [token.target, usdc.target, 30]);
    const options = await ethers.deployContract("Options", [token.target, usdc.target, feed.target, DAY, owner.address]);
    const vault = await ethers.deployContract("OptionVault", [{
      name: "hostile", symbol: "HOS", asset: token.target, options: options.target, pool: pool.target,
      oracle: feed.target, heartbeat: DAY, owner: owner.address, keeper: keeper.address, feeRecipient: owner.address,
      managementFeeBps: 0, performanceFeeBps: 0, limits: LIMITS,
    }]);
    await options.setWriter(vault.target, true);
    await options.setWriter(owner.address, true);
    for (const user of [owner, alice, buyer]) {
      await token.mint(user.address, WETH(1000));
      await usdc.mint(user.address, USDC(3_000_000));
      for (const spender of [vault, pool, options]) {
        await token.connect(user).approve(spender.target, ethers.MaxUint256);
        await usdc.connect(user).approve(spender.target, ethers.MaxUint256);
      }
    }
    await pool.addLiquidity(WETH(100), USDC(300_000), 0, owner.address, (await time.latest()) + 3600);
    return { owner, keeper, alice, buyer, token, usdc, feed, pool, options, vault };
  }

  it("the vault refuses a call back into any guarded function from a token transfer", async function () {
    const m = await hostileMarket();
    const { vault, token, alice, keeper, owner } = m;
    await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
    await vault.connect(keeper).closeRound();
    const i = vault.interface;
    const p = await rollParams();
    const calls = [
      i.encodeFunctionData("requestDeposit", [1n, alice.address, alice.address]),
      i.encodeFunctionData("requestRedeem", [1n, alice.address, alice.address]),
      i.encodeFunctionData("deposit(uint256,address,address)", [1n, alice.address, alice.address]),
      i.encodeFunctionData("mint(uint256,address,address)", [1n, alice.address, alice.address]),
      i.encodeFunctionData("withdraw", [1n, alice.address, alice.address]),
      i.encodeFunctionData("redeem", [1n, alice.address, alice.address]),
      i.encodeFunctionData("claimFees"),
      i.encodeFunctionData("buyOptions", [1n, 1n]),
      i.encodeFunctionData("rebalance", [true, 1n, 0n]),
      i.encodeFunctionData("roll", [p]),
      i.encodeFunctionData("closeRound"),
    ];
    // The keeper's functions check the caller first: make the token the keeper so the guard is what stops it.
    await vault.connect(owner).setKeeper(token.target);
    for (const data of calls) {
      await token.arm(vault.target, data);
      await expect(vault.connect(alice).requestDeposit(WETH(1), alice.address, alice.address))
        .to.be.revertedWithCustomError(vault, "ReentrancyGuardReentrantCall");
    }
    expect(await vault.pendingDepositRequest(0, alice.address)).to.equal(0n);
  });

  it("the option market and the pool refuse a call back from a token transfer", async function () {
    const m = await hostileMarket();
    const { options, pool, token, owner, buyer } = m;
    const expiry = (await time.latest()) + DAY;
    await options.connect(owner).createSeries(true, USD(3300), expiry);
    const oi = options.interface;
    await token.arm(options.target, oi.encodeFunctionData("write", [1, buyer.address, WETH(1)]));
    await expect(options.connect(owner).write(1, buyer.address, WETH(1)))
      .to.be.revertedWithCustomError(options, "ReentrancyGuardReentrantCall");
    await token.arm(ethers.ZeroAddress, "0x"); // the revert undid the token's own disarming
    await options.connect(owner).write(1, buyer.address, WETH(2));
    await atTime(expiry + 1);
    await m.feed.pushPrice(USD(3600));
    await options.settle(1);
    for (const data of [
      oi.encodeFunctionData("claim", [1, WETH(1), buyer.address]),
      oi.encodeFunctionData("reclaimCollateral", [1]),
    ]) {
      await token.arm(options.target, data);
      await expect(options.connect(buyer).claim(1, WETH(1), buyer.address))
        .to.be.revertedWithCustomError(options, "ReentrancyGuardReentrantCall");
    }
    await token.arm(ethers.ZeroAddress, "0x");
    const deadline = (await time.latest()) + 3600;
    const pi = pool.interface;
    for (const data of [
      pi.encodeFunctionData("swapExactIn", [token.target, WETH(1), 0n, owner.address, deadline]),
      pi.encodeFunctionData("addLiquidity", [WETH(1), USDC(3000), 0n, owner.address, deadline]),
      pi.encodeFunctionData("removeLiquidity", [1000n, 0n, 0n, owner.address, deadline]),
    ]) {
      await token.arm(pool.target, data);
      await expect(pool.connect(owner).swapExactIn(token.target, WETH(1), 0n, owner.address, deadline))
        .to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
    }
  });
});

describe("coverage gaps: option market refusals and a fully owed series", function () {
  it("gives the writer nothing back when the holders are owed all the collateral", async function () {
    const c = await fixture();
    const { options, usdc, owner, buyer } = c;
    await options.setWriter(owner.address, true);
    await usdc.mint(owner.address, USDC(3000));
    await usdc.connect(owner).approve(options.target, ethers.MaxUint256);
    const expiry = (await time.latest()) + DAY;
    await options.connect(owner).createSeries(false, USD(3000), expiry);
    expect(await options.collateralToken(1)).to.equal(usdc.target);
    await options.connect(owner).write(1, buyer.address, WETH(1));
    // Spot at 1e-8 USD: holders are owed ceil(1 x (3000 - 1e-8)) USDC = all 3,000 USDC of collateral.
    await atTime(expiry + 1);
    await pushPrice(c, 1n);
    await options.settle(1);
    expect(model.putReserve(WETH(1), 1n, USD(3000))).to.equal(USDC(3000));
    const before = await usdc.balanceOf(owner.address);
    await expect(options.connect(owner).reclaimCollateral(1))
      .to.emit(options, "CollateralReclaimed").withArgs(1, owner.address, 0n);
    expect(await usdc.balanceOf(owner.address)).to.equal(before);
    await expect(options.connect(buyer).claim(1, 0n, buyer.address)).to.be.revertedWithCustomError(options, "ZeroSize");
    await expect(options.connect(buyer).claim(1, WETH(1), buyer.address))
      .to.emit(options, "OptionsClaimed").withArgs(1, buyer.address, buyer.address, WETH(1), model.putPayout(WETH(1), 1n, USD(3000)));
  });

  it("pays nothing, and moves no token, for options that expired out of the money", async function () {
    const c = await fixture();
    const { options, weth, owner, buyer } = c;
    await options.setWriter(owner.address, true);
    await weth.mint(owner.address, WETH(1));
    await weth.connect(owner).approve(options.target, ethers.MaxUint256);
    const expiry = (await time.latest()) + DAY;
    await options.connect(owner).createSeries(true, USD(3300), expiry);
    await options.connect(owner).write(1, buyer.address, WETH(1));
    await atTime(expiry + 1);
    await pushPrice(c, USD(3000)); // below the 3300 strike
    await options.settle(1);
    const before = await weth.balanceOf(buyer.address);
    await expect(options.connect(buyer).claim(1, WETH(1), buyer.address))
      .to.emit(options, "OptionsClaimed").withArgs(1, buyer.address, buyer.address, WETH(1), 0n)
      .and.not.to.emit(weth, "Transfer");
    expect(await weth.balanceOf(buyer.address)).to.equal(before);
    expect(await options.balanceOf(buyer.address, 1)).to.equal(0n);
  });

  it("refuses an oracle of other decimals, unknown series and series out of range", async function () {
    const c = await fixture();
    const { options, owner } = c;
    const feed18 = await ethers.deployContract("PushPriceOracle", [18, "WETH / USD", owner.address, owner.address]);
    const factory = await ethers.getContractFactory("Options");
    await expect(factory.deploy(c.weth.target, c.usdc.target, feed18.target, DAY, owner.address))
      .to.be.revertedWithCustomError(factory, "OracleDecimalsMismatch").withArgs(18);
    await expect(options.collateralToken(99)).to.be.revertedWithCustomError(options, "UnknownSeries").withArgs(99);
    await options.setWriter(owner.address, true);
    const now = await time.latest();
    await expect(options.createSeries(true, 0n, now + DAY)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await expect(options.createSeries(true, 2n ** 128n, now + DAY)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await expect(options.createSeries(true, USD(3000), now)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await expect(options.createSeries(true, USD(3000), 2n ** 64n)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await expect(options.createSeries(true, USD(3000), now + DAY)).to.emit(options, "SeriesCreated");
    expect(await options.collateralToken(1)).to.equal(c.weth.target);
  });
});

describe("coverage gaps: pool and oracle refusals", function () {
  it("the pool refuses a fee of 100 %, zero amounts, swaps that pay nothing and withdrawals under the minimums", async function () {
    const c = await fixture();
    const { pool, weth, usdc, owner } = c;
    const factory = await ethers.getContractFactory("ConstantProductPool");
    await expect(factory.deploy(weth.target, usdc.target, 10_000)).to.be.revertedWithCustomError(factory, "FeeTooHigh").withArgs(10_000);
    await expect(factory.deploy(weth.target, weth.target, 30)).to.be.revertedWithCustomError(factory, "SameToken");
    await weth.mint(owner.address, WETH(10));
    await usdc.mint(owner.address, USDC(30_000));
    await weth.approve(pool.target, ethers.MaxUint256);
    await usdc.approve(pool.target, ethers.MaxUint256);
    const deadline = (await time.latest()) + 3600;
    await expect(pool.swapExactIn(weth.target, 0n, 0n, owner.address, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    // 1 wei of WETH into 1000 WETH / 3M USDC: 1 x 0.997 x 3e12 / 1e21 rounds to 0 USDC.
    await expect(pool.swapExactIn(weth.target, 1n, 0n, owner.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(0n, 0n);
    await expect(pool.addLiquidity(0n, USDC(1), 0n, owner.address, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    await expect(pool.addLiquidity(WETH(1), 0n, 0n, owner.address, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    // 1 wei each: min(1 x supply / 1e21, 1 x supply / 3e12) = 0 shares.
    await expect(pool.addLiquidity(1n, 1n, 0n, owner.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientLiquidityMinted").withArgs(0n, 0n);
    await expect(pool.removeLiquidity(0n, 0n, 0n, owner.address, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    const past = (await time.latest()) - 1;
    await expect(pool.addLiquidity(WETH(1), USDC(3000), 0n, owner.address, past)).to.be.revertedWithCustomError(pool, "Expired");
    await expect(pool.swapExactIn(weth.target, WETH(1), 0n, owner.address, past)).to.be.revertedWithCustomError(pool, "Expired");
    // The deployer's liquidity is sqrt(1e21 x 3e12) - 1000; a millionth of it is worth 1e15 WETH-wei and 3e6 USDC-wei.
    const supply = await pool.totalSupply();
    const part = supply / 1_000_000n;
    const [rb, rq] = await pool.getReserves();
    const baseOut = (part * rb) / supply;
    const quoteOut = (part * rq) / supply;
    await expect(pool.removeLiquidity(part, baseOut + 1n, 0n, owner.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(baseOut, baseOut + 1n);
    await expect(pool.removeLiquidity(part, 0n, quoteOut + 1n, owner.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(quoteOut, quoteOut + 1n);
    await expect(pool.removeLiquidity(part, baseOut, quoteOut, owner.address, deadline)).to.emit(pool, "LiquidityRemoved");
  });

  it("an answer stamped in the future is refused as stale; the push oracle refuses answers beyond int192", async function () {
    const c = await fixture();
    const feed = await ethers.deployContract("SettableAggregator");
    const t = await time.latest();
    await feed.setRound(5, USD(3000), t, t, 5);
    const options = await ethers.deployContract("Options", [c.weth.target, c.usdc.target, feed.target, DAY, c.owner.address]);
    await options.setWriter(c.owner.address, true);
    await options.createSeries(true, USD(3000), t + 100);
    await atTime(t + 200);
    await feed.setRound(6, USD(3000), t + 1000, t + 1000, 6); // 800 s ahead of the chain
    await expect(options.settle(1)).to.be.revertedWithCustomError(options, "OracleStaleAnswer");
    await expect(c.oracle.connect(c.keeper).pushPrice(2n ** 191n)).to.be.revertedWithCustomError(c.oracle, "AnswerOutOfRange");
    await expect(c.oracle.connect(c.keeper).pushPrice(2n ** 191n - 1n)).to.emit(c.oracle, "AnswerUpdated");
  });
});
