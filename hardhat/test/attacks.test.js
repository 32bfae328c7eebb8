// Attacks and faults: inflation/donation, reentrancy, strangers on every role-protected function,
// bad oracle answers, slippage, settlement misuse, keeper bounds, pause, rounding.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const {
  WETH, USDC, USD, DAY, LIMITS, model, fixture, fixtureNoFees, deployFixture, pushPrice, rollParams, atTime, throughTimelock,
} = require("./helpers");

const DELAY = 38 * DAY;

/** A covered-call vault on a chosen base token and price feed, for the fault tests. */
async function deployCustomVault(baseToken, feed, owner, keeper) {
  const [, , , , , , , , volUpdater] = await ethers.getSigners();
  const usdc = await ethers.deployContract("TestToken", ["USD Coin (test)", "USDC", 6, owner.address]);
  const pool = await ethers.deployContract("ConstantProductPool", [baseToken.target, usdc.target, 30]);
  const venues = await ethers.deployContract("VenueRegistry", [owner.address, DELAY, baseToken.target, usdc.target, [pool.target]]);
  const volFeed = await ethers.deployContract("VolFeed",
    [owner.address, volUpdater.address, ethers.parseUnits("0.8", 18), 2500, 3600, DELAY]);
  const rollChecks = await ethers.deployContract("RollChecks");
  const requestLib = await ethers.deployContract("RequestLib");
  const vaultAddress = ethers.getCreateAddress({ from: owner.address, nonce: (await owner.getNonce()) + 1 });
  const options = await ethers.deployContract("Options",
    [baseToken.target, usdc.target, feed.target, owner.address, [vaultAddress], DELAY]);
  const vault = await ethers.deployContract("OptionVault", [{
    name: "custom", symbol: "CUS", asset: baseToken.target, options: options.target, venues: venues.target,
    oracle: feed.target, volFeed: volFeed.target, heartbeat: DAY, volHeartbeat: DAY, owner: owner.address,
    timelockDelay: DELAY,
    roles: { keeper: keeper.address, guardian: owner.address, feeRecipient: owner.address, managementFeeBps: 0, performanceFeeBps: 0 },
    limits: LIMITS,
  }], { libraries: { RollChecks: rollChecks.target, RequestLib: requestLib.target } });
  return { usdc, pool, options, vault, volFeed };
}

async function deployFixtureFivePercentManagement() {
  return deployFixture({ managementFeeBps: 500, performanceFeeBps: 0 });
}

async function now() {
  return time.latest();
}

describe("inflation and donation attacks", function () {
  it("a first depositor who donates to inflate the share price only loses the donation", async function () {
    const c = await fixtureNoFees(); // isolate the attack from fee accrual
    const { callVault: vault, weth, keeper, stranger: attacker, alice: victim } = c;
    await c.weth.mint(attacker.address, WETH(101));
    await weth.connect(attacker).approve(vault.target, ethers.MaxUint256);

    await vault.connect(attacker).requestDeposit(1n, attacker.address, attacker.address);
    await vault.connect(keeper).closeRound(0);
    await vault.connect(attacker).deposit(1n, attacker.address);
    expect(await vault.balanceOf(attacker.address)).to.equal(1000n);
    // donate straight to the vault, then the victim deposits
    await weth.connect(attacker).transfer(vault.target, WETH(100));
    await vault.connect(victim).requestDeposit(WETH(10), victim.address, victim.address);
    const totalAssetsBefore = await vault.totalAssets();
    expect(totalAssetsBefore).to.equal(1n); // the donation is not on the books
    await vault.connect(keeper).closeRound(0);
    await vault.connect(victim).deposit(WETH(10), victim.address);
    const victimShares = model.sharesFor(WETH(10), 1n, 1000n);
    expect(await vault.balanceOf(victim.address)).to.equal(victimShares);

    // both leave
    await vault.connect(victim).requestRedeem(victimShares, victim.address, victim.address);
    await vault.connect(attacker).requestRedeem(1000n, attacker.address, attacker.address);
    await vault.connect(keeper).closeRound(0);
    const victimAssets = await vault.maxWithdraw(victim.address);
    const attackerAssets = await vault.maxWithdraw(attacker.address);
    expect(victimAssets).to.equal(model.assetsFor(victimShares, WETH(10) + 1n, victimShares + 1000n));
    expect(victimAssets).to.be.gte(WETH(10) - 1n);
    expect(attackerAssets).to.be.lte(1n);
  });

  it("for contrast, the same attack robs a balance-based ERC-4626 without a decimals offset (OZ plain)", async function () {
    const c = await fixture();
    const plain = await ethers.deployContract("PlainERC4626", [c.weth.target]);
    await c.weth.connect(c.stranger).approve(plain.target, ethers.MaxUint256);
    await c.weth.mint(c.stranger.address, WETH(101));
    await plain.connect(c.stranger).deposit(1n, c.stranger.address);
    await c.weth.connect(c.stranger).transfer(plain.target, WETH(100));
    await c.weth.connect(c.alice).approve(plain.target, ethers.MaxUint256);
    await plain.connect(c.alice).deposit(WETH(10), c.alice.address);
    // OZ's default offset of 0 leaves one virtual share: the victim's 10 WETH buy 0 shares
    expect(await plain.balanceOf(c.alice.address)).to.equal(0n);
  });
});

