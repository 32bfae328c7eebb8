// Branches no other test reached (issue 14, measured with solidity-coverage): partial claims and the
// round books' refusals, a close that cannot pay, the auction's edges, the live marks without an
// oracle answer, reentrancy on every guarded entry point, the option market's, pool's, feeds' and
// timelock's refusals, and the Black-Scholes library's input checks and tails. Amounts are checked
// against the model in helpers.js or hand arithmetic in the comments, never against the contracts'
// own views. Attacks by the keeper and the owner that must fail are named as such.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const {
  WETH, USDC, USD, DAY, LIMITS, model, fixtureNoFees, pushPrice, rollParams, atTime, ceilDiv, throughTimelock,
} = require("./helpers");

const DELAY = 38 * DAY;
const WAD = 10n ** 18n;
const mulDivDown = (a, b, d) => (a * b) / d;
const mulDivUp = (a, b, d) => ceilDiv(a * b, d);
// Out of a constant-product pool for `amountIn`, the fee (bps) taken from the input (Uniswap v2).
const poolOut = (amountIn, reserveIn, reserveOut, feeBps = 30n) =>
  (amountIn * (10000n - feeBps) * reserveOut) / (reserveIn * 10000n + amountIn * (10000n - feeBps));
// 18-decimal WETH at an 8-decimal USD price in 6-decimal USDC, and back, rounded down (the spec).
const wethToUsdc = (amount, price) => (amount * price) / 10n ** 20n;
const usdcToWeth = (amount, price) => (amount * 10n ** 20n) / price;
// Slippage bound: the oracle value less maxSlippageBps (100 in LIMITS), rounded up.
const slippageBound = (oracleValue) => ceilDiv(oracleValue * 9900n, 10000n);

/** The keeper's swap of idle funds, in one leg through the fixture's constant-product pool. */
const rebalance = (c, vault, assetToOther, amountIn, minAmountOut) =>
  vault.connect(c.keeper).rebalance(assetToOther, [[c.pool.target, amountIn, minAmountOut]]);

/** An OptionVault on `baseToken` (covered calls) and `feed`, deployed without deploy.js; keeper and
 * guardian may be any address (a contract, for the reentrancy tests). */
async function deployVaultOn(baseToken, feed, { keeper, guardian, asset } = {}) {
  const signers = await ethers.getSigners();
  const [owner, , , , , , , , volUpdater] = signers;
  const usdc = await ethers.deployContract("TestToken", ["USD Coin (test)", "USDC", 6, owner.address]);
  const pool = await ethers.deployContract("ConstantProductPool", [baseToken.target, usdc.target, 30]);
  const venues = await ethers.deployContract("VenueRegistry", [owner.address, DELAY, baseToken.target, usdc.target, [pool.target]]);
  const volFeed = await ethers.deployContract("VolFeed", [owner.address, volUpdater.address, WAD * 8n / 10n, 2500, 3600, DELAY]);
  const rollChecks = await ethers.deployContract("RollChecks");
  const requestLib = await ethers.deployContract("RequestLib");
  const vaultAddress = ethers.getCreateAddress({ from: owner.address, nonce: (await owner.getNonce()) + 1 });
  const options = await ethers.deployContract("Options",
    [baseToken.target, usdc.target, feed.target, owner.address, [vaultAddress], DELAY]);
  const params = {
    name: "gaps", symbol: "GAP", asset: (asset ?? baseToken).target, options: options.target, venues: venues.target,
    oracle: feed.target, volFeed: volFeed.target, heartbeat: DAY, volHeartbeat: DAY, owner: owner.address,
    timelockDelay: DELAY,
    roles: { keeper: keeper ?? signers[1].address, guardian: guardian ?? owner.address, feeRecipient: owner.address,
      managementFeeBps: 0, performanceFeeBps: 0 },
    limits: LIMITS,
  };
  const factory = await ethers.getContractFactory("OptionVault",
    { libraries: { RollChecks: rollChecks.target, RequestLib: requestLib.target } });
  return { usdc, pool, venues, volFeed, options, factory, params, deploy: () => factory.deploy(params) };
}

/** The no-fee fixture with alice's 10 WETH deposited into the call vault (round 1 closed, shares claimed). */
async function fundedCallVault() {
  const c = await fixtureNoFees();
  const { callVault: vault, alice, keeper } = c;
  await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
  await vault.connect(keeper).closeRound(0);
  // the first round price is (0 + 1) / (0 + 1000): 1,000 share units per wei
  await vault.connect(alice)["deposit(uint256,address)"](WETH(10), alice.address);
  return c;
}

