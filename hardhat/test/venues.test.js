// Swap venues: Uniswap v3 deployed from its npm artifacts (scripts/lib/uniswap.js) behind our
// UniswapV3Venue adapter, next to our ConstantProductPool, both listed in the market's VenueRegistry.
// The expected outputs are the Uniswap v3 whitepaper's in-range formulas (section 6.2.3: within one
// range, Delta(1/sqrtP) = Delta x / L and Delta y = L Delta sqrtP), written here in BigInt with the
// rounding the whitepaper prescribes (always in the pool's favour), and Uniswap v2's x*y=k.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { WETH, USDC, USD, deployFixture, pushPrice, throughTimelock, ceilDiv } = require("./helpers");
const { poolPrice, sqrtBig } = require("../scripts/lib/uniswap");

const Q96 = 2n ** 96n;
const PIPS = 1_000_000n; // Uniswap v3 fees are in hundredths of a basis point

async function deployWithUniswap() {
  return deployFixture({ managementFeeBps: 0, performanceFeeBps: 0, uniswapFee: 500 });
}

/** A call vault holding 100 WETH idle, deployed with a 0.05 % Uniswap v3 pool of 1,000 WETH full range. */
async function fundedCallVault() {
  const c = await loadFixture(deployWithUniswap);
  await c.callVault.connect(c.alice).requestDeposit(WETH(100), c.alice.address, c.alice.address);
  await c.callVault.connect(c.keeper).closeRound(0);
  return c;
}

/** The whitepaper's output of one in-range exact-in swap of `amountIn` (before fee) at price `sqrtP`, liquidity `L`. */
function v3InRangeOut(sqrtP, L, amountIn, fee, zeroForOne) {
  const net = (amountIn * (PIPS - BigInt(fee))) / PIPS; // fee taken from the input
  if (zeroForOne) {
    // 1/sqrtP' = 1/sqrtP + net / L, rounded up (the price falls less); out = L (sqrtP - sqrtP')
    const next = ceilDiv(L * Q96 * sqrtP, L * Q96 + net * sqrtP);
    return (L * (sqrtP - next)) / Q96;
  }
  // sqrtP' = sqrtP + net / L, rounded down; out = L (1/sqrtP - 1/sqrtP')
  const next = sqrtP + (net * Q96) / L;
  return (L * Q96 * (next - sqrtP)) / next / sqrtP;
}