describe("reentrancy", function () {
  it("a token that calls back into the vault from a transfer is stopped by the guard", async function () {
    const [owner, keeper, alice] = await ethers.getSigners();
    const token = await ethers.deployContract("ReentrantToken");
    const feed = await ethers.deployContract("PushPriceOracle", [8, "RE / USD", owner.address, owner.address, USD(3000), DELAY]);
    const { vault } = await deployCustomVault(token, feed, owner, keeper);
    await token.mint(alice.address, WETH(10));
    await token.connect(alice).approve(vault.target, ethers.MaxUint256);
    await vault.connect(alice).requestDeposit(WETH(1), alice.address, alice.address);

    // during the next deposit's transferFrom, try to cancel (and be paid) again
    const cancel = vault.interface.encodeFunctionData("cancelDepositRequest", [WETH(1), alice.address, alice.address]);
    await token.arm(vault.target, cancel);
    await expect(vault.connect(alice).requestDeposit(WETH(1), alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ReentrancyGuardReentrantCall");
    expect(await vault.pendingDepositRequest(0, alice.address)).to.equal(WETH(1));
    expect(await token.balanceOf(vault.target)).to.equal(WETH(1));

    // during a cancellation's transfer out, try to cancel again
    await token.arm(vault.target, cancel);
    await expect(vault.connect(alice).cancelDepositRequest(WETH(1), alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ReentrancyGuardReentrantCall");
    expect(await token.balanceOf(vault.target)).to.equal(WETH(1));
  });

  it("an auction buyer re-entering from the option-token hook is stopped", async function () {
    const c = await fixture();
    const { callVault: vault, keeper, alice } = c;
    await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
    await vault.connect(keeper).roll(await rollParams({ size: WETH(10) }), 0);
    const attacker = await ethers.deployContract("ReentrantBuyer", [vault.target]);
    await c.weth.mint(attacker.target, WETH(1));
    await expect(attacker.attack(c.weth.target, WETH(1), WETH(1)))
      .to.be.revertedWithCustomError(vault, "ReentrancyGuardReentrantCall");
    expect((await vault.liveRound()).remainingSize).to.equal(WETH(10));
  });
});

describe("role-protected functions called by a stranger", function () {
  it("every keeper, owner, writer and updater function refuses a stranger", async function () {
    const c = await fixture();
    const { callVault: vault, options, oracle, weth, stranger, alice } = c;
    const v = vault.connect(stranger);
    const params = await rollParams({});
    await expect(v.roll(params, 0)).to.be.revertedWithCustomError(vault, "NotKeeper").withArgs(stranger.address);
    await expect(v.rebalance(true, [[c.pool.target, 1n, 0n]])).to.be.revertedWithCustomError(vault, "NotKeeper");
    for (const call of [
      () => v.setFees(0, 0),
      () => v.setFeeRecipient(stranger.address),
      () => v.setKeeper(stranger.address),
      () => v.setGuardian(stranger.address),
      () => v.setKeeperLimits(LIMITS),
      () => options.connect(stranger).setWriter(stranger.address, true),
      () => oracle.connect(stranger).setUpdater(stranger.address),
      () => c.volFeed.connect(stranger).setUpdater(stranger.address),
    ]) {
      await expect(call()).to.be.revertedWithCustomError(vault, "TimelockOnly").withArgs(stranger.address);
    }
    for (const target of [vault, options, oracle, c.volFeed]) {
      await expect(target.connect(stranger).schedule("0x")).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
      await expect(target.connect(stranger).execute("0x")).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
      await expect(target.connect(stranger).cancel("0x")).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
    }
    await expect(weth.connect(stranger).mint(stranger.address, 1n)).to.be.revertedWithCustomError(vault, "OwnableUnauthorizedAccount");
    for (const call of [() => v.pause(), () => v.unpause(), () => v.cancelAuction()]) {
      await expect(call()).to.be.revertedWithCustomError(vault, "NotGuardian").withArgs(stranger.address);
    }
    await expect(c.volFeed.connect(stranger).pushVol(1n)).to.be.revertedWithCustomError(c.volFeed, "NotVolUpdater");
    await expect(oracle.connect(stranger).pushPrice(USD(1))).to.be.revertedWithCustomError(oracle, "NotUpdater");
    const expiry = (await now()) + DAY;
    await expect(options.connect(stranger).createSeries(true, USD(3000), expiry)).to.be.revertedWithCustomError(options, "NotWriter");
    await expect(options.connect(stranger).write(0, stranger.address, 1n)).to.be.revertedWithCustomError(options, "NotWriter");
    await expect(options.connect(stranger).reclaimCollateral(0)).to.be.revertedWithCustomError(options, "NotWriter");
    // acting for someone else needs to be their operator
    await expect(v.requestDeposit(1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v.requestRedeem(1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v.cancelDepositRequest(1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v["deposit(uint256,address,address)"](1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v["mint(uint256,address,address)"](1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v.redeem(1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    await expect(v.withdraw(1n, stranger.address, alice.address)).to.be.revertedWithCustomError(vault, "NotAuthorized");
    // an operator the controller approved may act
    await expect(vault.connect(alice).setOperator(stranger.address, true)).to.emit(vault, "OperatorSet").withArgs(alice.address, stranger.address, true);
    await expect(v.requestDeposit(WETH(1), alice.address, alice.address)).to.emit(vault, "DepositRequest")
      .withArgs(alice.address, alice.address, 0, stranger.address, WETH(1));
  });

  it("advertises ERC-165 interfaces for ERC-7540 operator, async deposit and async redeem", async function () {
    const { callVault: vault } = await fixture();
    for (const id of ["0x01ffc9a7", "0xe3bc4e65", "0xce3bbe50", "0x620ee8e4"]) {
      expect(await vault.supportsInterface(id)).to.equal(true);
    }
    expect(await vault.supportsInterface("0xffffffff")).to.equal(false);
  });
});

describe("oracle faults", function () {
  async function settableFixture() {
    const [owner, keeper, alice] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const feed = await ethers.deployContract("SettableAggregator");
    const t = await now();
    await feed.setRound(5, USD(3000), t, t, 5);
    const custom = await deployCustomVault(weth, feed, owner, keeper);
    return { ...custom, weth, feed, keeper, alice };
  }

  it("the vault refuses stale, zero, negative and incomplete answers with custom errors", async function () {
    const { vault, feed, keeper } = await loadFixture(settableFixture);
    const t = await now();
    const lib = await ethers.getContractAt("OptionVault", vault.target); // errors of OracleLib are in its ABI
    await feed.setRound(5, USD(3000), t - DAY - 10, t - DAY - 10, 5);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(lib, "OracleStaleAnswer");
    await feed.setRound(5, 0, t, t, 5);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(lib, "OracleNonPositiveAnswer").withArgs(0);
    await feed.setRound(5, -1, t, t, 5);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(lib, "OracleNonPositiveAnswer").withArgs(-1);
    expect(await vault.totalAssets()).to.equal(0n); // no usable price: the other token counts as nothing
    await feed.setRound(6, USD(3000), t, t, 5);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(lib, "OracleIncompleteRound").withArgs(6, 5, t);
    await feed.setRound(6, USD(3000), 0, 0, 6);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(lib, "OracleIncompleteRound");
    expect(await vault.totalAssets()).to.equal(0n); // a view: never reverts (ERC-4626), nothing idle here
    await feed.setRound(6, USD(3000), t, t, 6);
    await expect(vault.connect(keeper).closeRound(0)).to.emit(vault, "RoundClosed");
  });

  it("the push oracle refuses non-positive prices, and its answers go stale after the heartbeat", async function () {
    const c = await fixture();
    await expect(c.oracle.connect(c.updater).pushPrice(0)).to.be.revertedWithCustomError(c.oracle, "NonPositiveAnswer").withArgs(0);
    await expect(c.oracle.connect(c.updater).pushPrice(-5)).to.be.revertedWithCustomError(c.oracle, "NonPositiveAnswer").withArgs(-5);
    const [roundId, answer, , updatedAt, answeredInRound] = await c.oracle.latestRoundData();
    expect([roundId, answer, answeredInRound]).to.deep.equal([1n, USD(3000), 1n]);
    await time.increase(DAY + 1);
    await expect(c.callVault.connect(c.keeper).closeRound(0)).to.be.revertedWithCustomError(c.callVault, "OracleStaleAnswer")
      .withArgs(updatedAt, DAY, anyValue);
    await pushPrice(c, USD(3100));
    expect((await c.oracle.getRoundData(2))[1]).to.equal(USD(3100));
    await expect(c.oracle.getRoundData(3)).to.be.revertedWithCustomError(c.oracle, "NoDataPresent");
    await expect(c.callVault.connect(c.keeper).closeRound(0)).to.emit(c.callVault, "RoundClosed");
  });
});

describe("option settlement misuse", function () {
  async function soldRound() {
    const c = await fixture();
    await c.callVault.connect(c.alice).requestDeposit(WETH(10), c.alice.address, c.alice.address);
    const p = await rollParams({ size: WETH(10) });
    await c.callVault.connect(c.keeper).roll(p, 0);
    await c.callVault.connect(c.buyer).buyOptions(WETH(10), WETH(1));
    return { ...c, expiry: p.expiry };
  }

  it("refuses settlement before expiry, with a price from before expiry, twice, or a second reclaim", async function () {
    const c = await soldRound();
    await expect(c.options.settle(1, 0)).to.be.revertedWithCustomError(c.options, "NotExpired");
    await atTime(Number(c.expiry) - 10);
    await pushPrice(c, USD(3400)); // fresh, but observed before expiry
    await time.increaseTo(c.expiry);
    await expect(c.options.settle(1, 0)).to.be.revertedWithCustomError(c.options, "PriceBeforeExpiry");
    await pushPrice(c, USD(3400));
    await expect(c.options.settle(1, 0)).to.emit(c.options, "SeriesSettled")
      .withArgs(1, USD(3400), model.callReserve(WETH(10), USD(3400), USD(3300)), 3);
    await expect(c.options.settle(1, 0)).to.be.revertedWithCustomError(c.options, "AlreadySettled");
    await expect(c.options.settle(99, 0)).to.be.revertedWithCustomError(c.options, "UnknownSeries");
    await c.callVault.connect(c.keeper).closeRound(0);
    await expect(c.callVault.connect(c.keeper).closeRound(0)).to.emit(c.callVault, "RoundClosed"); // idle round, nothing to reclaim
  });

  it("pays non-holders nothing: claims burn the caller's own options, before settlement nothing is claimable", async function () {
    const c = await soldRound();
    await expect(c.options.connect(c.buyer).claim(1, WETH(1), c.buyer.address)).to.be.revertedWithCustomError(c.options, "NotSettled");
    await time.increaseTo(c.expiry);
    await pushPrice(c, USD(3600));
    await c.options.settle(1, 0);
    await expect(c.options.connect(c.stranger).claim(1, WETH(1), c.stranger.address))
      .to.be.revertedWithCustomError(c.options, "ERC1155InsufficientBalance");
    await c.options.connect(c.buyer).safeTransferFrom(c.buyer.address, c.stranger.address, 1, WETH(1), "0x");
    await expect(c.options.connect(c.stranger).claim(1, WETH(1), c.stranger.address))
      .to.emit(c.options, "OptionsClaimed").withArgs(1, c.stranger.address, c.stranger.address, WETH(1), model.callPayout(WETH(1), USD(3600), USD(3300)));
  });
});

describe("rebalancing through the pool", function () {
  async function fundedCallVault() {
    const c = await fixtureNoFees(); // keep the idle balance a round number
    await c.callVault.connect(c.alice).requestDeposit(WETH(100), c.alice.address, c.alice.address);
    await c.callVault.connect(c.keeper).closeRound(0);
    return c;
  }

  it("swaps idle WETH to USDC at the pool's x*y=k price and values it at the oracle price", async function () {
    const c = await fundedCallVault();
    const [reserveBase, reserveQuote] = await c.pool.getReserves();
    const amountIn = WETH(2);
    const expectedOut = (amountIn * 9970n * reserveQuote) / (reserveBase * 10000n + amountIn * 9970n);
    const bound = (USDC(6_000) * 9900n + 9999n) / 10000n;
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, amountIn, bound - 1n]]))
      .to.be.revertedWithCustomError(c.callVault, "SlippageBoundExceeded").withArgs(bound - 1n, bound);
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, amountIn, bound]]))
      .to.emit(c.callVault, "Rebalanced").withArgs(true, c.pool.target, amountIn, expectedOut, bound, USD(3000));
    expect(await c.callVault.idleOther()).to.equal(expectedOut);
    expect(await c.callVault.idleAsset()).to.equal(WETH(98));
    // NAV counts the USDC at the oracle price, in WETH
    const usdcInWeth = (expectedOut * 10n ** 20n) / USD(3000);
    expect(await c.callVault.totalAssets()).to.equal(WETH(98) + usdcInWeth);
    // and back
    await c.callVault.connect(c.keeper).rebalance(false, [[c.pool.target, expectedOut, (usdcInWeth * 9900n + 9999n) / 10000n]]);
    expect(await c.callVault.idleOther()).to.equal(0n);
  });

  it("refuses swaps beyond the slippage bound when the pool has moved away from the oracle", async function () {
    const c = await fundedCallVault();
    // someone dumps WETH into the pool: its price falls well below the oracle's
    await c.pool.connect(c.buyer).swapExactIn(c.weth.target, WETH(100), 0, c.buyer.address, (await now()) + 3600);
    const bound = (USDC(30_000) * 9900n + 9999n) / 10000n;
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, WETH(10), bound]]))
      .to.be.revertedWithCustomError(c.pool, "InsufficientOutput");
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, WETH(101), WETH(1)]]))
      .to.be.revertedWithCustomError(c.callVault, "InsufficientIdle").withArgs(WETH(101), WETH(100));
    await expect(c.pool.connect(c.buyer).swapExactIn(c.weth.target, WETH(1), 0, c.buyer.address, (await now()) - 1))
      .to.be.revertedWithCustomError(c.pool, "Expired");
    await expect(c.pool.connect(c.buyer).swapExactIn(c.buyer.address, WETH(1), 0, c.buyer.address, (await now()) + 3600))
      .to.be.revertedWithCustomError(c.pool, "UnknownToken");
  });

  it("lets the put vault buy WETH with idle USDC and counts it at the oracle price", async function () {
    const c = await fixtureNoFees();
    const vault = c.putVault;
    await vault.connect(c.alice).requestDeposit(USDC(60_000), c.alice.address, c.alice.address);
    await vault.connect(c.keeper).closeRound(0);
    const [reserveBase, reserveQuote] = await c.pool.getReserves();
    const expectedOut = (USDC(6_000) * 9970n * reserveBase) / (reserveQuote * 10000n + USDC(6_000) * 9970n);
    const bound = (WETH(2) * 9900n + 9999n) / 10000n;
    await expect(vault.connect(c.keeper).rebalance(true, [[c.pool.target, USDC(6_000), bound]]))
      .to.emit(vault, "Rebalanced").withArgs(true, c.pool.target, USDC(6_000), expectedOut, bound, USD(3000));
    expect(await vault.idleOther()).to.equal(expectedOut);
    expect(await vault.totalAssets()).to.equal(USDC(54_000) + (expectedOut * USD(3000)) / 10n ** 20n);
  });

  it("cannot swap away collateral promised to the running auction", async function () {
    const c = await fundedCallVault();
    await c.callVault.connect(c.keeper).roll(await rollParams({ size: WETH(80) }), 0);
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, WETH(21), 0]]))
      .to.be.revertedWithCustomError(c.callVault, "InsufficientIdle").withArgs(WETH(21), WETH(20));
  });
});

