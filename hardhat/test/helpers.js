// Shared fixture and an independent JavaScript model of the contracts' arithmetic. The tests
// compare what the chain does with what these formulas (taken from the specification in
// vault-contracts/README.md, not from the contract code) say it must do, to the wei.
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { deployAll, DEFAULTS } = require("../scripts/deploy");

const WETH = (x) => ethers.parseUnits(String(x), 18);
const USDC = (x) => ethers.parseUnits(String(x), 6);
const USD = (x) => ethers.parseUnits(String(x), 8); // oracle / strike units
const DAY = 24 * 3600;
const YEAR = 365n * 24n * 3600n;
const VIRTUAL_SHARES = 1000n;

const ceilDiv = (a, b) => (a + b - 1n) / b;

const model = {
  sharesFor: (assets, totalAssets, supply) => (assets * (supply + VIRTUAL_SHARES)) / (totalAssets + 1n),
  assetsFor: (shares, totalAssets, supply) => (shares * (totalAssets + 1n)) / (supply + VIRTUAL_SHARES),
  auctionPrice: (start, floor, elapsed, duration) => start - ((start - floor) * BigInt(elapsed)) / BigInt(duration),
  premium: (size, perOption) => ceilDiv(size * perOption, 10n ** 18n),
  // WETH 18 dec x price 8 dec -> USDC 6 dec: divide by 1e20
  putCollateral: (size, strike) => ceilDiv(size * strike, 10n ** 20n),
  callPayout: (size, spot, strike) => (spot > strike ? (size * (spot - strike)) / spot : 0n),
  callReserve: (size, spot, strike) => (spot > strike ? ceilDiv(size * (spot - strike), spot) : 0n),
  putPayout: (size, spot, strike) => (strike > spot ? (size * (strike - spot)) / 10n ** 20n : 0n),
  putReserve: (size, spot, strike) => (strike > spot ? ceilDiv(size * (strike - spot), 10n ** 20n) : 0n),
  managementFee: (nav, bps, seconds) => (nav * BigInt(bps) * BigInt(seconds)) / (YEAR * 10000n),
  // the high-water mark's value for `supply` shares: the best round price (assets, supply) so far, or the
  // first price (1 asset per 10^3 share units) before any
  markValue: (markAssets, markSupply, supply) => ((markAssets + 1n) * (supply + VIRTUAL_SHARES)) / (markSupply + VIRTUAL_SHARES),
  // performance fee on the value after the management fee above the high-water mark's
  performanceFee: (navAfterManagement, markValue, bps) =>
    (navAfterManagement > markValue ? ((navAfterManagement - markValue) * BigInt(bps)) / 10000n : 0n),
};

/** The tests' keeper limits: the deploy defaults with the floor at the code minimum (50 % of the
 * model price), so that the scenarios' round-number premiums pass; the floor itself is tested in findings.test.js. */
const LIMITS = { ...DEFAULTS.limits, minFloorBps: 5000 };

/** Tokens, oracle, vol feed, pool, options and both vaults at 3000 USD and 80 % vol; signers named by role. */
async function deployFixture(fees = {}) {
  const [owner, keeper, alice, bob, carol, buyer, stranger, updater, volUpdater] = await ethers.getSigners();
  const d = await deployAll({ initialPrice: "3000", oracleUpdater: updater.address, volUpdater: volUpdater.address,
    limits: LIMITS, ...fees });
  for (const user of [alice, bob, carol, buyer]) {
    await d.weth.mint(user.address, WETH(1000));
    await d.usdc.mint(user.address, USDC(3_000_000));
    for (const spender of [d.callVault, d.putVault, d.pool]) {
      await d.weth.connect(user).approve(spender.target, ethers.MaxUint256);
      await d.usdc.connect(user).approve(spender.target, ethers.MaxUint256);
    }
  }
  return { ...d, owner, keeper, alice, bob, carol, buyer, stranger, updater, volUpdater };
}

async function deployFixtureNoFees() {
  return deployFixture({ managementFeeBps: 0, performanceFeeBps: 0 });
}

const fixture = () => loadFixture(deployFixture);
/** The same deployment without fees, for tests that isolate other effects from fee accrual. */
const fixtureNoFees = () => loadFixture(deployFixtureNoFees);

/**
 * Pushes a USD price (8 decimals) as the oracle updater, stamped with the next block's time, and
 * keeps the vol feed fresh by pushing its current answer again when the feed's interval allows.
 */
async function pushPrice(ctx, price) {
  await ctx.oracle.connect(ctx.updater).pushPrice(price);
  const [vol, updatedAt] = await ctx.volFeed.latest();
  if (BigInteger(await time.latest()) >= updatedAt + (await ctx.volFeed.minInterval())) {
    await ctx.volFeed.connect(ctx.volUpdater).pushVol(vol);
  }
}

const BigInteger = (x) => BigInt(x);

/**
 * The oracle round a series expiring at `expiry` settles at: the first answer at or after it, found
 * by walking back from the latest round (0 when there is none yet, or nothing to settle).
 */
async function settlementRound(ctx, expiry) {
  if (BigInt(expiry) === 0n) return 0n;
  let first = 0n;
  for (let r = await ctx.oracle.latestRound(); r >= 1n; r--) {
    const [, , , updatedAt] = await ctx.oracle.getRoundData(r);
    if (updatedAt < BigInt(expiry)) break;
    first = r;
  }
  return first;
}

/** Schedules `fn(...args)` on a timelocked contract, waits out the delay and executes it (owner signer). */
async function throughTimelock(contract, fn, args) {
  const data = contract.interface.encodeFunctionData(fn, args);
  await contract.schedule(data);
  await time.increase(Number(await contract.timelockDelay()));
  return contract.execute(data);
}

/** Roll parameters with sensible defaults around `spot`; any field may be overridden. */
async function rollParams(overrides = {}) {
  const now = await time.latest();
  return {
    strike: USD(3300),
    expiry: now + 7 * DAY,
    size: 0n,
    startPremium: WETH("0.02"),
    floorPremium: WETH("0.01"),
    auctionDuration: 3600,
    ...overrides,
  };
}

/** Sets the next block's timestamp and returns it. */
async function atTime(t) {
  await time.setNextBlockTimestamp(t);
  return t;
}

module.exports = {
  WETH, USDC, USD, DAY, YEAR, VIRTUAL_SHARES, LIMITS, model, fixture, fixtureNoFees, deployFixture, pushPrice, rollParams,
  atTime, ceilDiv, throughTimelock, settlementRound,
};
