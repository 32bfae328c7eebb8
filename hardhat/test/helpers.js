// Shared fixture and an independent JavaScript model of the contracts' arithmetic. The tests
// compare what the chain does with what these formulas (taken from the specification in
// vault-contracts/README.md, not from the contract code) say it must do, to the wei.
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { deployAll } = require("../scripts/deploy");

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
  performanceFee: (nav, navStart, bps) => (nav > navStart ? ((nav - navStart) * BigInt(bps)) / 10000n : 0n),
};

/** Tokens, oracle, pool, options and both vaults at 3000 USD; signers named by role. */
async function deployFixture() {
  const [owner, keeper, alice, bob, carol, buyer, stranger] = await ethers.getSigners();
  const d = await deployAll({ initialPrice: "3000" });
  for (const user of [alice, bob, carol, buyer]) {
    await d.weth.mint(user.address, WETH(1000));
    await d.usdc.mint(user.address, USDC(3_000_000));
    for (const spender of [d.callVault, d.putVault, d.pool]) {
      await d.weth.connect(user).approve(spender.target, ethers.MaxUint256);
      await d.usdc.connect(user).approve(spender.target, ethers.MaxUint256);
    }
  }
  return { ...d, owner, keeper, alice, bob, carol, buyer, stranger };
}

const fixture = () => loadFixture(deployFixture);

/** Pushes a USD price (8 decimals) as the keeper/updater, stamped with the next block's time. */
async function pushPrice(ctx, price) {
  await ctx.oracle.connect(ctx.keeper).pushPrice(price);
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
    fairPremium: WETH("0.015"),
    auctionDuration: 3600,
    impliedVol: ethers.parseUnits("0.8", 18),
    ...overrides,
  };
}

/** Sets the next block's timestamp and returns it. */
async function atTime(t) {
  await time.setNextBlockTimestamp(t);
  return t;
}

module.exports = { WETH, USDC, USD, DAY, YEAR, VIRTUAL_SHARES, model, fixture, deployFixture, pushPrice, rollParams, atTime, ceilDiv };