describe("swap venues", function () {
  it("takes integer square roots to the floor, also of Q64.96 prices (the deploy's sqrtPriceX96)", function () {
    for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 17n, 10n ** 40n, 3n * 10n ** 9n * Q96 * Q96 / 10n ** 18n, 2n ** 255n]) {
      const r = sqrtBig(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n, String(n)).to.equal(true);
    }
    expect(() => sqrtBig(-1n)).to.throw("sqrt of a negative number -1");
  });

  it("deploys Uniswap v3 from its npm artifacts with the pool at the oracle price", async function () {
    const c = await fundedCallVault();
    const u = c.uniswap;
    const [sqrtPriceX96, , liquidity, baseIsToken0] = await u.venue.poolState();
    const expected = poolPrice({ address: c.weth.target, decimals: 18 }, { address: c.usdc.target, decimals: 6 }, USD(3000));
    expect(sqrtPriceX96).to.equal(expected.sqrtPriceX96);
    expect(baseIsToken0).to.equal(expected.baseIsToken0);
    // 3000 USDC per WETH is 3000e6 / 1e18 raw: sqrt(3e-9) x 2^96 = 4339505179874779489431521 (by hand: 5.4772e-5 x 7.9228e28);
    // with USDC as token0 (the token order follows the addresses) it is 1e18 / 3e9 raw: sqrt(3.3333e8) x 2^96 = 1.4465e33.
    // Raw token1 per raw token0 as an exact fraction: a ratio rounded to 1e-18 (1e27 / 3) is 7e5 off in the second case.
    const [num, den] = expected.baseIsToken0 ? [3n * 10n ** 9n, 10n ** 18n] : [10n ** 18n, 3n * 10n ** 9n];
    expect(sqrtPriceX96).to.equal(sqrtBig((num * Q96 * Q96) / den));
    expect(Number(sqrtPriceX96) / Number(Q96)).to.be.closeTo(expected.baseIsToken0 ? Math.sqrt(3e-9) : Math.sqrt(1e18 / 3e9), 1e-9);
    // full range: L = sqrt(x y) of the deposit, 1000 WETH and 3,000,000 USDC, to within the ticks' rounding
    const l = sqrtBig(WETH(1000) * USDC(3_000_000));
    expect(liquidity).to.be.closeTo(l, l / 10_000n);
    expect(await c.venues.isVenue(u.venue.target)).to.equal(true);
    expect(await c.venues.isVenue(c.pool.target)).to.equal(true);
    // the deployment file lists the market's registry and both venues, each with its kind
    const [market] = c.deployment.markets;
    expect(market.venueRegistry).to.equal(c.venues.target);
    expect(market.venues.map((v) => [v.kind, v.address])).to.deep.equal([["constant-product", c.pool.target],
      ["uniswap-v3", u.venue.target]]);
    expect(market.venues[1]).to.include({ fee: 500, feeBps: 5, pool: u.pool.address, swapRouter: u.uni.router.target });
    expect(await c.callVault.venues()).to.equal(c.venues.target);
  });

  it("quotes and swaps through Uniswap v3 as the whitepaper's in-range formula says, to the wei", async function () {
    const c = await fundedCallVault();
    const [sqrtP, , L, baseIsToken0] = await c.uniswap.venue.poolState();
    for (const amountIn of [WETH(1), WETH(7)]) {
      const want = v3InRangeOut(sqrtP, L, amountIn, 500, baseIsToken0);
      expect(await c.uniswap.venue.getAmountOut.staticCall(c.weth.target, amountIn)).to.equal(want);
    }
    const amountIn = WETH(2);
    const out = v3InRangeOut(sqrtP, L, amountIn, 500, baseIsToken0);
    const bound = ceilDiv(USDC(6_000) * 9900n, 10000n);
    await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.uniswap.venue.target, amountIn, bound]]))
      .to.emit(c.callVault, "Rebalanced").withArgs(true, c.uniswap.venue.target, amountIn, out, bound, USD(3000));
    expect(await c.callVault.idleOther()).to.equal(out);
    expect(await c.callVault.idleAsset()).to.equal(WETH(98));
    // no allowance is left with the venue after the swap
    expect(await c.weth.allowance(c.callVault.target, c.uniswap.venue.target)).to.equal(0n);
    // the same depth at a 0.05 % fee pays more than our 0.3 % constant-product pool (about 5,985 against 5,970 USDC)
    expect(out).to.be.gt(await c.pool.getAmountOut(c.weth.target, amountIn));
    await expect(c.uniswap.venue.getAmountOut.staticCall(c.alice.address, 1n))
      .to.be.revertedWithCustomError(c.uniswap.venue, "UnknownToken");
  });

  it("splits one rebalance over both venues and charges the round's budget with both legs", async function () {
    const c = await fundedCallVault();
    const [reserveBase, reserveQuote] = await c.pool.getReserves();
    const [sqrtP, , L, baseIsToken0] = await c.uniswap.venue.poolState();
    const cpOut = (WETH(3) * 9970n * reserveQuote) / (reserveBase * 10000n + WETH(3) * 9970n);
    const v3Out = v3InRangeOut(sqrtP, L, WETH(5), 500, baseIsToken0);
    const tx = c.callVault.connect(c.keeper).rebalance(true, [
      [c.pool.target, WETH(3), ceilDiv(USDC(9_000) * 9900n, 10000n)],
      [c.uniswap.venue.target, WETH(5), ceilDiv(USDC(15_000) * 9900n, 10000n)],
    ]);
    await expect(tx).to.emit(c.callVault, "Rebalanced")
      .withArgs(true, c.pool.target, WETH(3), cpOut, ceilDiv(USDC(9_000) * 9900n, 10000n), USD(3000));
    await expect(tx).to.emit(c.callVault, "Rebalanced")
      .withArgs(true, c.uniswap.venue.target, WETH(5), v3Out, ceilDiv(USDC(15_000) * 9900n, 10000n), USD(3000));
    expect(await c.callVault.idleOther()).to.equal(cpOut + v3Out);
    expect(await c.callVault.rebalanceVolume()).to.equal(WETH(8));
    // loss: oracle value in less what came back, valued at the oracle (USDC -> WETH rounded down per leg)
    const value = (usdc) => (usdc * 10n ** 20n) / USD(3000);
    expect(await c.callVault.rebalanceLoss()).to.equal(WETH(3) - value(cpOut) + WETH(5) - value(v3Out));
    // the put vault swaps the other way round through Uniswap too
    await c.putVault.connect(c.alice).requestDeposit(USDC(60_000), c.alice.address, c.alice.address);
    await c.putVault.connect(c.keeper).closeRound(0);
    await c.putVault.connect(c.keeper).rebalance(true, [[c.uniswap.venue.target, USDC(3_000), ceilDiv(WETH(1) * 9900n, 10000n)]]);
    expect(await c.putVault.idleOther()).to.be.gt(ceilDiv(WETH(1) * 9900n, 10000n));
  });

  it("stops at the round's loss budget across venues", async function () {
    const c = await fundedCallVault();
    // loss cap 100 bps of 100 WETH = 1 WETH. A listed venue paying the oracle value less 1 % loses 0.3
    // WETH on 30 out and 0.297 on the 89,100 USDC (29.7 WETH) back; then 1 WETH through Uniswap (about
    // 0.0006 lost) and 41 more (0.41) pass the cap in the second leg
    const min = (weth) => ceilDiv(USDC(weth * 3000) * 9900n, 10000n);
    const bad = await addVenue(c, "PAY", min(30));
    await c.callVault.connect(c.keeper).rebalance(true, [[bad.target, WETH(30), min(30)]]);
    const back = ceilDiv(WETH("29.7") * 9900n, 10000n);
    await bad.set(3, back);
    await c.callVault.connect(c.keeper).rebalance(false, [[bad.target, min(30), back]]);
    // (30 - 29.7) + (29.7 - back): the USDC is worth exactly 29.7 WETH at the oracle
    expect(await c.callVault.rebalanceLoss()).to.equal(WETH(30) - back);
    await bad.set(3, min(41));
    await expect(c.callVault.connect(c.keeper).rebalance(true, [
      [c.uniswap.venue.target, WETH(1), min(1)],
      [bad.target, WETH(41), min(41)],
    ])).to.be.revertedWithCustomError(c.callVault, "RebalanceBudgetExceeded");
    expect(await c.callVault.rebalanceVolume()).to.equal(WETH(30) + WETH("29.7"));
  });

  describe("attacks", function () {
    it("refuses a venue not in the registry, an empty split and a zero leg", async function () {
      const c = await fundedCallVault();
      const rogue = await ethers.deployContract("MaliciousVenue", [c.weth.target, c.usdc.target]);
      const bound = ceilDiv(USDC(3_000) * 9900n, 10000n);
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[rogue.target, WETH(1), bound]]))
        .to.be.revertedWithCustomError(c.callVault, "VenueNotAllowed").withArgs(rogue.target);
      // a venue in the second leg is checked as well, and the whole rebalance reverts
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, WETH(1), bound], [rogue.target, WETH(1), bound]]))
        .to.be.revertedWithCustomError(c.callVault, "VenueNotAllowed").withArgs(rogue.target);
      await expect(c.callVault.connect(c.keeper).rebalance(true, []))
        .to.be.revertedWithCustomError(c.callVault, "ZeroAmount");
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, 0n, 0n]]))
        .to.be.revertedWithCustomError(c.callVault, "ZeroAmount");
      expect(await c.callVault.idleAsset()).to.equal(WETH(100));
    });

    it("refuses a minAmountOut below the oracle bound on any venue, even one that would pay more", async function () {
      const c = await fundedCallVault();
      const bound = ceilDiv(USDC(6_000) * 9900n, 10000n); // 2 WETH at 3000 less 100 bps, rounded up
      for (const venue of [c.uniswap.venue.target, c.pool.target]) {
        await expect(c.callVault.connect(c.keeper).rebalance(true, [[venue, WETH(2), bound - 1n]]))
          .to.be.revertedWithCustomError(c.callVault, "SlippageBoundExceeded").withArgs(bound - 1n, bound);
      }
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.pool.target, WETH(2), bound], [c.uniswap.venue.target, WETH(2), 0n]]))
        .to.be.revertedWithCustomError(c.callVault, "SlippageBoundExceeded").withArgs(0n, bound);
      // Uniswap itself refuses to pay less than the minimum the vault passes on
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.uniswap.venue.target, WETH(2), USDC(6_000)]]))
        .to.be.revertedWith("Too little received");
    });

    it("a listed venue that lies, skims or re-enters cannot take anything", async function () {
      const c = await fundedCallVault();
      const bound = ceilDiv(USDC(3_000) * 9900n, 10000n);
      const venue = await addVenue(c, "LIE", 0n);
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[venue.target, WETH(1), bound]]))
        .to.be.revertedWithCustomError(c.callVault, "VenueDeliveredTooLittle").withArgs(venue.target, 0n, bound);
      await venue.set(1 /* SKIM */, USDC(3_000));
      const before = await c.weth.balanceOf(c.callVault.target);
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[venue.target, WETH(1), bound]]))
        .to.be.revertedWithCustomError(c.callVault, "VenueSpentOtherThanAmountIn")
        .withArgs(venue.target, WETH(1), before, before - WETH(1) + 1n);
      await venue.set(2 /* REENTER */, USDC(3_000));
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[venue.target, WETH(1), bound]]))
        .to.be.revertedWithCustomError(c.callVault, "ReentrancyGuardReentrantCall");
      // paying exactly the minimum is honest enough: the vault books what it measured
      await venue.set(3 /* PAY */, bound);
      await c.callVault.connect(c.keeper).rebalance(true, [[venue.target, WETH(1), bound]]);
      expect(await c.callVault.idleOther()).to.equal(bound);
      expect(await c.weth.allowance(c.callVault.target, venue.target)).to.equal(0n);
      expect(await c.weth.balanceOf(c.callVault.target)).to.equal(WETH(99));
    });

    it("a venue the owner also made keeper cannot re-enter rebalance", async function () {
      const c = await fundedCallVault();
      const venue = await addVenue(c, "REENTER_REBALANCE", USDC(3_000));
      await throughTimelock(c.callVault, "setKeeper", [venue.target]);
      await pushPrice(c, USD(3000));
      await expect(venue.rebalanceThroughMe(c.callVault.target, WETH(1), ceilDiv(USDC(3_000) * 9900n, 10000n)))
        .to.be.revertedWithCustomError(c.callVault, "ReentrancyGuardReentrantCall");
    });

    it("lets only the owner's timelock change the venues, and only to venues of the market", async function () {
      const c = await fundedCallVault();
      const rogue = await ethers.deployContract("MaliciousVenue", [c.weth.target, c.usdc.target]);
      await expect(c.venues.connect(c.owner).setVenue(rogue.target, true))
        .to.be.revertedWithCustomError(c.venues, "TimelockOnly").withArgs(c.owner.address);
      await expect(c.venues.connect(c.keeper).schedule(c.venues.interface.encodeFunctionData("setVenue", [rogue.target, true])))
        .to.be.revertedWithCustomError(c.venues, "OwnableUnauthorizedAccount");
      const wrongMarket = await ethers.deployContract("MaliciousVenue", [c.usdc.target, c.weth.target]);
      await expect(throughTimelock(c.venues, "setVenue", [wrongMarket.target, true]))
        .to.be.revertedWithCustomError(c.venues, "VenueMismatch").withArgs(wrongMarket.target);
      const wrongQuote = await ethers.deployContract("MaliciousVenue", [c.weth.target, c.weth.target]);
      await expect(throughTimelock(c.venues, "setVenue", [wrongQuote.target, true]))
        .to.be.revertedWithCustomError(c.venues, "VenueMismatch");
      // removing a venue takes the same delay, and then the keeper cannot use it
      await expect(throughTimelock(c.venues, "setVenue", [c.uniswap.venue.target, false]))
        .to.emit(c.venues, "VenueSet").withArgs(c.uniswap.venue.target, false);
      await pushPrice(c, USD(3000));
      await expect(c.callVault.connect(c.keeper).rebalance(true, [[c.uniswap.venue.target, WETH(1), ceilDiv(USDC(3_000) * 9900n, 10000n)]]))
        .to.be.revertedWithCustomError(c.callVault, "VenueNotAllowed");
    });

    it("refuses a vault whose registry is of another market, and an adapter without a pool", async function () {
      const c = await loadFixture(deployWithUniswap);
      const other = await ethers.deployContract("TestToken", ["Other", "OTH", 18, c.owner.address]);
      const registry = await ethers.deployContract("VenueRegistry", [c.owner.address, 38 * 86400, other.target, c.usdc.target, []]);
      const params = {
        name: "x", symbol: "x", asset: c.weth.target, options: c.options.target, venues: registry.target,
        oracle: c.oracle.target, volFeed: c.volFeed.target, heartbeat: 86400, volHeartbeat: 86400,
        owner: c.owner.address, timelockDelay: 38 * 86400,
        roles: { keeper: c.keeper.address, guardian: c.owner.address, feeRecipient: c.owner.address, managementFeeBps: 0, performanceFeeBps: 0 },
        limits: c.deployment.parameters.keeperLimits,
      };
      const libraries = { RollChecks: c.rollChecks.target, RequestLib: c.requestLib.target };
      const factory = await ethers.getContractFactory("OptionVault", { libraries });
      await expect(factory.deploy(params)).to.be.revertedWithCustomError(factory, "VenuesNotOfMarket").withArgs(registry.target);
      const wrongQuote = await ethers.deployContract("VenueRegistry", [c.owner.address, 38 * 86400, c.weth.target, other.target, []]);
      await expect(factory.deploy({ ...params, venues: wrongQuote.target })).to.be.revertedWithCustomError(factory, "VenuesNotOfMarket");
      const u = c.uniswap.uni;
      await expect(ethers.deployContract("UniswapV3Venue", [u.router.target, u.quoter.target, u.factory.target, other.target, c.usdc.target, 500]))
        .to.be.revertedWithCustomError(await ethers.getContractFactory("UniswapV3Venue"), "PoolNotFound");
    });
  });
});

/** Lists a MaliciousVenue in `mode`, paying `payout`, through the registry's timelock, and refreshes the oracle. */
async function addVenue(c, mode, payout) {
  const venue = await ethers.deployContract("MaliciousVenue", [c.weth.target, c.usdc.target]);
  await venue.set(["LIE", "SKIM", "REENTER", "PAY", "REENTER_REBALANCE"].indexOf(mode), payout);
  await c.usdc.mint(venue.target, USDC(1_000_000));
  await c.weth.mint(venue.target, WETH(1_000));
  await throughTimelock(c.venues, "setVenue", [venue.target, true]);
  await pushPrice(c, USD(3000));
  return venue;
}
