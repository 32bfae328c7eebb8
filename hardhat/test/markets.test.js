// Several markets from one configuration (hardhat/scripts/deploy.js): WETH/USDC and WBTC/USDC with an
// 8-decimal WBTC, existing tokens and an existing Chainlink-style feed, and the configuration errors.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const path = require("path");
const { deployMarkets, readConfig, VENUE_KINDS } = require("../scripts/deploy");
const { DAY, LIMITS } = require("./helpers");
const { deployUniswapV3 } = require("../scripts/lib/uniswap");

const WBTC = (x) => ethers.parseUnits(String(x), 8);
const USDC = (x) => ethers.parseUnits(String(x), 6);
const USD = (x) => ethers.parseUnits(String(x), 8);

const testMarket = (name, base, decimals, price, extra = {}) => ({
  name,
  base: { symbol: base, decimals },
  quote: { symbol: "USDC", decimals: 6 },
  oracle: { kind: "push", initialPrice: price },
  volFeed: { initialVol: "0.8" },
  venues: [{ kind: "constant-product", baseLiquidity: "10" }],
  vaults: ["covered-call", "cash-secured-put"],
  ...extra,
});

async function twoMarkets(limits = LIMITS) {
  const signers = await ethers.getSigners();
  const roles = { keeper: signers[1].address, oracleUpdater: signers[7].address, volUpdater: signers[8].address };
  const d = await deployMarkets({
    roles, limits, managementFeeBps: 0, performanceFeeBps: 0,
    markets: [testMarket("WETH/USDC", "WETH", 18, "3000"), testMarket("WBTC/USDC", "WBTC", 8, "60000")],
  });
  return { ...d, owner: signers[0], keeper: signers[1], alice: signers[2], buyer: signers[5] };
}

/** Alice deposits `amount` of `token` into `vault` and the keeper closes the first round: the vault holds it. */
async function funded(d, vault, token, amount) {
  await token.mint(d.alice.address, amount);
  await token.connect(d.alice).approve(vault.target, ethers.MaxUint256);
  await vault.connect(d.alice).requestDeposit(amount, d.alice.address, d.alice.address);
  await vault.connect(d.keeper).closeRound(0);
}

/** `buyer` buys `size` options at up to `maxPremium` each; returns what it paid in `token`. */
async function bought(d, vault, token, size, maxPremium) {
  await token.mint(d.buyer.address, maxPremium * 2n);
  await token.connect(d.buyer).approve(vault.target, ethers.MaxUint256);
  const before = await token.balanceOf(d.buyer.address);
  await vault.connect(d.buyer).buyOptions(size, maxPremium);
  return before - (await token.balanceOf(d.buyer.address));
}

/**
 * Alice's 2 WBTC in the first market's call vault (WBTC at 60,000), then the keeper sells 0.01 WBTC (1e6 units,
 * 600 USDC at the oracle) through `venue` at the venue's own quote: the 0.3 % fee and 0.1 % impact of a 10 WBTC
 * pool are inside the vault's 1 % bound. Returns the vault and what the venue paid.
 */
async function sellsThrough(d, venue, keeper, alice) {
  const vault = d.markets[0].vaults["covered-call"];
  const wbtc = d.markets[0].base.contract;
  await wbtc.mint(alice.address, WBTC(2));
  await wbtc.connect(alice).approve(vault.target, ethers.MaxUint256);
  await vault.connect(alice).requestDeposit(WBTC(2), alice.address, alice.address);
  await vault.connect(keeper).closeRound(0);
  const small = WBTC("0.01");
  const smallOut = await venue.getAmountOut.staticCall(wbtc.target, small);
  await expect(vault.connect(keeper).rebalance(true, [[venue.target, small, smallOut]]))
    .to.emit(vault, "Rebalanced").withArgs(true, venue.target, small, smallOut, smallOut, USD(60_000));
  return { vault, smallOut };
}