describe("keeper bounds", function () {
  it("refuses strikes outside the band, vols outside the range, low floors, bad premiums, expiries and auctions", async function () {
    const c = await fixture();
    const vault = c.callVault.connect(c.keeper);
    await c.callVault.connect(c.alice).requestDeposit(WETH(10), c.alice.address, c.alice.address);
    const t = await now();
    const cases = [
      [{ strike: USD(4501) }, "StrikeOutOfBand"],
      [{ strike: USD(3029) }, "StrikeNotOutOfTheMoney"], // 1 % out of the money at least
      [{ strike: USD(2900) }, "StrikeNotOutOfTheMoney"],
      [{ startPremium: WETH("0.005"), floorPremium: WETH("0.004") }, "FloorBelowModelPrice"],
      [{ startPremium: WETH("0.005"), floorPremium: WETH("0.01") }, "InvalidPremiums"],
      [{ floorPremium: 0n }, "InvalidPremiums"],
      [{ startPremium: WETH("1.01") }, "InvalidPremiums"],
      [{ expiry: t + 36 * DAY }, "InvalidExpiry"],
      [{ auctionDuration: 0 }, "InvalidAuctionDuration"],
      [{ auctionDuration: 599 }, "InvalidAuctionDuration"],
      [{ auctionDuration: 8 * DAY }, "InvalidAuctionDuration"],
    ];
    for (const [override, error] of cases) {
      await expect(vault.roll(await rollParams({ size: WETH(10), ...override }), 0), error).to.be.revertedWithCustomError(c.callVault, error);
    }
    // a size above the collateral is clamped to it, not refused
    await expect(vault.roll(await rollParams({ size: WETH(10) + 1n, strike: USD(4500), floorPremium: WETH("0.0075") }), 0))
      .to.emit(c.callVault, "RoundOpened").withArgs(2, 1, true, USD(4500), anyValue, WETH(10), anyValue, anyValue, anyValue, anyValue, anyValue, anyValue);
  });

  it("caps fees and validates limits", async function () {
    const c = await fixture();
    const v = c.callVault;
    await expect(throughTimelock(v, "setFees", [501, 0])).to.be.revertedWithCustomError(v, "FeeTooHigh").withArgs(501, 500);
    await expect(throughTimelock(v, "setFees", [0, 3001])).to.be.revertedWithCustomError(v, "FeeTooHigh").withArgs(3001, 3000);
    await expect(throughTimelock(v, "setFees", [500, 3000])).to.emit(v, "FeesSet").withArgs(500, 3000);
    for (const bad of [{ maxSlippageBps: 501 }, { strikeBandBps: 5001 }, { minOtmBps: 5001 }, { minFloorBps: 4999 },
      { minFloorBps: 20001 }, { maxSizeBps: 0 }, { maxSizeBps: 10001 }, { maxDeltaBps: 10001 }, { maxVegaBps: 10001 },
      { maxRebalanceVolumeBps: 20001 }, { maxRebalanceLossBps: 201 }, { minAuctionDuration: 599 },
      { maxRoundDuration: 35 * DAY + 1 }, { minAuctionDuration: 3600, maxRoundDuration: 3600 }]) {
      await expect(throughTimelock(v, "setKeeperLimits", [{ ...LIMITS, ...bad }]), JSON.stringify(bad))
        .to.be.revertedWithCustomError(v, "InvalidLimits");
    }
    await expect(throughTimelock(v, "setFeeRecipient", [ethers.ZeroAddress])).to.be.revertedWithCustomError(v, "ZeroAddress");
    await expect(throughTimelock(v, "setKeeper", [ethers.ZeroAddress])).to.be.revertedWithCustomError(v, "ZeroAddress");
    await expect(throughTimelock(v, "setGuardian", [ethers.ZeroAddress])).to.be.revertedWithCustomError(v, "ZeroAddress");
  });

  it("never charges more than the NAV, however long a round stays open", async function () {
    const c = await loadFixture(deployFixtureFivePercentManagement);
    await c.callVault.connect(c.alice).requestDeposit(WETH(10), c.alice.address, c.alice.address);
    await c.callVault.connect(c.keeper).closeRound(0);
    await time.increase(25 * 365 * DAY); // 25 years at 5 % a year would be 125 % of the NAV
    await pushPrice(c, USD(3000));
    await expect(c.callVault.connect(c.keeper).closeRound(0)).to.emit(c.callVault, "RoundClosed")
      .withArgs(2, WETH(10), WETH(10), 0, 0, WETH(10) * 1000n, 0, 0, 0, 0, 0, 0, 0, 0);
    expect(await c.callVault.accruedFees()).to.equal(WETH(10));
  });
});

