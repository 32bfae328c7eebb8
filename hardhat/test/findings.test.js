// One test per finding of the independent audit (issue #10): each attacks what the auditors did
// and fails on the contracts before v2. Names carry the finding: H-1..H-3, M-1..M-3, L-1..L-5, I-1..I-4.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const {
  WETH, USDC, USD, DAY, LIMITS, model, fixture, fixtureNoFees, deployFixture, pushPrice, rollParams, throughTimelock,
} = require("./helpers");
const { deployAll } = require("../scripts/deploy");

const WAD = 10n ** 18n;
const wad = (x) => ethers.parseUnits(String(x), 18);

async function deployTightLimits() {
  return deployFixture({ managementFeeBps: 0, performanceFeeBps: 0,
    limits: { ...LIMITS, maxSizeBps: 5000, maxDeltaBps: 9000, maxVegaBps: 500 } });
}

async function deployTightLossBudget() {
  return deployFixture({ managementFeeBps: 0, performanceFeeBps: 0, limits: { ...LIMITS, maxRebalanceLossBps: 5 } });
}

async function deployPerformanceOnly() {
  return deployFixture({ managementFeeBps: 0, performanceFeeBps: 1000 });
}

async function deployFivePercentManagement() {
  return deployFixture({ managementFeeBps: 500, performanceFeeBps: 0 });
}

/** Alice's deposit turned into shares: the vault holds `amount` idle after the bootstrap close. */
async function funded(c, vault, amount) {
  await vault.connect(c.alice).requestDeposit(amount, c.alice.address, c.alice.address);
  await vault.connect(c.keeper).closeRound(0);
  await vault.connect(c.alice)["deposit(uint256,address)"](amount, c.alice.address);
}