/** Vega of one option per 1.00 of vol, as a fraction of the spot: sqrt(T) n(d1) (Hull, ch. 19), zero rate. */
function vegaOverSpot(spot, strike, vol, years) {
  const d1 = (Math.log(spot / strike) + 0.5 * vol * vol * years) / (vol * Math.sqrt(years));
  return (Math.sqrt(years) * Math.exp(-0.5 * d1 * d1)) / Math.sqrt(2 * Math.PI);
}

describe("markets from a deployment configuration", function () {
  it("deploys WETH/USDC and WBTC/USDC side by side and lists every vault with its token units", async function () {
    const d = await twoMarkets();
    const [eth, btc] = d.deployment.markets;
    expect(d.deployment.format).to.equal(2);
    expect([eth.name, btc.name]).to.deep.equal(["WETH/USDC", "WBTC/USDC"]);
    expect([eth.base.decimals, btc.base.decimals, btc.quote.decimals]).to.deep.equal([18, 8, 6]);
    expect(btc.vaults.map((v) => v.kind)).to.deep.equal(["covered-call", "cash-secured-put"]);
    // shares carry three decimals more than the asset (ShareMath's offset)
    expect(btc.vaults.map((v) => v.decimals)).to.deep.equal([11, 9]);
    expect(btc.vaults[0].asset).to.equal(btc.base.address);
    expect(btc.vaults[1].asset).to.equal(btc.quote.address);
    // each market has its own tokens, oracle, vol feed, venue and options market
    for (const key of ["options"]) expect(eth[key]).to.not.equal(btc[key]);
    expect(eth.oracle.address).to.not.equal(btc.oracle.address);
    // the venue is seeded at the oracle price: 10 WBTC against 600,000 USDC
    expect(btc.venues[0]).to.include({ kind: "constant-product", baseLiquidity: WBTC(10).toString(),
      quoteLiquidity: USDC(600_000).toString(), feeBps: 30 });
    const btcVault = d.markets[1].vaults["covered-call"];
    // each market's vaults swap through its own registry, which lists its own venue only
    expect(await btcVault.venues()).to.equal(btc.venueRegistry);
    expect(eth.venueRegistry).to.not.equal(btc.venueRegistry);
    const btcRegistry = await ethers.getContractAt("VenueRegistry", btc.venueRegistry);
    expect(await btcRegistry.isVenue(btc.venues[0].address)).to.equal(true);
    expect(await btcRegistry.isVenue(eth.venues[0].address)).to.equal(false);
    expect([await btcRegistry.base(), await btcRegistry.quote()]).to.deep.equal([btc.base.address, btc.quote.address]);
    expect(await btcVault.oracle()).to.equal(btc.oracle.address);
    // one KeeperLog for the whole deployment
    expect(await ethers.provider.getCode(d.deployment.keeperLog)).to.not.equal("0x");
    expect(Object.keys(VENUE_KINDS)).to.deep.equal(["constant-product", "uniswap-v3"]);
  });

  it("sells one WBTC option (1e8 units) for the premium per option, and counts its vega per whole option", async function () {
    const d = await twoMarkets();
    const m = d.markets[1];
    const vault = m.vaults["covered-call"];
    const wbtc = m.base.contract;
    await funded(d, vault, wbtc, WBTC(10));
    const expiry = (await time.latest()) + 7 * DAY;
    const strike = USD(66_000);
    const [model] = await vault.modelPremium(strike, expiry);
    // a 10 % OTM 7-day call at 80 % vol is worth about 1 % of spot: between 0.001 and 0.05 WBTC
    expect(model).to.be.greaterThan(WBTC("0.001")).and.lessThan(WBTC("0.05"));
    const rollAt = (await time.latest()) + 1;
    await time.setNextBlockTimestamp(rollAt);
    const tx = await vault.connect(d.keeper).roll({ strike, expiry, size: WBTC(10), startPremium: model,
      floorPremium: model, auctionDuration: 3600 }, 0);
    const risk = (await tx.wait()).logs.map((l) => vault.interface.parseLog(l)).find((e) => e?.name === "RoundRisk");
    const expected = 10 * 1e8 * vegaOverSpot(60_000, 66_000, 0.8, (expiry - rollAt) / (365 * DAY));
    expect(Number(risk.args.vaultVega) / expected).to.be.closeTo(1, 1e-6);

    // one whole option costs the premium per option; half an option half of it, rounded up
    expect(await bought(d, vault, wbtc, WBTC(1), model)).to.equal(model);
    const put = m.vaults["cash-secured-put"];
    const usdc = m.quote.contract;
    await funded(d, put, usdc, USDC(540_000));
    const putExpiry = (await time.latest()) + 7 * DAY;
    const [putModel] = await put.modelPremium(USD(54_000), putExpiry);
    await put.connect(d.keeper).roll({ strike: USD(54_000), expiry: putExpiry, size: WBTC(10), startPremium: putModel,
      floorPremium: putModel, auctionDuration: 3600 }, 0);
    // 10 puts struck at 54,000 lock all 540,000 USDC
    expect((await put.liveRound()).remainingSize).to.equal(WBTC(10));
    expect(await bought(d, put, usdc, WBTC("0.5"), putModel)).to.equal((putModel + 1n) / 2n);
  });

  it("holds a WBTC vault's vega to its share of NAV per whole option", async function () {
    const d = await twoMarkets({ ...LIMITS, maxVegaBps: 100 });
    const vault = d.markets[1].vaults["covered-call"];
    await funded(d, vault, d.markets[1].base.contract, WBTC(10));
    const expiry = (await time.latest()) + 7 * DAY;
    const [model] = await vault.modelPremium(USD(66_000), expiry);
    // 10 options' vega is about 5 % of a 10 WBTC NAV (sqrt(7/365) n(d1) ~ 0.054 per option): over 1 %
    await expect(vault.connect(d.keeper).roll({ strike: USD(66_000), expiry, size: WBTC(10), startPremium: model,
      floorPremium: model, auctionDuration: 3600 }, 0)).to.be.revertedWithCustomError(vault, "VegaLimitExceeded");
  });

  it("deploys a Uniswap v3 venue for an 8-decimal base at the oracle price, and routes a vault's swap through it", async function () {
    const signers = await ethers.getSigners();
    const d = await deployMarkets({
      roles: { keeper: signers[1].address, oracleUpdater: signers[7].address, volUpdater: signers[8].address },
      limits: LIMITS, managementFeeBps: 0, performanceFeeBps: 0,
      markets: [testMarket("WBTC/USDC", "WBTC", 8, "60000", {
        venues: [{ kind: "constant-product", baseLiquidity: "10" }, { kind: "uniswap-v3", fee: 3000, baseLiquidity: "10" }],
      })],
    });
    const [record] = d.deployment.markets;
    const uni = record.venues[1];
    expect(uni).to.include({ kind: "uniswap-v3", fee: 3000, feeBps: 30, baseLiquidity: WBTC(10).toString(),
      quoteLiquidity: USDC(600_000).toString(), rangeBps: null });
    const registry = await ethers.getContractAt("VenueRegistry", record.venueRegistry);
    expect(await registry.isVenue(uni.address)).to.equal(true);
    const venue = await ethers.getContractAt("UniswapV3Venue", uni.address);
    // 60,000 USDC per WBTC is 6e10 raw USDC per 1e8 raw WBTC = 600 raw per raw: sqrt(600) x 2^96 (or its
    // inverse when USDC is token0), whichever token order the addresses give
    const [sqrtPriceX96, , , baseIsToken0] = await venue.poolState();
    const price = Number(sqrtPriceX96) / 2 ** 96;
    expect(baseIsToken0 ? price * price : 1 / (price * price)).to.be.closeTo(600, 1e-9);
    // one WBTC in pays about 60,000 USDC less the 0.3 % fee and the impact of 1 in 10 WBTC deep:
    // full range x y = k on 10 WBTC x 600,000 USDC gives 600,000 x 1 x 0.997 / (10 + 0.997) = 54,396.65 USDC
    const out = await venue.getAmountOut.staticCall(record.base.address, WBTC(1));
    expect(Number(out) / 1e6).to.be.closeTo(54_396.65, 5);
    const [, keeper, alice] = signers;
    const { vault, smallOut } = await sellsThrough(d, venue, keeper, alice);
    expect(await vault.idleOther()).to.equal(smallOut);
  });

  it("puts a Uniswap v3 venue on an existing Uniswap (deployed once before), deploying only what is left out", async function () {
    const signers = await ethers.getSigners();
    const [owner, keeper, alice] = signers;
    const uni = await deployUniswapV3(owner, ethers.ZeroAddress);
    const existing = { factory: uni.factory.target, swapRouter: uni.router.target, quoterV2: uni.quoter.target,
      positionManager: uni.positionManager.target };
    const deploy = (venue) => deployMarkets({
      roles: { keeper: keeper.address, oracleUpdater: signers[7].address, volUpdater: signers[8].address },
      limits: LIMITS, managementFeeBps: 0, performanceFeeBps: 0,
      markets: [testMarket("WBTC/USDC", "WBTC", 8, "60000", {
        venues: [{ kind: "constant-product", baseLiquidity: "10" }, { kind: "uniswap-v3", fee: 3000, baseLiquidity: "10", ...venue }],
      })],
    });
    const d = await deploy({ existing });
    const [record] = d.deployment.markets;
    const rec = record.venues[1];
    expect(rec).to.include(existing);
    expect(rec.existing).to.deep.equal(["factory", "swapRouter", "quoterV2", "positionManager"]);
    // the pool was created in the existing factory, and the adapter calls the existing router and quoter
    expect(await uni.factory.getPool(record.base.address, record.quote.address, 3000)).to.equal(rec.pool);
    const venue = await ethers.getContractAt("UniswapV3Venue", rec.address);
    expect(await venue.router()).to.equal(existing.swapRouter);
    expect(await venue.quoter()).to.equal(existing.quoterV2);
    // full range x y = k on 10 WBTC x 600,000 USDC at 0.3 %: 1 WBTC pays 600,000 x 0.997 / 10.997 = 54,396.65 USDC
    const out = await venue.getAmountOut.staticCall(record.base.address, WBTC(1));
    expect(Number(out) / 1e6).to.be.closeTo(54_396.65, 5);
    // a vault's swap goes through the existing router
    await sellsThrough(d, venue, keeper, alice);

    // only the factory given: a SwapRouter, a position manager and a QuoterV2 are deployed on it
    const partial = (await deploy({ existing: { factory: existing.factory } })).deployment.markets[0].venues[1];
    expect(partial.existing).to.deep.equal(["factory"]);
    expect(partial.factory).to.equal(existing.factory);
    expect(partial.swapRouter).to.not.equal(existing.swapRouter);
    const builtOn = (address) => new ethers.Contract(address, ["function factory() view returns (address)"], owner).factory();
    expect(await builtOn(partial.swapRouter)).to.equal(existing.factory);
    expect(await builtOn(partial.quoterV2)).to.equal(existing.factory);

    const other = await deployUniswapV3(owner, ethers.ZeroAddress);
    const field = "markets\\[0\\]\\.venues\\[1\\]\\.existing";
    const cases = [
      [{ swapRouter: existing.swapRouter }, `${field}\\.factory is required with existing Uniswap v3 contracts`],
      [{ factory: existing.factory, pool: rec.pool }, `${field}\\.pool is not one of factory, swapRouter, quoterV2, positionManager`],
      [{ factory: alice.address }, `${field}\\.factory has no contract on this chain`],
      [{ factory: existing.swapRouter }, `${field}\\.factory has no UniswapV3Factory's getPool`],
      [{ factory: existing.factory, swapRouter: existing.quoterV2 }, `${field}\\.swapRouter has no SwapRouter's exactInputSingle with a deadline`],
      [{ factory: existing.factory, quoterV2: other.quoter.target }, `${field}\\.quoterV2 is built on factory ${other.factory.target}, not on`],
      [[existing.factory], `${field} must list existing contracts`],
    ];
    for (const [given, message] of cases) {
      await expect(deploy({ existing: given })).to.be.rejectedWith(new RegExp(message));
    }
  });

  it("uses existing tokens and an existing Chainlink feed as they are", async function () {
    const [owner, keeper, , , , , , updater, volUpdater] = await ethers.getSigners();
    const wbtc = await ethers.deployContract("TestToken", ["Wrapped BTC", "WBTC", 8, owner.address]);
    const usdc = await ethers.deployContract("TestToken", ["USD Coin", "USDC", 6, owner.address]);
    const feed = await ethers.deployContract("SettableAggregator");
    const now = await time.latest();
    await feed.setRound(7, USD(60_000), now, now, 7);
    await wbtc.mint(owner.address, WBTC(2));
    await usdc.mint(owner.address, USDC(120_000));
    const config = {
      roles: { keeper: keeper.address, oracleUpdater: updater.address, volUpdater: volUpdater.address },
      markets: [{
        name: "WBTC/USDC",
        base: { address: wbtc.target },
        quote: { address: usdc.target },
        oracle: { kind: "chainlink", address: feed.target, heartbeat: 3600 },
        venues: [{ kind: "constant-product", baseLiquidity: "2" }],
        vaults: ["cash-secured-put"],
      }],
    };
    const { deployment, markets } = await deployMarkets(config);
    const m = deployment.markets[0];
    expect(m.base).to.deep.equal({ address: wbtc.target, symbol: "WBTC", decimals: 8, test: false });
    expect(m.oracle).to.include({ kind: "chainlink", address: feed.target, decimals: 8, heartbeatSeconds: 3600 });
    expect(m.vaults.map((v) => v.kind)).to.deep.equal(["cash-secured-put"]);
    expect(await markets[0].vaults["cash-secured-put"].oracle()).to.equal(feed.target);
    // the venue took the deployer's own tokens: all of them at 60,000 USD per WBTC
    expect(await wbtc.balanceOf(owner.address)).to.equal(0n);
    expect(await usdc.balanceOf(owner.address)).to.equal(0n);
    // more than the deployer holds is refused, naming the field
    await expect(deployMarkets({ ...config, markets: [{ ...config.markets[0], venues: [{ kind: "constant-product",
      baseLiquidity: "1" }] }] })).to.be.rejectedWith(/markets\[0\]\.venues\[0\]\.baseLiquidity .* does not hold/);
  });

  it("deploys the shipped local configuration, and names the missing Sepolia token on a fresh chain", async function () {
    const config = (name) => readConfig(path.join(__dirname, "..", "..", "src", "config", name));
    const { deployment } = await deployMarkets(config("deploy-local.yaml"));
    expect(deployment.markets.flatMap((m) => m.vaults.map((v) => `${m.name} ${v.kind}`))).to.deep.equal([
      "WETH/USDC covered-call", "WETH/USDC cash-secured-put", "WBTC/USDC covered-call", "WBTC/USDC cash-secured-put"]);
    expect(deployment.markets[1].oracle.initialPrice).to.equal(USD(60_000).toString());
    const rehearsal = config("deploy-rehearsal.yaml");
    const sepolia = config("deploy-sepolia.yaml");
    // the rehearsal is Sepolia's deployment with stand-ins for what a fresh chain lacks
    expect(rehearsal.markets.map((m) => [m.name, m.vaults, m.venues])).to.deep.equal(
      sepolia.markets.map((m) => [m.name, m.vaults, m.venues]));
    await expect(deployMarkets(sepolia)).to.be.rejectedWith(
      "markets[0].base.address 0xfFf9976782d46CC05630D1f6eBAb18b2324d6B14 is not an ERC-20 with decimals() and symbol() on this chain");
  });

  it("refuses a bad configuration with the field and the value", async function () {
    const base = testMarket("X/USDC", "X", 18, "10");
    const cases = [
      [{ markets: [] }, /markets must list at least one market/],
      [{ markets: [{ ...base, venues: [{ kind: "uniswap-v3", fee: 100 }] }] }, /markets\[0\]\.venues\[0\]\.fee must be one of 500, 3000, 10000, got '100'/],
      [{ markets: [{ ...base, venues: [{ kind: "uniswap-v9" }] }] }, /markets\[0\]\.venues\[0\]\.kind must be one of constant-product, uniswap-v3, got 'uniswap-v9'/],
      [{ markets: [{ ...base, base: { symbol: "X", decimals: 99 } }] }, /markets\[0\]\.base\.decimals must be a whole number 0\.\.36, got '99'/],
      [{ markets: [{ ...base, oracle: { kind: "pyth" } }] }, /markets\[0\]\.oracle\.kind must be chainlink or push, got 'pyth'/],
      [{ markets: [{ ...base, oracle: { kind: "push", initialPrice: "-1" } }] }, /markets\[0\]\.oracle\.initialPrice must be/],
      [{ markets: [{ ...base, vaults: ["straddle"] }] }, /markets\[0\]\.vaults\[0\] must be one of covered-call, cash-secured-put, got 'straddle'/],
      [{ markets: [base, base] }, /markets\[1\]\.name must be unique, got 'X\/USDC'/],
    ];
    for (const [config, message] of cases) {
      await expect(deployMarkets(config)).to.be.rejectedWith(message);
    }
    const [owner] = await ethers.getSigners();
    const feed = await ethers.deployContract("PushPriceOracle", [18, "X / USD", owner.address, owner.address, 10n ** 19n,
      38 * DAY]);
    await expect(deployMarkets({ markets: [{ ...base, oracle: { kind: "chainlink", address: feed.target } }] }))
      .to.be.rejectedWith(/must be a USD feed with 8 decimals \(it has 18\)/);
  });

  it("records the native token's price source for the keeper's gas, only when configured", async function () {
    const wbtc = testMarket("WBTC/USDC", "WBTC", 8, "60000");
    const none = await deployMarkets({ markets: [wbtc] });
    expect(none.deployment).to.not.have.property("nativeToken");
    const fixed = await deployMarkets({ markets: [wbtc], nativeToken: { price: "3000.5" } });
    expect(fixed.deployment.nativeToken).to.deep.equal({ symbol: "ETH", priceUsd: "3000.5" });
    const [owner] = await ethers.getSigners();
    const feed = await ethers.deployContract("PushPriceOracle", [8, "ETH / USD", owner.address, owner.address, USD(3000),
      38 * DAY]);
    const fed = await deployMarkets({ markets: [wbtc], nativeToken: { symbol: "ETH", oracle: { kind: "chainlink",
      address: feed.target, heartbeat: 3600 } } });
    expect(fed.deployment.nativeToken.symbol).to.equal("ETH");
    expect(fed.deployment.nativeToken.oracle).to.include({ kind: "chainlink", address: feed.target, decimals: 8,
      heartbeatSeconds: 3600 });
    const cases = [
      [{ symbol: "ETH" }, /nativeToken must have either an oracle or a price, got '\{"symbol":"ETH"\}'/],
      [{ price: "1", oracle: { kind: "push" } }, /nativeToken must have either an oracle or a price/],
      [{ price: "abc" }, /nativeToken\.price must be a positive decimal number of USD/],
      [{ symbol: "E T H", price: "1" }, /nativeToken\.symbol must be 1\.\.11 letters or digits, got 'E T H'/],
      [{ oracle: { kind: "pyth" } }, /nativeToken\.oracle\.kind must be chainlink or push, got 'pyth'/],
    ];
    for (const [nativeToken, message] of cases) {
      await expect(deployMarkets({ markets: [wbtc], nativeToken })).to.be.rejectedWith(message);
    }
  });
});