describe("pause", function () {
  it("stops deposits and rolls but never traps what is claimable", async function () {
    const c = await fixture();
    const { callVault: vault, keeper, alice, bob } = c;
    await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
    await vault.connect(keeper).roll(await rollParams({ size: WETH(5) }), 0);
    await vault.connect(bob).requestDeposit(WETH(2), bob.address, bob.address);
    await vault.connect(c.buyer).buyOptions(WETH(5), WETH(1));
    await expect(vault.pause()).to.emit(vault, "Paused");
    await expect(vault.connect(alice).requestDeposit(1n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "EnforcedPause");
    await expect(vault.connect(keeper).roll(await rollParams({}), 0)).to.be.revertedWithCustomError(vault, "EnforcedPause");
    // still possible: cancel pending, claim shares, request redeem, close the round, claim assets and fees
    await vault.connect(bob).cancelDepositRequest(WETH(2), bob.address, bob.address);
    await vault.connect(alice).deposit(WETH(10), alice.address);
    await vault.connect(alice).requestRedeem(await vault.balanceOf(alice.address), alice.address, alice.address);
    const expiry = (await vault.liveRound()).expiry;
    await time.increaseTo(expiry);
    await pushPrice(c, USD(2900));
    await vault.connect(keeper).closeRound(0);
    const owed = await vault.maxRedeem(alice.address);
    await vault.connect(alice).redeem(owed, alice.address, alice.address);
    await vault.claimFees();
    expect(await vault.totalSupply()).to.equal(0n);
    expect(await c.weth.balanceOf(vault.target)).to.be.lte(1n);
  });
});

describe("rounding never pays the depositor at the vault's expense", function () {
  it("many tiny deposits and redeems at an odd share price return at most what went in", async function () {
    const c = await fixtureNoFees(); // only rounding may move value here
    const { callVault: vault, keeper, alice, bob, carol, buyer } = c;
    // give the vault an awkward price per share: sell some options, expire them worthless
    await vault.connect(alice).requestDeposit(WETH(3), alice.address, alice.address);
    const p = await rollParams({ size: WETH(3) });
    await vault.connect(keeper).roll(p, 0);
    await atTime(Number(p.expiry) - 7 * DAY + 1237);
    await vault.connect(buyer).buyOptions(WETH("2.718281828459045235"), WETH(1));
    await time.increaseTo(p.expiry);
    await pushPrice(c, USD(3000));
    await vault.connect(keeper).closeRound(0);
    const users = [bob, carol, buyer];
    const amounts = [1n, 2n, 3n, 7n, 999n, 1001n, 123457n, 10n ** 15n + 1n];
    const deposited = new Map(users.map((u) => [u.address, 0n]));
    for (const amount of amounts) {
      for (const u of users) {
        await vault.connect(u).requestDeposit(amount, u.address, u.address);
        deposited.set(u.address, deposited.get(u.address) + amount);
      }
    }
    await vault.connect(keeper).closeRound(0);
    const pps0 = (await vault.roundPrice(3))[2];
    for (const u of users) {
      const shares = await vault.maxMint(u.address);
      // claim in pieces, then redeem in pieces
      await vault.connect(u)["mint(uint256,address)"](shares / 3n, u.address);
      await vault.connect(u)["mint(uint256,address)"](await vault.maxMint(u.address), u.address);
      const held = await vault.balanceOf(u.address);
      await vault.connect(u).requestRedeem(held / 2n, u.address, u.address);
      await vault.connect(u).requestRedeem(held - held / 2n, u.address, u.address);
    }
    await vault.connect(keeper).closeRound(0);
    expect((await vault.roundPrice(4))[2]).to.be.gte(pps0); // those who stay never lose to rounding
    for (const u of users) {
      const before = await c.weth.balanceOf(u.address);
      const owed = await vault.maxWithdraw(u.address);
      await vault.connect(u).withdraw(owed / 3n, u.address, u.address);
      const rest = await vault.maxRedeem(u.address);
      if (rest > 0n) await vault.connect(u).redeem(rest, u.address, u.address);
      const got = (await c.weth.balanceOf(u.address)) - before;
      expect(got).to.be.lte(deposited.get(u.address));
      expect(got).to.be.gte(deposited.get(u.address) - 10n);
      expect(await vault.maxWithdraw(u.address)).to.equal(0n);
    }
  });
});