describe("audit findings", function () {
  it("H-1: a keeper cannot sell in-the-money or underpriced options, in short auctions, beyond the Greeks budget", async function () {
    const c = await fixture();
    const vault = c.callVault;
    await funded(c, vault, WETH(150));
    const k = vault.connect(c.keeper);
    // the audit's attack: deep in the money (spot x (1 - band)), 1-wei premium, 60-second auction, all collateral
    const attack = await rollParams({ strike: USD(1500), size: WETH(150), startPremium: 1n, floorPremium: 1n, auctionDuration: 60 });
    await expect(k.roll(attack, 0)).to.be.revertedWithCustomError(vault, "InvalidAuctionDuration").withArgs(60, 600);
    await expect(k.roll({ ...attack, auctionDuration: 3600 }, 0))
      .to.be.revertedWithCustomError(vault, "StrikeNotOutOfTheMoney").withArgs(USD(1500), USD(3000), 100);
    // out of the money but at a wei: the floor must be >= 50 % (fixture limit) of the on-chain price
    const otm = { ...attack, strike: USD(3300), auctionDuration: 3600 };
    await expect(k.roll(otm, 0)).to.be.revertedWithCustomError(vault, "FloorBelowModelPrice").withArgs(1n, anyValue, 5000);
    // the same on the put vault: a put struck above spot is in the money
    const put = c.putVault;
    await funded(c, put, USDC(100_000));
    await expect(put.connect(c.keeper).roll(await rollParams({ strike: USD(4500), size: WETH(10), startPremium: 1n, floorPremium: 1n }), 0))
      .to.be.revertedWithCustomError(put, "StrikeNotOutOfTheMoney");
    // the on-chain price is Black-Scholes: 3000 spot, 3300 strike, 7 days, 80 % vol is 37.5956 USD
    // (d1 = -0.8052, d2 = -0.9160; 3000 N(d1) - 3300 N(d2)), i.e. 0.0125319 WETH per option
    const expiry = (await time.latest()) + 7 * DAY + 1;
    await time.setNextBlockTimestamp(expiry - 7 * DAY);
    await ethers.provider.send("evm_mine", []);
    const [premium] = await vault.modelPremium(USD(3300), expiry);
    expect(premium).to.be.closeTo(wad("0.0125319"), wad("0.0000001"));
  });

  it("H-1: the vault's delta and vega after the roll and the size stay within their shares of NAV", async function () {
    const c = await loadFixture(deployTightLimits);
    const vault = c.callVault;
    await funded(c, vault, WETH(100));
    const k = vault.connect(c.keeper);
    // 10 calls on 100 WETH leave the vault long 100 - 10 x 0.21 WETH: delta 98 % of NAV > 90 %
    await expect(k.roll(await rollParams({ size: WETH(10) }), 0)).to.be.revertedWithCustomError(vault, "DeltaLimitExceeded");
    // a 35-day at-the-money-ish call on all 100: vega 0.4 x sqrt(35/365) ~ 12 % of NAV per 1.00 vol > 5 %
    const long = await rollParams({ strike: USD(3030), expiry: (await time.latest()) + 35 * DAY, size: WETH(100),
      startPremium: WETH("0.2"), floorPremium: WETH("0.1") });
    await expect(k.roll(long, 0)).to.be.revertedWithCustomError(vault, "VegaLimitExceeded");
    // 7-day 3300 calls for all 100 WETH: clamped to maxSizeBps 50 %, delta 1 - 0.5 x 0.21 = 89.5 %, vega 5.8 % x 0.5 = 2.9 %
    await expect(k.roll(await rollParams({ size: WETH(100) }), 0))
      .to.emit(vault, "RoundOpened").withArgs(3, 1, true, USD(3300), anyValue, WETH(50), anyValue, anyValue, anyValue,
        wad("0.8"), USD(3000), anyValue);
  });

  it("H-2: the owner's keeper and limit changes wait out a timelock longer than a round, inside code ceilings", async function () {
    const c = await fixture();
    const vault = c.callVault;
    await expect(vault.setKeeper(c.owner.address)).to.be.revertedWithCustomError(vault, "TimelockOnly");
    await expect(vault.setKeeperLimits({ ...LIMITS, strikeBandBps: 10000 })).to.be.revertedWithCustomError(vault, "TimelockOnly");
    const delay = await vault.timelockDelay();
    expect(delay).to.be.gte(35n * BigInt(DAY) + BigInt(DAY) + 2n * BigInt(DAY)); // max round + close grace + time to exit
    // a depositor sees the change scheduled and leaves before it can run
    await funded(c, vault, WETH(10));
    await vault.connect(c.keeper).roll(await rollParams({ expiry: (await time.latest()) + 35 * DAY, size: 0n,
      startPremium: WETH("0.08"), floorPremium: WETH("0.04") }), 0); // the 35-day model price is 0.061 WETH
    const data = vault.interface.encodeFunctionData("setKeeper", [c.owner.address]);
    await vault.schedule(data);
    await vault.connect(c.alice).requestRedeem(await vault.balanceOf(c.alice.address), c.alice.address, c.alice.address);
    await expect(vault.execute(data)).to.be.revertedWithCustomError(vault, "CallNotReady");
    await time.increase(36 * DAY); // round end + the close grace: anyone may close
    await pushPrice(c, USD(3000));
    await vault.connect(c.stranger).closeRound(0);
    await vault.connect(c.alice).redeem(await vault.maxRedeem(c.alice.address), c.alice.address, c.alice.address);
    expect(await vault.totalSupply()).to.equal(0n);
    await expect(vault.execute(data)).to.be.revertedWithCustomError(vault, "CallNotReady");
    await time.increase(2 * DAY);
    await expect(vault.execute(data)).to.emit(vault, "KeeperSet").withArgs(c.owner.address);
    // the audit's 100 % band is above the code ceiling, through the timelock or not
    await expect(throughTimelock(vault, "setKeeperLimits", [{ ...LIMITS, strikeBandBps: 10000 }]))
      .to.be.revertedWithCustomError(vault, "InvalidLimits");
    // and no contract can be deployed with a shorter delay
    await expect(ethers.deployContract("VolFeed", [c.owner.address, c.volUpdater.address, wad("0.8"), 2500, 3600, 37 * DAY]))
      .to.be.revertedWithCustomError(c.volFeed, "TimelockDelayTooShort");
  });

  it("H-3: the deployment keeps keeper, oracle updater and vol updater on separate keys unless told", async function () {
    const signers = await ethers.getSigners();
    const d = await deployAll();
    const { keeper, oracleUpdater, volUpdater } = d.deployment.roles;
    expect(new Set([keeper, oracleUpdater, volUpdater]).size).to.equal(3);
    expect(await d.oracle.updater()).to.equal(oracleUpdater);
    expect(await d.volFeed.updater()).to.equal(volUpdater);
    expect(await d.callVault.keeper()).to.equal(keeper);
    await expect(deployAll({ oracleUpdater: signers[1].address }))
      .to.be.rejectedWith("keeper and oracleUpdater are the same account");
    await expect(deployAll({ volUpdater: signers[2].address }))
      .to.be.rejectedWith("oracleUpdater and volUpdater are the same account");
    const shared = await deployAll({ oracleUpdater: signers[1].address, allowSharedKeys: true });
    expect(await shared.oracle.updater()).to.equal(signers[1].address);
  });

  it("M-1: a series settles at the first oracle answer at or after expiry, not a later one a holder picks", async function () {
    const c = await fixtureNoFees();
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    const p = await rollParams({ size: WETH(10) });
    await vault.connect(c.keeper).roll(p, 0);
    await vault.connect(c.buyer).buyOptions(WETH(10), WETH(1));
    await time.increaseTo(p.expiry - 10);
    await pushPrice(c, USD(3700)); // before expiry
    const before = await c.oracle.latestRound();
    await time.increaseTo(p.expiry + 10);
    await pushPrice(c, USD(3000)); // the first at or after expiry: worthless calls
    await time.increase(600);
    await pushPrice(c, USD(3600)); // later: in the money, what a holder would choose
    await expect(c.options.settle(1, before)).to.be.revertedWithCustomError(c.options, "PriceBeforeExpiry");
    await expect(c.options.settle(1, before + 2n)).to.be.revertedWithCustomError(c.options, "NotFirstAnswerAfterExpiry");
    await expect(c.options.settle(1, 0)).to.be.revertedWithCustomError(c.options, "NotFirstAnswerAfterExpiry");
    await expect(c.options.settle(1, before + 1n)).to.emit(c.options, "SeriesSettled").withArgs(1, USD(3000), 0, before + 1n);
    expect(await c.options.payoutFor(1, WETH(10))).to.equal(0n);
  });

  it("M-2: rebalancing stops at the round's volume cap and loss budget, and the budget renews each round", async function () {
    const c = await fixtureNoFees();
    const vault = c.callVault;
    await funded(c, vault, WETH(100));
    const k = vault.connect(c.keeper);
    let trips = 0;
    let error;
    for (; trips < 40 && !error; trips++) {
      try {
        await k.rebalance(true, [[c.pool.target, WETH(5), await c.pool.getAmountOut(c.weth.target, WETH(5))]]);
        const other = await vault.idleOther();
        await k.rebalance(false, [[c.pool.target, other, await c.pool.getAmountOut(c.usdc.target, other)]]);
      } catch (e) {
        error = e;
      }
    }
    expect(vault.interface.parseError(error.data.data ?? error.data).name, String(error)).to.equal("RebalanceBudgetExceeded");
    // volume cap 200 % of 100 WETH = 20 round trips of 5 WETH out and 5 WETH back; the 21st stops
    expect(trips).to.equal(21);
    expect(await vault.rebalanceVolume()).to.be.gt(WETH(199));
    expect(await vault.rebalanceVolume()).to.be.lte(WETH(200));
    expect(await vault.rebalanceLoss()).to.be.lte(WETH(1));
    expect(await vault.totalAssets()).to.be.gte(WETH(99));
    await vault.connect(c.keeper).closeRound(0);
    expect(await vault.rebalanceVolume()).to.equal(0n);
    await expect(k.rebalance(true, [[c.pool.target, WETH(1), 2_970_000_000n]])).to.emit(vault, "Rebalanced");
  });

  it("M-2: the loss budget stops a keeper whose swaps lose more than its share of NAV in a round", async function () {
    const c = await loadFixture(deployTightLossBudget); // 5 bps of NAV a round: 0.05 WETH on 100
    const vault = c.callVault;
    await funded(c, vault, WETH(100));
    const k = vault.connect(c.keeper);
    let stopped;
    for (let trip = 0; trip < 10 && !stopped; trip++) {
      try {
        await k.rebalance(true, [[c.pool.target, WETH(5), await c.pool.getAmountOut(c.weth.target, WETH(5))]]);
        const other = await vault.idleOther();
        await k.rebalance(false, [[c.pool.target, other, await c.pool.getAmountOut(c.usdc.target, other)]]);
      } catch (e) {
        stopped = vault.interface.parseError(e.data.data ?? e.data);
      }
    }
    // each round trip pays the pool fee twice (0.3 % of 5 WETH each way): the loss budget stops the
    // keeper after a few, far inside the 200 % volume cap
    expect(stopped.name).to.equal("RebalanceBudgetExceeded");
    const [volume, loss, maxVolume, maxLoss] = stopped.args;
    expect(maxLoss).to.equal(WETH("0.05"));
    expect(loss).to.be.gt(maxLoss);
    expect(volume).to.be.lt(maxVolume);
    expect(await vault.rebalanceLoss()).to.be.lte(maxLoss);
  });

  it("M-3: the guardian's pause stops a running auction, and the guardian can cancel it", async function () {
    const c = await fixtureNoFees();
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    await vault.connect(c.keeper).roll(await rollParams({ size: WETH(10) }), 0);
    await vault.connect(c.buyer).buyOptions(WETH(2), WETH(1));
    await vault.pause();
    await expect(vault.connect(c.buyer).buyOptions(WETH(1), WETH(1))).to.be.revertedWithCustomError(vault, "EnforcedPause");
    await expect(vault.cancelAuction()).to.emit(vault, "AuctionCancelled").withArgs(3, WETH(8));
    await vault.unpause();
    await expect(vault.connect(c.buyer).buyOptions(WETH(1), WETH(1))).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    await expect(vault.cancelAuction()).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    expect((await vault.liveRound()).soldSize).to.equal(WETH(2)); // what was sold stays sold
  });

  it("L-1: a fee change applies from the next round, never to the one running", async function () {
    const c = await fixture(); // 200 bps a year management, 1000 bps performance
    const vault = c.callVault;
    await funded(c, vault, WETH(100));
    const t0 = (await vault.roundStartedAt());
    const data = vault.interface.encodeFunctionData("setFees", [500, 3000]);
    await vault.schedule(data);
    await time.increase(Number(await vault.timelockDelay()));
    await expect(vault.execute(data)).to.emit(vault, "FeesSet").withArgs(500, 3000);
    await pushPrice(c, USD(3000));
    const tx = await vault.connect(c.keeper).closeRound(0);
    const t1 = BigInt((await ethers.provider.getBlock(tx.blockNumber)).timestamp);
    const mgmt2 = model.managementFee(WETH(100), 200, t1 - t0); // the old fee over the whole round
    await expect(tx).to.emit(vault, "RoundClosed").withArgs(2, WETH(100), mgmt2, 0, anyValue, anyValue, anyValue, 0, 0, 0, 0, 0, 0, 0);
    await time.increase(10 * DAY);
    await pushPrice(c, USD(3000));
    const tx3 = await vault.connect(c.keeper).closeRound(0);
    const t2 = BigInt((await ethers.provider.getBlock(tx3.blockNumber)).timestamp);
    const nav3 = WETH(100) - mgmt2;
    await expect(tx3).to.emit(vault, "RoundClosed")
      .withArgs(3, nav3, model.managementFee(nav3, 500, t2 - t1), 0, anyValue, anyValue, anyValue, 0, 0, 0, 0, 0, 0, 0);
  });

  it("L-2: a price round trip charges the performance fee once (high-water mark)", async function () {
    const c = await loadFixture(deployPerformanceOnly);
    const vault = c.putVault;
    await funded(c, vault, USDC(60_000));
    const k = vault.connect(c.keeper);
    const out = await c.pool.getAmountOut(c.usdc.target, USDC(10_000));
    await k.rebalance(true, [[c.pool.target, USDC(10_000), out]]);
    const perfAt = async (price) => {
      await pushPrice(c, price);
      const tx = await k.closeRound(0);
      const log = (await tx.wait()).logs.map((l) => vault.interface.parseLog(l)).find((e) => e && e.name === "RoundClosed");
      return log.args.performanceFee;
    };
    const up = await perfAt(USD(3300));
    // 10 % of the value above the mark (the first price, 1 USDC per 10^3 share units, + 1 virtual unit):
    // 50,000 idle USDC and the WETH the swap bought, at 3300
    const nav = USDC(50_000) + (out * USD(3300)) / 10n ** 20n;
    expect(up).to.equal(((nav - model.markValue(0n, 0n, USDC(60_000) * 1000n)) * 1000n) / 10000n);
    expect(await perfAt(USD(3000))).to.equal(0n);
    expect(await perfAt(USD(3300))).to.equal(0n); // back where the fee was taken: nothing new
    expect(await perfAt(USD(3400))).to.be.gt(0n); // above the mark again
  });

  it("L-3: an oracle answer above 2^128 cannot become a settlement price", async function () {
    const [owner, writer, holder] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const usdc = await ethers.deployContract("TestToken", ["USDC", "USDC", 6, owner.address]);
    const feed = await ethers.deployContract("SettableAggregator");
    const options = await ethers.deployContract("Options",
      [weth.target, usdc.target, feed.target, owner.address, [writer.address], 38 * DAY]);
    await weth.mint(writer.address, WETH(1));
    await weth.connect(writer).approve(options.target, WETH(1));
    const expiry = (await time.latest()) + DAY;
    await options.connect(writer).createSeries(true, USD(3000), expiry);
    await options.connect(writer).write(1, holder.address, WETH(1));
    await feed.setRound(1, USD(3000), expiry - 60, expiry - 60, 1);
    await feed.setRound(2, 2n ** 128n + 1n, expiry + 1, expiry + 1, 2);
    await time.increaseTo(expiry + 2);
    await expect(options.settle(1, 2)).to.be.revertedWithCustomError(options, "SafeCastOverflowedUintDowncast");
    await feed.setRound(2, USD(3300), expiry + 1, expiry + 1, 2);
    await expect(options.settle(1, 2)).to.emit(options, "SeriesSettled");
  });

  it("L-4: deposits into a vault worth nothing are refunded, not turned into 2^128 shares", async function () {
    const c = await loadFixture(deployFivePercentManagement);
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    await vault.connect(c.bob).requestDeposit(WETH(5), c.bob.address, c.bob.address);
    await time.increase(25 * 365 * DAY); // 25 years at 5 % a year: the capped fee takes the whole NAV
    await pushPrice(c, USD(3000));
    await expect(vault.connect(c.keeper).closeRound(0)).to.emit(vault, "RoundClosed")
      .withArgs(2, WETH(10), WETH(10), 0, 0, WETH(10) * 1000n, anyValue, 0, 0, 0, 0, 0, 0, 0);
    expect(await vault.totalSupply()).to.equal(WETH(10) * 1000n);
    expect(await vault.maxMint(c.bob.address)).to.equal(0n);
    const before = await c.weth.balanceOf(c.bob.address);
    await vault.connect(c.bob).cancelDepositRequest(WETH(5), c.bob.address, c.bob.address);
    expect(await c.weth.balanceOf(c.bob.address)).to.equal(before + WETH(5));
    expect(await vault.refundableDeposits()).to.equal(0n);
  });

  it("L-5: a roll sized at the idle asset read before it is clamped to what the close leaves", async function () {
    const c = await fixture(); // the close takes a management fee out of the idle asset
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    await time.increase(DAY);
    await pushPrice(c, USD(3000));
    const idleBefore = await vault.idleAsset();
    const tx = vault.connect(c.keeper).roll(await rollParams({ size: idleBefore }), 0);
    await expect(tx).to.emit(vault, "RoundOpened");
    const opened = (await vault.liveRound()).remainingSize;
    expect(opened).to.be.lt(idleBefore);
    expect(opened).to.equal(await vault.idleAsset());
  });

  it("I-1: the vault refuses an oracle other than its Options' (other decimals)", async function () {
    const c = await fixture();
    const other = await ethers.deployContract("PushPriceOracle", [18, "WETH / USD 18", c.owner.address, c.updater.address, wad(3000), 38 * DAY]);
    const params = {
      name: "x", symbol: "x", asset: c.weth.target, options: c.options.target, venues: c.venues.target, oracle: other.target,
      volFeed: c.volFeed.target, heartbeat: DAY, volHeartbeat: DAY, owner: c.owner.address, timelockDelay: 38 * DAY,
      roles: { keeper: c.keeper.address, guardian: c.owner.address, feeRecipient: c.owner.address, managementFeeBps: 0, performanceFeeBps: 0 },
      limits: LIMITS,
    };
    await expect(ethers.deployContract("OptionVault", [params], { libraries: { RollChecks: c.rollChecks.target, RequestLib: c.requestLib.target } }))
      .to.be.revertedWithCustomError(c.callVault, "OracleMismatch").withArgs(other.target, c.oracle.target);
  });

  it("I-2: a depositor leaves without the keeper: cancels a pending redeem, or closes the round after the grace", async function () {
    const c = await fixture();
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    await vault.connect(c.keeper).roll(await rollParams({ size: WETH(5) }), 0);
    const shares = await vault.balanceOf(c.alice.address);
    await vault.connect(c.alice).requestRedeem(shares, c.alice.address, c.alice.address);
    await expect(vault.connect(c.alice).cancelRedeemRequest(shares / 4n, c.alice.address, c.alice.address))
      .to.emit(vault, "RedeemRequestCancelled").withArgs(c.alice.address, c.alice.address, shares / 4n);
    expect(await vault.pendingRedeemRequest(0, c.alice.address)).to.equal(shares - shares / 4n);
    await expect(vault.connect(c.alice).cancelRedeemRequest(shares, c.alice.address, c.alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsPending");
    const expiry = Number((await vault.liveRound()).expiry);
    await time.increaseTo(expiry);
    await pushPrice(c, USD(3000));
    await expect(vault.connect(c.alice).closeRound(0)).to.be.revertedWithCustomError(vault, "RoundNotExpired")
      .withArgs(expiry + DAY, anyValue);
    await time.increaseTo(expiry + DAY);
    await pushPrice(c, USD(3000));
    await expect(vault.connect(c.alice).closeRound(0)).to.emit(vault, "RoundClosed");
    expect(await vault.maxRedeem(c.alice.address)).to.equal(shares - shares / 4n);
  });

  it("I-3: totalAssets and the conversions never revert, even on a stale oracle (ERC-4626)", async function () {
    const c = await fixtureNoFees();
    const vault = c.callVault;
    await funded(c, vault, WETH(10));
    await time.increase(3 * DAY);
    await expect(vault.connect(c.keeper).closeRound(0)).to.be.revertedWithCustomError(vault, "OracleStaleAnswer");
    expect(await vault.totalAssets()).to.equal(WETH(10));
    expect(await vault.convertToAssets(WETH(10) * 1000n)).to.equal(model.assetsFor(WETH(10) * 1000n, WETH(10), WETH(10) * 1000n));
  });
});

describe("BlackScholes library against textbook values", function () {
  it("prices an at-the-money one-year option at 20 % vol: 100 (2 N(0.1) - 1), delta N(0.1), vega 100 n(0.1)", async function () {
    const h = await ethers.deployContract("BlackScholesHarness");
    // N(0.1) = 0.539827837277029, n(0.1) = 0.396952547477012 (standard normal tables)
    const [call, callDelta, vega] = await h.greeks(true, wad(100), wad(100), wad(1), wad("0.2"));
    const [put, putDelta, putVega] = await h.greeks(false, wad(100), wad(100), wad(1), wad("0.2"));
    expect(call).to.be.closeTo(wad("7.965567455405804"), 10n ** 5n);
    expect(put).to.be.closeTo(wad("7.965567455405804"), 10n ** 5n); // parity at the forward: C - P = S - K = 0
    expect(callDelta).to.be.closeTo(wad("0.539827837277029"), 10n ** 5n);
    expect(putDelta).to.be.closeTo(wad("-0.460172162722971"), 10n ** 5n);
    expect(vega).to.be.closeTo(wad("39.6952547477012"), 10n ** 5n);
    expect(putVega).to.equal(vega);
  });

  it("keeps put-call parity C - P = S - K and the tails' digits across the keeper's range", async function () {
    const h = await ethers.deployContract("BlackScholesHarness");
    for (const [S, K, T, v] of [[3000, 1500, 1 / 24, 0.1], [3000, 6000, 90 / 365, 3], [42, 40, 0.5, 0.2], [3000, 3300, 7 / 365, 0.8]]) {
      const t = (wad(1) * BigInt(Math.round(T * 1e9))) / 10n ** 9n;
      const [c1] = await h.greeks(true, wad(S), wad(K), t, wad(v));
      const [p1] = await h.greeks(false, wad(S), wad(K), t, wad(v));
      expect(c1 - p1, `${S} ${K} ${T} ${v}`).to.be.closeTo(wad(S) - wad(K), 10n ** 7n);
    }
    await expect(h.greeks(true, 0, wad(1), wad(1), wad(1))).to.be.revertedWithCustomError(h, "BlackScholesInvalidInput");
    await expect(h.greeks(true, wad(1), wad(1), wad(1), wad(11))).to.be.revertedWithCustomError(h, "BlackScholesInvalidInput");
  });
});

describe("vol feed", function () {
  it("moves at most maxChangeBps per update, at most once per interval, inside its range, by its updater only", async function () {
    const c = await fixture();
    const f = c.volFeed.connect(c.volUpdater);
    await expect(f.pushVol(wad("1.01"))).to.be.revertedWithCustomError(f, "VolUpdateTooSoon");
    await time.increase(3600);
    await expect(f.pushVol(wad("1.0001"))).to.be.revertedWithCustomError(f, "VolChangeTooLarge").withArgs(wad("0.8"), wad("1.0001"), 2500);
    await expect(f.pushVol(wad("0.5999"))).to.be.revertedWithCustomError(f, "VolChangeTooLarge");
    await expect(f.pushVol(wad("1"))).to.emit(f, "VolUpdated");
    await time.increase(3600);
    await expect(f.pushVol(wad("0.001"))).to.be.revertedWithCustomError(f, "VolOutOfRange");
    await expect(c.volFeed.connect(c.keeper).pushVol(wad("1"))).to.be.revertedWithCustomError(f, "NotVolUpdater");
    // a stale vol stops the roll
    await time.increase(2 * DAY);
    await c.oracle.connect(c.updater).pushPrice(USD(3000));
    await expect(c.callVault.connect(c.keeper).roll(await rollParams({}), 0)).to.be.revertedWithCustomError(c.callVault, "StaleVol");
  });
});