describe("coverage gaps: claims and the round books", function () {
  it("deposit, mint, withdraw and redeem of part of a claim convert pro rata, rounding against the claimant", async function () {
    const c = await fundedCallVault();
    const { callVault: vault, weth, keeper, alice, bob } = c;
    const aliceShares = WETH(10) * 1000n;
    expect(await vault.balanceOf(alice.address)).to.equal(aliceShares);

    // Round 2 holds 10 WETH for 10^22 shares; bob asks to deposit 7 WETH, alice to redeem 4 x 10^21.
    await vault.connect(bob).requestDeposit(WETH(7), bob.address, bob.address);
    const redeemShares = WETH(4) * 1000n;
    await vault.connect(alice).requestRedeem(redeemShares, alice.address, alice.address);
    await vault.connect(keeper).closeRound(0);
    const [assets, supply] = [WETH(10), aliceShares];
    expect(await vault.pendingDepositRequest(0, bob.address)).to.equal(0n);

    // ---- bob's deposit claim: 7 WETH for sharesFor(7 WETH) shares ----
    const bobShares = model.sharesFor(WETH(7), assets, supply);
    const v = vault.connect(bob);
    await expect(v["deposit(uint256,address)"](0n, bob.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(v["mint(uint256,address)"](0n, bob.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(v["deposit(uint256,address)"](WETH(7) + 1n, bob.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(WETH(7) + 1n, WETH(7));
    await expect(v["mint(uint256,address)"](bobShares + 1n, bob.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(bobShares + 1n, bobShares);
    // 3 of the 7 WETH: shares rounded down
    const shares1 = mulDivDown(WETH(3), bobShares, WETH(7));
    await expect(v["deposit(uint256,address)"](WETH(3), bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, WETH(3), shares1);
    // a third of the remaining shares: assets rounded up
    const restShares = bobShares - shares1;
    const shares2 = restShares / 3n;
    const assets2 = mulDivUp(shares2, WETH(4), restShares);
    await expect(v["mint(uint256,address)"](shares2, bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, assets2, shares2);
    // the rest, claimed in full, is exactly what is left
    await expect(v["deposit(uint256,address)"](WETH(4) - assets2, bob.address))
      .to.emit(vault, "Deposit").withArgs(bob.address, bob.address, WETH(4) - assets2, restShares - shares2);
    expect(await vault.balanceOf(bob.address)).to.equal(bobShares);
    expect(await vault.maxDeposit(bob.address)).to.equal(0n);

    // ---- alice's redeem claim: 4 x 10^21 shares for assetsFor(them) ----
    const redeemAssets = model.assetsFor(redeemShares, assets, supply);
    const a = vault.connect(alice);
    const before = await weth.balanceOf(alice.address);
    await expect(a.withdraw(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(a.redeem(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(a.withdraw(redeemAssets + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(redeemAssets + 1n, redeemAssets);
    await expect(a.redeem(redeemShares + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsClaimable").withArgs(redeemShares + 1n, redeemShares);
    // a third of the assets: shares burnt rounded up
    const withdrawn = redeemAssets / 3n;
    const burnt1 = mulDivUp(withdrawn, redeemShares, redeemAssets);
    await expect(a.withdraw(withdrawn, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, withdrawn, burnt1);
    // half of the remaining shares: assets rounded down
    const restRedeem = redeemShares - burnt1;
    const restAssets = redeemAssets - withdrawn;
    const burnt2 = restRedeem / 2n;
    const paid2 = mulDivDown(burnt2, restAssets, restRedeem);
    await expect(a.redeem(burnt2, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, paid2, burnt2);
    await expect(a.redeem(restRedeem - burnt2, alice.address, alice.address))
      .to.emit(vault, "Withdraw").withArgs(alice.address, alice.address, alice.address, restAssets - paid2, restRedeem - burnt2);
    expect(await weth.balanceOf(alice.address)).to.equal(before + redeemAssets);
    expect(await vault.reservedForRedeems()).to.equal(0n);
  });

  it("refuses zero amounts, cancelling more than is pending, a stranger's cancel, and fee claims with nothing owed", async function () {
    const c = await fundedCallVault();
    const { callVault: vault, alice, stranger } = c;
    const a = vault.connect(alice);
    await expect(a.requestDeposit(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(a.requestRedeem(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await a.requestDeposit(WETH(2), alice.address, alice.address);
    await expect(a.cancelDepositRequest(0n, alice.address, alice.address)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(a.cancelDepositRequest(WETH(2) + 1n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsPending").withArgs(WETH(2) + 1n, WETH(2));
    await a.requestRedeem(1000n, alice.address, alice.address);
    await expect(vault.connect(stranger).cancelRedeemRequest(1000n, stranger.address, alice.address))
      .to.be.revertedWithCustomError(vault, "NotAuthorized").withArgs(stranger.address, alice.address);
    await expect(a.cancelRedeemRequest(1001n, alice.address, alice.address))
      .to.be.revertedWithCustomError(vault, "ExceedsPending").withArgs(1001n, 1000n);
    await expect(a.cancelRedeemRequest(1000n, alice.address, alice.address))
      .to.emit(vault, "RedeemRequestCancelled").withArgs(alice.address, alice.address, 1000n);
    expect(await vault.balanceOf(alice.address)).to.equal(WETH(10) * 1000n);
    // no fees in this deployment: nothing to claim
    await expect(vault.claimFees()).to.be.revertedWithCustomError(vault, "ZeroAmount");
  });

  it("a keeper who swapped the asset away cannot close a round that owes more than the idle asset", async function () {
    const c = await fundedCallVault();
    const { callVault: vault, pool, keeper, alice } = c;
    // keeper attack: swap half the WETH to USDC, then let every share be redeemed
    const [reserveBase, reserveQuote] = await pool.getReserves();
    const out = poolOut(WETH(5), reserveBase, reserveQuote);
    await rebalance(c, vault, true, WETH(5), slippageBound(wethToUsdc(WETH(5), USD(3000))));
    expect(await vault.idleOther()).to.equal(out);
    const shares = WETH(10) * 1000n;
    await vault.connect(alice).requestRedeem(shares, alice.address, alice.address);
    // the close values the USDC at the oracle: nav = 5 WETH + out x 1e20 / 3000e8, all of it owed
    const nav = WETH(5) + usdcToWeth(out, USD(3000));
    const owed = model.assetsFor(shares, nav, shares);
    await expect(vault.connect(keeper).closeRound(0))
      .to.be.revertedWithCustomError(vault, "InsufficientIdle").withArgs(owed, WETH(5));
    // swapping the USDC back makes the close payable
    const [rb, rq] = await pool.getReserves();
    const back = poolOut(out, rq, rb);
    await rebalance(c, vault, false, out, slippageBound(usdcToWeth(out, USD(3000))));
    await expect(vault.connect(keeper).closeRound(0)).to.emit(vault, "RoundClosed");
    expect(await vault.maxWithdraw(alice.address)).to.equal(model.assetsFor(shares, WETH(5) + back, shares));
  });
});

describe("coverage gaps: the auction's edges", function () {
  it("refuses zero, oversized and late purchases, frees unsold collateral after the auction, and prices it linearly", async function () {
    const c = await fundedCallVault();
    const { callVault: vault, keeper, buyer, owner: guardian } = c;
    await expect(vault.currentPremium()).to.be.revertedWithCustomError(vault, "AuctionNotActive"); // nothing to sell
    const t0 = (await time.latest()) + 10;
    await atTime(t0);
    const p = await rollParams({ size: WETH(6), expiry: t0 + 7 * DAY });
    await vault.connect(keeper).roll(p, 0);
    expect(await vault.currentPremium()).to.equal(p.startPremium); // no time has passed
    await expect(vault.connect(buyer).buyOptions(0n, WETH(1))).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(vault.connect(buyer).buyOptions(WETH(7), WETH(1)))
      .to.be.revertedWithCustomError(vault, "AuctionSizeExceeded").withArgs(WETH(7), WETH(6));

    // 2 of the 6 sell halfway through: idle = 10 - 2 + premium
    await atTime(t0 + 1800);
    const perOption = model.auctionPrice(p.startPremium, p.floorPremium, 1800, 3600);
    expect(perOption).to.equal(WETH("0.015")); // 0.02 - 0.01 x 1800/3600
    const premium = model.premium(WETH(2), perOption);
    // round 1 closed empty, the roll closed round 2 and opened round 3 with series 1
    await expect(vault.connect(buyer).buyOptions(WETH(2), perOption))
      .to.emit(vault, "OptionsSold").withArgs(3, 1, buyer.address, WETH(2), perOption, premium);
    const idle = WETH(8) + premium;
    expect(await vault.idleAsset()).to.equal(idle);

    // keeper attack: swap away the collateral the running auction still needs (4 WETH)
    const available = idle - WETH(4);
    await expect(rebalance(c, vault, true, 0n, 0n)).to.be.revertedWithCustomError(vault, "ZeroAmount");
    await expect(rebalance(c, vault, true, available + 1n, 0n))
      .to.be.revertedWithCustomError(vault, "InsufficientIdle").withArgs(available + 1n, available);

    // the auction ends with 4 unsold: no more sales, no cancel, nothing left to price
    await time.increaseTo(t0 + 3600);
    await expect(vault.currentPremium()).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    await expect(vault.connect(buyer).buyOptions(WETH(1), WETH(1))).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    await expect(vault.connect(guardian).cancelAuction()).to.be.revertedWithCustomError(vault, "AuctionNotActive");
    // the unsold collateral is free again: the whole idle balance may move (and not a wei more)
    await pushPrice(c, USD(3000));
    await expect(rebalance(c, vault, true, idle + 1n, 0n))
      .to.be.revertedWithCustomError(vault, "InsufficientIdle").withArgs(idle + 1n, idle);
    await rebalance(c, vault, true, WETH(5), slippageBound(wethToUsdc(WETH(5), USD(3000))));
    expect(await vault.idleAsset()).to.equal(idle - WETH(5));
  });
});

describe("coverage gaps: roll refusals (keeper attacks)", function () {
  it("refuses an expiry that is already due, a zero strike, and prices no option that has expired", async function () {
    const c = await fundedCallVault();
    const { callVault: vault, keeper } = c;
    const t = (await time.latest()) + 10;
    await atTime(t);
    await expect(vault.connect(keeper).roll(await rollParams({ size: WETH(1), expiry: t }), 0))
      .to.be.revertedWithCustomError(vault, "InvalidExpiry").withArgs(t, t, LIMITS.maxRoundDuration);
    await expect(vault.connect(keeper).roll(await rollParams({ size: WETH(1), strike: 0n }), 0))
      .to.be.revertedWithCustomError(vault, "StrikeOutOfBand").withArgs(0n, USD(3000), LIMITS.strikeBandBps);
    const now = await time.latest();
    await expect(vault.modelPremium(USD(3300), now)).to.be.revertedWithCustomError(vault, "InvalidExpiry").withArgs(now, now, 0);
  });
});

describe("coverage gaps: views without a usable oracle answer", function () {
  /** A covered-call vault on a settable feed (3,000 USD), 10 WETH deposited, nothing live. */
  async function settableVault() {
    const [owner, keeper, alice, buyer] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const feed = await ethers.deployContract("SettableAggregator");
    const t = await time.latest();
    await feed.setRound(1, USD(3000), t, t, 1);
    const vault = await (await deployVaultOn(weth, feed)).deploy();
    for (const user of [alice, buyer]) {
      await weth.mint(user.address, WETH(100));
      await weth.connect(user).approve(vault.target, ethers.MaxUint256);
    }
    await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
    return { vault, feed, keeper, buyer };
  }

  /** The same vault with all 10 of a 3,300 call sold ten minutes into the auction. */
  async function soldOnSettableFeed() {
    const { vault, feed, keeper, buyer } = await settableVault();
    const t0 = (await time.latest()) + 10;
    await atTime(t0);
    const p = await rollParams({ size: WETH(10), expiry: t0 + 7 * DAY });
    await vault.connect(keeper).roll(p, 0);
    await atTime(t0 + 600);
    const perOption = model.auctionPrice(p.startPremium, p.floorPremium, 600, 3600);
    await vault.connect(buyer).buyOptions(WETH(10), perOption);
    return { vault, feed, premium: model.premium(WETH(10), perOption), p };
  }

  it("counts an unsettled series at zero without a positive answer, and at collateral less intrinsic value with one", async function () {
    const { vault, feed, premium, p } = await loadFixture(soldOnSettableFeed);
    const idle = WETH(10) + premium - WETH(10); // all 10 WETH went to the series as collateral
    const t = await time.latest();
    await feed.setRound(2, 0, t, t, 2);
    expect(await vault.totalAssets()).to.equal(idle);
    await feed.setRound(3, -USD(1), t, t, 3);
    expect(await vault.totalAssets()).to.equal(idle);
    // in the money at 3,600: the holders' claim, rounded up, is 10 x (3600 - 3300) / 3600
    await feed.setRound(4, USD(3600), t, t, 4);
    const owed = model.callReserve(WETH(10), USD(3600), p.strike);
    expect(owed).to.equal(ceilDiv(WETH(10) * 300n, 3600n));
    expect(await vault.totalAssets()).to.equal(idle + WETH(10) - owed);
  });

  it("refuses an answer stamped in the future as stale", async function () {
    const { vault, feed, keeper } = await loadFixture(settableVault);
    const t = await time.latest();
    await feed.setRound(5, USD(3000), t + 100, t + 100, 5);
    const next = t + 2;
    await atTime(next);
    await expect(vault.connect(keeper).closeRound(0)).to.be.revertedWithCustomError(vault, "OracleStaleAnswer").withArgs(t + 100, DAY, next);
  });
});

describe("coverage gaps: deployment refusals", function () {
  // A venue registry of another market (VenuesNotOfMarket) is refused in venues.test.js.
  it("refuses a vault asset outside the option market", async function () {
    const [owner] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const other = await ethers.deployContract("TestToken", ["OTHER", "OTH", 18, owner.address]);
    const feed = await ethers.deployContract("PushPriceOracle", [8, "WETH / USD", owner.address, owner.address, USD(3000), DELAY]);
    const d = await deployVaultOn(weth, feed, { asset: other });
    await expect(d.deploy()).to.be.revertedWithCustomError(d.factory, "AssetNotInMarket").withArgs(other.target);
  });
});

describe("coverage gaps: reentrancy on every guarded entry point", function () {
  // The vault's asset calls back into a target from inside every transfer; the token is also the
  // vault's keeper, so keeper-only entry points get past their role check and meet the guard.
  async function reentrantVault() {
    const [owner, , alice] = await ethers.getSigners();
    const token = await ethers.deployContract("ReentrantToken");
    const feed = await ethers.deployContract("PushPriceOracle", [8, "RE / USD", owner.address, owner.address, USD(3000), DELAY]);
    const d = await deployVaultOn(token, feed, { keeper: token.target });
    const vault = await d.deploy();
    await token.mint(alice.address, WETH(10));
    await token.connect(alice).approve(vault.target, ethers.MaxUint256);
    // a claimable deposit and a claimable redeem to aim at
    await vault.connect(alice).requestDeposit(WETH(4), alice.address, alice.address);
    await vault.connect(alice).closeRound(0); // nothing is live: anyone may close
    await vault.connect(alice)["deposit(uint256,address)"](WETH(2), alice.address);
    await vault.connect(alice).requestRedeem(1000n, alice.address, alice.address);
    await vault.connect(alice).closeRound(0);
    return { token, vault, alice, pool: d.pool };
  }

  it("refuses a re-entered call of each of them, whoever the caller", async function () {
    const { token, vault, alice, pool } = await loadFixture(reentrantVault);
    const params = await rollParams({ size: WETH(1) });
    const i = vault.interface;
    const a = alice.address;
    const calls = [
      i.encodeFunctionData("requestDeposit", [1n, a, a]),
      i.encodeFunctionData("requestRedeem", [1n, a, a]),
      i.encodeFunctionData("cancelDepositRequest", [1n, a, a]),
      i.encodeFunctionData("cancelRedeemRequest", [1n, a, a]),
      i.encodeFunctionData("deposit(uint256,address,address)", [1n, a, a]),
      i.encodeFunctionData("mint(uint256,address,address)", [1n, a, a]),
      i.encodeFunctionData("withdraw", [1n, a, a]),
      i.encodeFunctionData("redeem", [1n, a, a]),
      i.encodeFunctionData("claimFees", []),
      i.encodeFunctionData("closeRound", [0]),
      i.encodeFunctionData("roll", [params, 0]),
      i.encodeFunctionData("rebalance", [true, [[pool.target, 1n, 0n]]]),
      i.encodeFunctionData("buyOptions", [1n, 1n]),
    ];
    const pendingBefore = await vault.pendingDepositAssets();
    for (const data of calls) {
      await token.arm(vault.target, data);
      await expect(vault.connect(alice).requestDeposit(1n, a, a), i.parseTransaction({ data }).name)
        .to.be.revertedWithCustomError(vault, "ReentrancyGuardReentrantCall");
    }
    expect(await vault.pendingDepositAssets()).to.equal(pendingBefore);
    // disarmed, the same entry points work: the guard, not something else, refused them
    await token.arm(ethers.ZeroAddress, "0x");
    await expect(vault.connect(alice).requestDeposit(1n, a, a)).to.emit(vault, "DepositRequest");
    await expect(vault.connect(alice).redeem(1000n, a, a)).to.emit(vault, "Withdraw");
  });
});

describe("coverage gaps: the option market", function () {
  /** Options on WETH/USDC with an EOA writer and a settable feed, so each refusal can be reached directly. */
  async function market() {
    const [owner, writer, holder] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const usdc = await ethers.deployContract("TestToken", ["USDC", "USDC", 6, owner.address]);
    const feed = await ethers.deployContract("SettableAggregator");
    const options = await ethers.deployContract("Options",
      [weth.target, usdc.target, feed.target, owner.address, [writer.address], DELAY]);
    await weth.mint(writer.address, WETH(100));
    await usdc.mint(writer.address, USDC(1_000_000));
    await weth.connect(writer).approve(options.target, ethers.MaxUint256);
    await usdc.connect(writer).approve(options.target, ethers.MaxUint256);
    return { owner, writer, holder, weth, usdc, feed, options };
  }

  it("refuses an oracle without 8 decimals", async function () {
    const [owner] = await ethers.getSigners();
    const weth = await ethers.deployContract("TestToken", ["WETH", "WETH", 18, owner.address]);
    const feed6 = await ethers.deployContract("PushPriceOracle", [6, "WETH / USD", owner.address, owner.address, 3000n * 10n ** 6n, DELAY]);
    const factory = await ethers.getContractFactory("Options");
    await expect(factory.deploy(weth.target, weth.target, feed6.target, owner.address, [], DELAY))
      .to.be.revertedWithCustomError(factory, "OracleDecimalsMismatch").withArgs(6);
  });

  it("refuses series with a zero or oversized strike or an expiry now or beyond 64 bits, and names the collateral token", async function () {
    const { writer, weth, usdc, options } = await loadFixture(market);
    const w = options.connect(writer);
    const t = (await time.latest()) + 10;
    const later = t + DAY;
    const max128 = 2n ** 128n - 1n;
    const max64 = 2n ** 64n - 1n;
    await expect(w.createSeries(true, 0n, later)).to.be.revertedWithCustomError(options, "InvalidSeries").withArgs(0n, later);
    await expect(w.createSeries(true, max128 + 1n, later))
      .to.be.revertedWithCustomError(options, "InvalidSeries").withArgs(max128 + 1n, later);
    await expect(w.createSeries(true, USD(3000), max64 + 1n))
      .to.be.revertedWithCustomError(options, "InvalidSeries").withArgs(USD(3000), max64 + 1n);
    await atTime(t);
    await expect(w.createSeries(true, USD(3000), t)).to.be.revertedWithCustomError(options, "InvalidSeries").withArgs(USD(3000), t);
    // the largest strike and expiry that fit are accepted
    await w.createSeries(true, max128, max64);
    await w.createSeries(false, USD(3000), later);
    expect(await options.collateralToken(1)).to.equal(weth.target);
    expect(await options.collateralToken(2)).to.equal(usdc.target);
    await expect(options.collateralToken(3)).to.be.revertedWithCustomError(options, "UnknownSeries").withArgs(3);
  });

  it("settles only at a complete positive answer, refuses empty claims, and returns nothing when the holders are owed it all", async function () {
    const { writer, holder, usdc, feed, options } = await loadFixture(market);
    const t = await time.latest();
    const expiry = t + DAY;
    await options.connect(writer).createSeries(false, USD(3000), expiry);
    // a put locks K x size: 3000e8 x 1e18 / 1e20 = 3,000 USDC
    await expect(options.connect(writer).write(1, holder.address, WETH(1)))
      .to.emit(options, "OptionsWritten").withArgs(1, holder.address, WETH(1), USDC(3000));
    await feed.setRound(1, USD(3000), t, t, 1);
    await time.increaseTo(expiry);
    // round 2 after expiry, but answered in round 1: incomplete
    await feed.setRound(2, USD(2000), expiry, expiry, 1);
    await expect(options.settle(1, 2)).to.be.revertedWithCustomError(options, "PriceBeforeExpiry").withArgs(expiry, expiry);
    await feed.setRound(2, 0n, expiry, expiry, 2);
    await expect(options.settle(1, 2)).to.be.revertedWithCustomError(options, "NonPositiveSettlementPrice").withArgs(0n);
    // settled at 1e-8 USD the put owes K - S: ceil(1e18 x (3000e8 - 1) / 1e20) = ceil(2,999,999,999.99) = all 3,000 USDC
    await feed.setRound(2, 1n, expiry, expiry, 2);
    const reserve = ceilDiv(WETH(1) * (USD(3000) - 1n), 10n ** 20n);
    expect(reserve).to.equal(USDC(3000));
    await expect(options.settle(1, 2)).to.emit(options, "SeriesSettled").withArgs(1, 1n, reserve, 2);
    const writerBefore = await usdc.balanceOf(writer.address);
    await expect(options.connect(writer).reclaimCollateral(1))
      .to.emit(options, "CollateralReclaimed").withArgs(1, writer.address, 0n);
    expect(await usdc.balanceOf(writer.address)).to.equal(writerBefore);
    await expect(options.connect(holder).claim(1, 0n, holder.address)).to.be.revertedWithCustomError(options, "ZeroSize");
    // the holder gets the payout rounded down: 2,999.999999 USDC; the last wei stays as the reserve's rounding
    const payout = (WETH(1) * (USD(3000) - 1n)) / 10n ** 20n;
    await expect(options.connect(holder).claim(1, WETH(1), holder.address))
      .to.emit(options, "OptionsClaimed").withArgs(1, holder.address, holder.address, WETH(1), payout);
    expect(await usdc.balanceOf(options.target)).to.equal(USDC(3000) - payout);
    expect(USDC(3000) - payout).to.equal(1n);
  });

  it("pays nothing for an option that expired out of the money, burns it, and returns the writer all the collateral", async function () {
    const { writer, holder, weth, feed, options } = await loadFixture(market);
    const t = await time.latest();
    const expiry = t + DAY;
    await options.connect(writer).createSeries(true, USD(3300), expiry);
    // a call locks the size in base: 2 WETH
    await expect(options.connect(writer).write(1, holder.address, WETH(2)))
      .to.emit(options, "OptionsWritten").withArgs(1, holder.address, WETH(2), WETH(2));
    await time.increaseTo(expiry);
    // settled at 3,299.99999999 USD, one unit under the strike: max(S - K, 0) = 0, nothing reserved
    await feed.setRound(1, USD(3300) - 1n, expiry, expiry, 1);
    await expect(options.settle(1, 1)).to.emit(options, "SeriesSettled").withArgs(1, USD(3300) - 1n, 0n, 1);
    const holderBefore = await weth.balanceOf(holder.address);
    await expect(options.connect(holder).claim(1, WETH(2), holder.address))
      .to.emit(options, "OptionsClaimed").withArgs(1, holder.address, holder.address, WETH(2), 0n);
    expect(await weth.balanceOf(holder.address)).to.equal(holderBefore);
    expect(await options.balanceOf(holder.address, 1)).to.equal(0n);
    await expect(options.connect(writer).reclaimCollateral(1))
      .to.emit(options, "CollateralReclaimed").withArgs(1, writer.address, WETH(2));
    expect(await weth.balanceOf(options.target)).to.equal(0n);
  });

  it("refuses re-entered writes, claims and reclaims from a token hook", async function () {
    const [owner, writer] = await ethers.getSigners();
    const token = await ethers.deployContract("ReentrantToken");
    const usdc = await ethers.deployContract("TestToken", ["USDC", "USDC", 6, owner.address]);
    const feed = await ethers.deployContract("PushPriceOracle", [8, "RE / USD", owner.address, owner.address, USD(3000), DELAY]);
    const options = await ethers.deployContract("Options", [token.target, usdc.target, feed.target, owner.address, [writer.address], DELAY]);
    await token.mint(writer.address, WETH(10));
    await token.connect(writer).approve(options.target, ethers.MaxUint256);
    await options.connect(writer).createSeries(true, USD(3300), (await time.latest()) + DAY);
    const i = options.interface;
    for (const data of [
      i.encodeFunctionData("write", [1, writer.address, 1n]),
      i.encodeFunctionData("claim", [1, 1n, writer.address]),
      i.encodeFunctionData("reclaimCollateral", [1]),
    ]) {
      await token.arm(options.target, data);
      await expect(options.connect(writer).write(1, writer.address, WETH(1)))
        .to.be.revertedWithCustomError(options, "ReentrancyGuardReentrantCall");
    }
    await token.arm(ethers.ZeroAddress, "0x");
    await expect(options.connect(writer).write(1, writer.address, WETH(1))).to.emit(options, "OptionsWritten");
  });
});

describe("coverage gaps: the constant-product pool", function () {
  /** A pool of two 18-decimal tokens seeded with 100 base and 400 quote: sqrt(100e18 x 400e18) = 200e18 shares. */
  async function seeded(baseToken) {
    const [owner, lp] = await ethers.getSigners();
    const base = baseToken ?? (await ethers.deployContract("TestToken", ["BASE", "B", 18, owner.address]));
    const quote = await ethers.deployContract("TestToken", ["QUOTE", "Q", 18, owner.address]);
    const pool = await ethers.deployContract("ConstantProductPool", [base.target, quote.target, 30]);
    for (const t of [base, quote]) {
      await t.mint(lp.address, WAD * 10_000n);
      await t.connect(lp).approve(pool.target, ethers.MaxUint256);
    }
    const deadline = (await time.latest()) + 3600;
    await pool.connect(lp).addLiquidity(WAD * 100n, WAD * 400n, 0, lp.address, deadline);
    return { lp, base, quote, pool, deadline };
  }

  it("refuses a fee of 100 %, zero amounts, swaps that pay nothing, dust deposits, late deposits and short withdrawals", async function () {
    const [owner] = await ethers.getSigners();
    const factory = await ethers.getContractFactory("ConstantProductPool");
    await expect(factory.deploy(owner.address, ethers.Wallet.createRandom().address, 10000))
      .to.be.revertedWithCustomError(factory, "FeeTooHigh").withArgs(10000);

    const { lp, base, quote, pool, deadline } = await seeded();
    const p = pool.connect(lp);
    const to = lp.address;
    expect(await pool.balanceOf(to)).to.equal(WAD * 200n - 1000n);
    await expect(p.swapExactIn(base.target, 0n, 0n, to, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    // 1 wei of quote buys 9970 x 100e18 / (400e18 x 1e4 + 9970) = 0.249... -> 0 base
    expect(poolOut(1n, WAD * 400n, WAD * 100n)).to.equal(0n);
    await expect(p.swapExactIn(quote.target, 1n, 0n, to, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(0n, 0n);
    await expect(p.addLiquidity(0n, WAD, 0n, to, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    await expect(p.addLiquidity(WAD, 0n, 0n, to, deadline)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    // 1 wei each: min(1 x 200e18 / 100e18, 1 x 200e18 / 400e18) = min(2, 0) = 0 shares
    await expect(p.addLiquidity(1n, 1n, 0n, to, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientLiquidityMinted").withArgs(0n, 0n);
    const late = (await time.latest()) + 10;
    await atTime(late);
    await expect(p.addLiquidity(WAD, WAD, 0n, to, late - 1))
      .to.be.revertedWithCustomError(pool, "Expired").withArgs(late - 1, late);
    const d2 = late + 3600;
    await expect(p.removeLiquidity(0n, 0n, 0n, to, d2)).to.be.revertedWithCustomError(pool, "ZeroAmount");
    // 1e18 of 200e18 shares: 0.5 base and 2 quote
    await expect(p.removeLiquidity(WAD, WAD / 2n + 1n, 0n, to, d2))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(WAD / 2n, WAD / 2n + 1n);
    await expect(p.removeLiquidity(WAD, 0n, 2n * WAD + 1n, to, d2))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(2n * WAD, 2n * WAD + 1n);
    await expect(p.removeLiquidity(WAD, WAD / 2n, 2n * WAD, to, d2))
      .to.emit(pool, "LiquidityRemoved").withArgs(to, to, WAD / 2n, 2n * WAD, WAD);
  });

  it("refuses re-entered swaps, deposits and withdrawals from a token hook", async function () {
    const token = await ethers.deployContract("ReentrantToken");
    const { lp, pool, deadline } = await seeded(token);
    const i = pool.interface;
    for (const data of [
      i.encodeFunctionData("swapExactIn", [token.target, WAD, 0n, lp.address, deadline]),
      i.encodeFunctionData("addLiquidity", [WAD, WAD, 0n, lp.address, deadline]),
      i.encodeFunctionData("removeLiquidity", [WAD, 0n, 0n, lp.address, deadline]),
    ]) {
      await token.arm(pool.target, data);
      await expect(pool.connect(lp).swapExactIn(token.target, WAD, 0n, lp.address, deadline))
        .to.be.revertedWithCustomError(pool, "ReentrancyGuardReentrantCall");
    }
    await token.arm(ethers.ZeroAddress, "0x");
    await expect(pool.connect(lp).swapExactIn(token.target, WAD, 0n, lp.address, deadline))
      .to.emit(pool, "Swap").withArgs(lp.address, lp.address, token.target, WAD, poolOut(WAD, WAD * 100n, WAD * 400n));
  });
});

describe("coverage gaps: feeds and the timelock (owner attacks)", function () {
  it("the push oracle takes a new updater only through the timelock and refuses answers beyond int192", async function () {
    const [owner, oldUpdater, newUpdater] = await ethers.getSigners();
    const oracle = await ethers.deployContract("PushPriceOracle", [8, "X / USD", owner.address, oldUpdater.address, USD(1), DELAY]);
    const max192 = 2n ** 191n - 1n;
    await expect(oracle.connect(oldUpdater).pushPrice(max192 + 1n))
      .to.be.revertedWithCustomError(oracle, "AnswerOutOfRange").withArgs(max192 + 1n);
    await oracle.connect(oldUpdater).pushPrice(max192);
    await expect(throughTimelock(oracle, "setUpdater", [newUpdater.address]))
      .to.emit(oracle, "UpdaterSet").withArgs(newUpdater.address);
    await expect(oracle.connect(oldUpdater).pushPrice(USD(2))).to.be.revertedWithCustomError(oracle, "NotUpdater");
    await oracle.connect(newUpdater).pushPrice(USD(2));
    expect((await oracle.latestRoundData())[1]).to.equal(USD(2));
  });

  it("the vol feed refuses bad bounds and vols at deployment, vols above its range, and a zero updater", async function () {
    const [owner, updater, newUpdater] = await ethers.getSigners();
    const factory = await ethers.getContractFactory("VolFeed");
    const vol = WAD / 2n;
    for (const [maxChange, interval] of [[0, 3600], [5001, 3600], [2500, 599]]) {
      await expect(factory.deploy(owner.address, updater.address, vol, maxChange, interval, DELAY))
        .to.be.revertedWithCustomError(factory, "VolFeedInvalidBounds").withArgs(maxChange, interval);
    }
    const [minVol, maxVol] = [WAD / 100n, 5n * WAD];
    for (const bad of [minVol - 1n, maxVol + 1n]) {
      await expect(factory.deploy(owner.address, updater.address, bad, 2500, 3600, DELAY))
        .to.be.revertedWithCustomError(factory, "VolOutOfRange").withArgs(bad, minVol, maxVol);
    }
    await expect(factory.deploy(owner.address, ethers.ZeroAddress, vol, 2500, 3600, DELAY))
      .to.be.revertedWithCustomError(factory, "NotVolUpdater").withArgs(ethers.ZeroAddress);
    // the bounds' edges are accepted
    await factory.deploy(owner.address, updater.address, minVol, 5000, 600, DELAY);
    const feed = await factory.deploy(owner.address, updater.address, maxVol, 1, 600, DELAY);
    await expect(feed.connect(updater).pushVol(maxVol + 1n))
      .to.be.revertedWithCustomError(feed, "VolOutOfRange").withArgs(maxVol + 1n, minVol, maxVol);
    await expect(throughTimelock(feed, "setUpdater", [ethers.ZeroAddress]))
      .to.be.revertedWithCustomError(feed, "NotVolUpdater").withArgs(ethers.ZeroAddress);
    await expect(throughTimelock(feed, "setUpdater", [newUpdater.address]))
      .to.emit(feed, "VolUpdaterSet").withArgs(newUpdater.address);
    await expect(feed.connect(updater).pushVol(maxVol)).to.be.revertedWithCustomError(feed, "NotVolUpdater");
    await expect(feed.connect(newUpdater).pushVol(maxVol)).to.emit(feed, "VolUpdated");
  });

  it("the timelock refuses a call scheduled twice, and a cancelled or never scheduled call", async function () {
    const c = await fixtureNoFees();
    const { callVault: vault, owner, stranger } = c;
    const data = vault.interface.encodeFunctionData("setKeeper", [stranger.address]);
    const id = ethers.keccak256(data);
    await vault.connect(owner).schedule(data);
    await expect(vault.connect(owner).schedule(data)).to.be.revertedWithCustomError(vault, "CallAlreadyScheduled").withArgs(id);
    await expect(vault.connect(owner).cancel(data)).to.emit(vault, "CallCancelled").withArgs(id);
    expect(await vault.readyAt(id)).to.equal(0n);
    await time.increase(DELAY);
    await expect(vault.connect(owner).execute(data)).to.be.revertedWithCustomError(vault, "CallNotScheduled").withArgs(id);
    await expect(vault.connect(owner).cancel(data)).to.be.revertedWithCustomError(vault, "CallNotScheduled").withArgs(id);
    expect(await vault.keeper()).to.equal(c.keeper.address);
  });
});

describe("coverage gaps: the Black-Scholes library's inputs and tails", function () {
  it("refuses each out-of-range input, and prices options 1,300 standard deviations out exactly", async function () {
    const bs = await ethers.deployContract("BlackScholesHarness");
    const [S, K, T, V] = [3000n * WAD, 3000n * WAD, WAD, WAD];
    const big = 10n ** 36n + 1n; // MAX_PRICE + 1
    const tooLong = 10n * WAD + 1n; // MAX_TIME + 1
    for (const [s, k, t, v] of [[0n, K, T, V], [S, 0n, T, V], [S, K, 0n, V], [S, K, T, 0n],
      [big, K, T, V], [S, big, T, V], [S, K, tooLong, V], [S, K, T, tooLong]]) {
      await expect(bs.greeks(true, s, k, t, v)).to.be.revertedWithCustomError(bs, "BlackScholesInvalidInput").withArgs(s, k, t, v);
    }
    // vol x sqrt(T) rounds to 0: 1 x sqrt(1e-18 years) = 1 x 1e9 / 1e18
    await expect(bs.greeks(true, S, K, 1n, 1n)).to.be.revertedWithCustomError(bs, "BlackScholesInvalidInput").withArgs(S, K, 1n, 1n);
    // one day at 1 % vol: sd = 0.01 / sqrt(365) = 5.2e-4, so ln 2 / sd = 1,325 standard deviations
    const day = WAD / 365n;
    const vol = WAD / 100n;
    // call far in the money: worth S - K, delta 1, vega 0; the put there: 0, 0, 0
    expect([...(await bs.greeks(true, 2n * K, K, day, vol))]).to.deep.equal([K, WAD, 0n]);
    expect([...(await bs.greeks(false, 2n * K, K, day, vol))]).to.deep.equal([0n, 0n, 0n]);
    // put far in the money: worth K - S, delta -1; the call there: 0
    expect([...(await bs.greeks(false, K / 2n, K, day, vol))]).to.deep.equal([K / 2n, -WAD, 0n]);
    expect([...(await bs.greeks(true, K / 2n, K, day, vol))]).to.deep.equal([0n, 0n, 0n]);
  });
});
