// Deploys the volvault chain side from a configuration and writes a deployment file listing every
// market and vault.
//
//   DEPLOY_CONFIG=../src/config/deploy-local.yaml npx hardhat run --network localhost scripts/deploy.js
//   INITIAL_PRICE=1850.25 npx hardhat run --network localhost scripts/deploy.js   # one test WETH/USDC market
//
// `scripts/volvault deploy --rpc URL --config FILE` runs this script. The configuration (YAML or
// JSON, examples in src/config/deploy-*.yaml) lists markets; each has a base and a quote token
// (existing: `address`; or a test token: `symbol`, `name`, `decimals`), an oracle (`kind: chainlink`
// with the feed's `address`, or `kind: push` with an `initialPrice`), a vol feed, its venues
// (`kind: constant-product` or `kind: uniswap-v3`, the latter on a Uniswap v3 it deploys or on the
// `existing` one whose addresses it lists: an open list, one deploy function per kind in VENUE_KINDS; a
// VenueRegistry per market lists them, and its vaults swap through that registry) and
// its vaults (`covered-call`, `cash-secured-put`). Roles, fees, limits and the timelock are shared;
// one KeeperLog (the keeper's record of its decisions) serves every market. `nativeToken` (optional:
// `symbol`, default ETH, and an `oracle` as a market's or a fixed USD `price`) values the gas the keeper
// pays when no market has the native token or its wrapped form (WETH) as its base.
//
// Without DEPLOY_CONFIG the environment describes one test WETH/USDC market (all optional):
//   INITIAL_PRICE      first oracle answer and pool price, USD per WETH (default 3000)
//   KEEPER             keeper account (default Hardhat account #1)
//   ORACLE_UPDATER     account allowed to push prices (default Hardhat account #2)
//   VOL_UPDATER        account allowed to push the implied vol (default Hardhat account #8)
//   ALLOW_SHARED_KEYS  "1" to allow one account in two of the three roles above (refused otherwise:
//                      one key as keeper and updater can write cheap options and settle them at will)
//   GUARDIAN           may pause the vaults and cancel an auction (default the deployer, account #0)
//   FEE_RECIPIENT      receives the vault fees (default the deployer, account #0)
//   MANAGEMENT_FEE_BPS, PERFORMANCE_FEE_BPS  initial fees (default 200 and 1000)
//   HEARTBEAT          seconds after which an oracle answer is stale (default 86400)
//   INITIAL_VOL        first vol-feed answer, a fraction a year (default 0.8)
//   VOL_HEARTBEAT      seconds after which a vol-feed answer is stale (default 86400)
//   TIMELOCK_DELAY     seconds between scheduling and executing an owner call (default 38 days, the minimum)
//   POOL_BASE_LIQUIDITY  WETH seeded in the pool, quote side at the initial price (default 1000)
//   UNISWAP_FEE        also deploy Uniswap v3 with a WETH/USDC pool at this fee tier (500, 3000 or 10000)
//                      and list its venue next to the pool (default: no Uniswap; scripts/lib/uniswap.js)
//   UNISWAP_BASE_LIQUIDITY, UNISWAP_RANGE_BPS  its WETH liquidity (default 1000) and range either side of
//                      the price (default full range)
// With DEPLOY_CONFIG, KEEPER, ORACLE_UPDATER, VOL_UPDATER, GUARDIAN and FEE_RECIPIENT override its roles.
// Always: DEPLOYMENT_FILE, where to write the deployment (default deployments/<network>.json).
//
// Tests call deployAll() (one test market, the environment's settings) or deployMarkets(config).
const fs = require("fs");
const path = require("path");
const yaml = require("js-yaml");
const hre = require("hardhat");

const { ethers } = hre;
const { deployUniswapV3, connectUniswapV3, createPool, addLiquidity, TICK_SPACING } = require("./lib/uniswap");

/** A mistake in the configuration or the environment: the message names the field and the value (exit 2). */
class ConfigError extends Error {}

const DEFAULTS = {
  initialPrice: "3000",
  heartbeat: 86400,
  poolBaseLiquidity: "1000",
  poolFeeBps: 30,
  uniswapBaseLiquidity: "1000",
  managementFeeBps: 200,
  performanceFeeBps: 1000,
  initialVol: "0.8",
  volHeartbeat: 86400,
  volMaxChangeBps: 2500,
  volMinInterval: 3600,
  timelockDelay: 38 * 24 * 3600,
  limits: {
    strikeBandBps: 5000,
    minOtmBps: 100,
    minFloorBps: 9000,
    maxSlippageBps: 100,
    maxSizeBps: 10000,
    maxDeltaBps: 10000,
    maxVegaBps: 3000,
    maxRebalanceVolumeBps: 20000,
    maxRebalanceLossBps: 100,
    minAuctionDuration: 600,
    maxRoundDuration: 35 * 24 * 3600,
  },
};

/** Refuses one account in two of the roles that together could take depositors' money (finding H-3). */
function checkSeparateKeys(cfg) {
  const roles = { keeper: cfg.keeper, oracleUpdater: cfg.oracleUpdater, volUpdater: cfg.volUpdater };
  const names = Object.keys(roles);
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      if (roles[names[i]].toLowerCase() === roles[names[j]].toLowerCase() && !cfg.allowSharedKeys) {
        throw new ConfigError(`${names[i]} and ${names[j]} are the same account ${roles[names[i]]}: `
          + "use separate keys, or set ALLOW_SHARED_KEYS=1 to accept the risk");
      }
    }
  }
}

/** Parses a decimal USD price ("3000", "1850.25") into the oracle's 8 decimals, refusing junk. */
function parsePrice(text, name = "INITIAL_PRICE") {
  if (!/^\d+(\.\d{1,8})?$/.test(String(text)) || Number(text) <= 0) {
    throw new ConfigError(`${name} must be a positive decimal number of USD with at most 8 decimals, got '${text}'`);
  }
  return ethers.parseUnits(String(text), 8);
}

function parseAddress(name, value) {
  if (!ethers.isAddress(value)) throw new ConfigError(`${name} must be an address, got '${value}'`);
  return ethers.getAddress(value);
}

/** Parses a decimal token amount ("1000", "0.5") into `decimals` units, refusing junk. */
function parseAmount(name, text, decimals) {
  if (!/^\d+(\.\d+)?$/.test(String(text))) throw new ConfigError(`${name} must be a decimal amount, got '${text}'`);
  try {
    return ethers.parseUnits(String(text), decimals);
  } catch (error) {
    throw new ConfigError(`${name} has more than ${decimals} decimals, got '${text}'`);
  }
}

function parseWholeNumber(name, value) {
  if (!/^\d+$/.test(String(value))) throw new ConfigError(`${name} must be a whole number, got '${value}'`);
  return Number(value);
}

/** Parses a vol as a fraction a year ("0.8" = 80 %) into 18 decimals, refusing junk. */
function parseVol(text, name = "INITIAL_VOL") {
  if (!/^\d+(\.\d{1,18})?$/.test(String(text)) || Number(text) <= 0) {
    throw new ConfigError(`${name} must be a positive fraction a year such as 0.8, got '${text}'`);
  }
  return ethers.parseUnits(String(text), 18);
}

function parsePositiveInt(name, value) {
  if (!/^\d+$/.test(String(value)) || Number(value) <= 0) {
    throw new ConfigError(`${name} must be a positive whole number, got '${value}'`);
  }
  return Number(value);
}

const VAULT_KINDS = ["covered-call", "cash-secured-put"];

function fail(field, value, what) {
  throw new ConfigError(`${field} ${what}, got '${value}'`);
}

/** An existing token ({address}) or a test token to deploy ({symbol, name, decimals}). */
async function deployToken(field, spec, ctx) {
  if (spec === undefined || spec === null || typeof spec !== "object") fail(field, spec, "must be {address} or {symbol, decimals}");
  if (spec.address !== undefined) {
    const address = parseAddress(`${field}.address`, spec.address);
    const token = await ethers.getContractAt("TestToken", address, ctx.deployer);
    let decimals;
    let symbol;
    try {
      decimals = Number(await token.decimals());
      symbol = await token.symbol();
    } catch (error) {
      throw new ConfigError(`${field}.address ${address} is not an ERC-20 with decimals() and symbol() on this chain`);
    }
    return { contract: token, record: { address, symbol, decimals, test: false } };
  }
  if (!/^[A-Za-z0-9.]{1,11}$/.test(String(spec.symbol))) fail(`${field}.symbol`, spec.symbol, "must be 1..11 letters or digits");
  const decimals = Number(spec.decimals);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 36) fail(`${field}.decimals`, spec.decimals, "must be a whole number 0..36");
  const name = spec.name ?? `${spec.symbol} (test)`;
  const token = await ctx.deploy("TestToken", name, spec.symbol, decimals, ctx.deployer.address);
  return { contract: token, record: { address: token.target, symbol: spec.symbol, decimals, test: true } };
}

/** The market's USD price feed: an existing Chainlink AggregatorV3 feed, or our push oracle. */
async function deployOracle(field, spec, base, ctx) {
  const kind = spec?.kind;
  const heartbeat = parsePositiveInt(`${field}.heartbeat`, spec?.heartbeat ?? DEFAULTS.heartbeat);
  if (kind === "chainlink") {
    const address = parseAddress(`${field}.address`, spec.address);
    const feed = await ethers.getContractAt("PushPriceOracle", address, ctx.deployer);
    let decimals;
    let description;
    try {
      decimals = Number(await feed.decimals());
      description = await feed.description();
      await feed.latestRoundData();
    } catch (error) {
      throw new ConfigError(`${field}.address ${address} is not a Chainlink AggregatorV3 feed on this chain`);
    }
    if (decimals !== 8) fail(`${field}.address`, address, `must be a USD feed with 8 decimals (it has ${decimals})`);
    return { contract: feed, record: { kind, address, decimals, description, heartbeatSeconds: heartbeat } };
  }
  if (kind === "push") {
    const price = parsePrice(spec.initialPrice ?? DEFAULTS.initialPrice, `${field}.initialPrice`);
    const description = `${base.symbol} / USD`;
    const oracle = await ctx.deploy("PushPriceOracle", 8, description, ctx.deployer.address, ctx.roles.oracleUpdater,
      price, ctx.timelockDelay);
    return {
      contract: oracle,
      record: { kind, address: oracle.target, decimals: 8, description, heartbeatSeconds: heartbeat,
        initialPrice: price.toString() },
    };
  }
  return fail(`${field}.kind`, kind, "must be chainlink or push");
}

async function deployVolFeed(field, spec = {}, ctx) {
  const initialVol = parseVol(spec.initialVol ?? DEFAULTS.initialVol, `${field}.initialVol`);
  const heartbeat = parsePositiveInt(`${field}.heartbeat`, spec.heartbeat ?? DEFAULTS.volHeartbeat);
  const maxChangeBps = parsePositiveInt(`${field}.maxChangeBps`, spec.maxChangeBps ?? DEFAULTS.volMaxChangeBps);
  const minInterval = parsePositiveInt(`${field}.minInterval`, spec.minInterval ?? DEFAULTS.volMinInterval);
  const feed = await ctx.deploy("VolFeed", ctx.deployer.address, ctx.roles.volUpdater, initialVol, maxChangeBps,
    minInterval, ctx.timelockDelay);
  return {
    contract: feed,
    record: { address: feed.target, initialVol: initialVol.toString(), heartbeatSeconds: heartbeat, maxChangeBps,
      minIntervalSeconds: minInterval },
  };
}

/** Gives the deployer `amount` of a token to seed a venue with: minted for a test token, else its own balance. */
async function fund(field, token, amount, ctx) {
  if (token.record.test) {
    await (await token.contract.mint(ctx.deployer.address, amount)).wait();
    return;
  }
  const balance = await token.contract.balanceOf(ctx.deployer.address);
  if (balance < amount) {
    fail(field, amount.toString(), `needs ${token.record.symbol} the deployer ${ctx.deployer.address} does not hold (balance ${balance})`);
  }
}

/** Our constant-product pool, seeded with `baseLiquidity` base and its value in quote at the oracle's price. */
async function deployConstantProductVenue(field, spec, market, ctx) {
  const feeBps = parseWholeNumber(`${field}.feeBps`, spec.feeBps ?? DEFAULTS.poolFeeBps);
  const { base, quote } = market;
  const baseLiquidity = parseAmount(`${field}.baseLiquidity`, spec.baseLiquidity ?? DEFAULTS.poolBaseLiquidity,
    base.record.decimals);
  const price = (await market.oracle.contract.latestRoundData())[1];
  // base units x price (8 decimals) -> quote units
  const quoteLiquidity = (baseLiquidity * price * 10n ** BigInt(quote.record.decimals))
    / (10n ** BigInt(base.record.decimals) * 10n ** 8n);
  const pool = await ctx.deploy("ConstantProductPool", base.record.address, quote.record.address, feeBps);
  if (baseLiquidity > 0n) {
    await fund(`${field}.baseLiquidity`, base, baseLiquidity, ctx);
    await fund(`${field}.baseLiquidity`, quote, quoteLiquidity, ctx);
    await (await base.contract.approve(pool.target, baseLiquidity)).wait();
    await (await quote.contract.approve(pool.target, quoteLiquidity)).wait();
    const deadline = (await ethers.provider.getBlock("latest")).timestamp + 3600;
    await (await pool.addLiquidity(baseLiquidity, quoteLiquidity, 0, ctx.deployer.address, deadline)).wait();
  }
  return {
    contract: pool,
    record: { kind: "constant-product", address: pool.target, feeBps, baseLiquidity: baseLiquidity.toString(),
      quoteLiquidity: quoteLiquidity.toString() },
  };
}

/**
 * What an existing Uniswap v3 contract must answer, by function selector in its bytecode: what our adapter
 * (UniswapV3Venue) and this script call. Sepolia's SwapRouter02 has an exactInputSingle without a deadline,
 * which the adapter does not call: leave `swapRouter` out and a SwapRouter is deployed against the factory.
 */
const UNISWAP_CALLS = {
  factory: ["1698ee82", "UniswapV3Factory's getPool"],
  swapRouter: ["414bf389", "SwapRouter's exactInputSingle with a deadline (SwapRouter02 has none: leave swapRouter out)"],
  quoterV2: ["c6a5026a", "QuoterV2's quoteExactInputSingle"],
  positionManager: ["13ead562", "NonfungiblePositionManager's createAndInitializePoolIfNecessary"],
};

/**
 * A venue's `existing` Uniswap v3 contracts ({factory, swapRouter?, quoterV2?, positionManager?}), each a
 * contract on this chain that answers what we call, the periphery built on that factory; undefined without.
 */
async function existingUniswap(field, spec) {
  if (spec === undefined) return undefined;
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    fail(field, spec, `must list existing contracts (${Object.keys(UNISWAP_CALLS).join(", ")})`);
  }
  const unknown = Object.keys(spec).find((k) => !Object.hasOwn(UNISWAP_CALLS, k));
  if (unknown !== undefined) fail(`${field}.${unknown}`, spec[unknown], `is not one of ${Object.keys(UNISWAP_CALLS).join(", ")}`);
  if (spec.factory === undefined) fail(`${field}.factory`, spec.factory, "is required with existing Uniswap v3 contracts");
  const addresses = {};
  for (const [name, [selector, what]] of Object.entries(UNISWAP_CALLS)) {
    if (spec[name] === undefined) continue;
    const address = parseAddress(`${field}.${name}`, spec[name]);
    const code = await ethers.provider.getCode(address);
    if (code === "0x") fail(`${field}.${name}`, address, "has no contract on this chain");
    if (!code.includes(selector)) fail(`${field}.${name}`, address, `has no ${what}`);
    if (name !== "factory") {
      const built = await new ethers.Contract(address, ["function factory() view returns (address)"], ethers.provider).factory();
      if (built.toLowerCase() !== spec.factory.toLowerCase()) {
        fail(`${field}.${name}`, address, `is built on factory ${built}, not on ${field}.factory`);
      }
    }
    addresses[name] = address;
  }
  return addresses;
}

/**
 * A Uniswap v3 pool of the market's tokens at `fee` (500, 3000 or 10000), created and initialized at the
 * oracle's price unless it exists, and seeded with `baseLiquidity` base and its value in quote in a range
 * of `rangeBps` either side (full range without; "0" adds none), behind our UniswapV3Venue adapter.
 * Uniswap v3 itself (factory, router, position manager, quoter) is deployed once per deployment from its
 * npm artifacts, or taken from `existing` addresses (the factory, and any of the others; the missing ones
 * are deployed against that factory).
 */
async function deployUniswapV3Venue(field, spec, market, ctx) {
  const fee = Number(spec.fee);
  if (!(fee in TICK_SPACING)) fail(`${field}.fee`, spec.fee, `must be one of ${Object.keys(TICK_SPACING).join(", ")}`);
  const rangeBps = spec.rangeBps === undefined ? undefined : parsePositiveInt(`${field}.rangeBps`, spec.rangeBps);
  if (rangeBps !== undefined && rangeBps >= 10000) fail(`${field}.rangeBps`, spec.rangeBps, "must be below 10000");
  const { base, quote } = market;
  const baseLiquidity = parseAmount(`${field}.baseLiquidity`, spec.baseLiquidity ?? DEFAULTS.uniswapBaseLiquidity,
    base.record.decimals);
  const existing = await existingUniswap(`${field}.existing`, spec.existing);
  const price = (await market.oracle.contract.latestRoundData())[1];
  const quoteLiquidity = (baseLiquidity * price * 10n ** BigInt(quote.record.decimals))
    / (10n ** BigInt(base.record.decimals) * 10n ** 8n);
  // one Uniswap per deployment and per set of existing contracts
  const key = JSON.stringify(existing ?? null);
  ctx.uniswaps = ctx.uniswaps ?? new Map();
  if (!ctx.uniswaps.has(key)) {
    ctx.uniswaps.set(key, existing ? await connectUniswapV3(ctx.deployer, base.record.address, existing)
      : await deployUniswapV3(ctx.deployer, base.record.address));
  }
  const uni = ctx.uniswaps.get(key);
  const tokens = [base, quote].map((t) => ({ address: t.record.address, decimals: t.record.decimals }));
  const pool = await createPool(uni, tokens[0], tokens[1], fee, price);
  let position = null;
  if (baseLiquidity > 0n) {
    await fund(`${field}.baseLiquidity`, base, baseLiquidity, ctx);
    await fund(`${field}.baseLiquidity`, quote, quoteLiquidity, ctx);
    position = await addLiquidity(uni, pool, baseLiquidity, quoteLiquidity, { rangeBps });
  }
  const venue = await ctx.deploy("UniswapV3Venue", uni.router.target, uni.quoter.target, uni.factory.target,
    base.record.address, quote.record.address, fee);
  return {
    contract: venue,
    uniswap: { uni, pool, venue, position },
    record: {
      kind: "uniswap-v3", address: venue.target, fee, feeBps: fee / 100, pool: pool.address,
      factory: uni.factory.target, swapRouter: uni.router.target, positionManager: uni.positionManager.target,
      quoterV2: uni.quoter.target, existing: Object.keys(existing ?? {}), rangeBps: rangeBps ?? null,
      tickLower: position?.tickLower ?? null, tickUpper: position?.tickUpper ?? null,
      liquidity: position === null ? "0" : position.liquidity.toString(), baseLiquidity: baseLiquidity.toString(),
      quoteLiquidity: position === null ? "0" : quoteLiquidity.toString(),
    },
  };
}

/** One deploy function per venue kind: a new kind is one more entry. */
const VENUE_KINDS = { "constant-product": deployConstantProductVenue, "uniswap-v3": deployUniswapV3Venue };

/** The market's VenueRegistry listing its venues: its vaults refuse a swap through any other. */
async function deployVenueRegistry(market, ctx) {
  return ctx.deploy("VenueRegistry", ctx.deployer.address, ctx.timelockDelay, market.base.record.address,
    market.quote.record.address, market.venues.map((v) => v.record.address));
}

/**
 * The chain's native token, which pays the gas, and its USD price source for the keeper: an oracle (as a
 * market's: `kind: chainlink` with an `address`, or `kind: push`) or a fixed `price`; null when not configured.
 */
async function deployNativeToken(spec, ctx) {
  if (spec === undefined || spec === null) return null;
  const symbol = spec.symbol ?? "ETH";
  if (!/^[A-Za-z0-9.]{1,11}$/.test(String(symbol))) fail("nativeToken.symbol", symbol, "must be 1..11 letters or digits");
  if ((spec.oracle === undefined) === (spec.price === undefined)) {
    fail("nativeToken", JSON.stringify(spec), "must have either an oracle or a price");
  }
  if (spec.price !== undefined) {
    parsePrice(spec.price, "nativeToken.price");
    return { symbol, priceUsd: String(spec.price) };
  }
  const oracle = await deployOracle("nativeToken.oracle", spec.oracle, { symbol }, ctx);
  return { symbol, oracle: oracle.record };
}

/** The keeper's proof-of-backtest notebook (KeeperLog.sol): one per deployment, no roles. */
async function deployKeeperLog(ctx) {
  return ctx.deploy("KeeperLog");
}

/** The options market and the market's vaults; Options lists the vaults as writers from the start. */
async function deployVaults(field, kinds, market, ctx) {
  if (!Array.isArray(kinds) || kinds.length === 0) fail(field, kinds, `must list vault kinds (${VAULT_KINDS.join(", ")})`);
  kinds.forEach((kind, i) => {
    if (!VAULT_KINDS.includes(kind)) fail(`${field}[${i}]`, kind, `must be one of ${VAULT_KINDS.join(", ")}`);
  });
  if (new Set(kinds).size !== kinds.length) fail(field, kinds.join(","), "must not list a kind twice");
  // The vaults' addresses follow from the nonce: Options is the next contract, the vaults after it.
  const nonce = await ctx.deployer.getNonce();
  const predicted = kinds.map((_, i) => ethers.getCreateAddress({ from: ctx.deployer.address, nonce: nonce + 1 + i }));
  const { base, quote } = market;
  const options = await ctx.deploy("Options", base.record.address, quote.record.address, market.oracle.record.address,
    ctx.deployer.address, predicted, ctx.timelockDelay);
  const vaults = {};
  const records = [];
  for (const kind of kinds) {
    const call = kind === "covered-call";
    const asset = call ? base : quote;
    const name = call ? `volvault ${base.record.symbol} covered call`
      : `volvault ${quote.record.symbol} cash-secured put on ${base.record.symbol}`;
    const symbol = call ? `vv${base.record.symbol}-CC` : `vv${quote.record.symbol}-CSP-${base.record.symbol}`;
    const params = {
      name,
      symbol,
      asset: asset.record.address,
      options: options.target,
      venues: market.venueRegistry.target,
      oracle: market.oracle.record.address,
      volFeed: market.volFeed.record.address,
      heartbeat: market.oracle.record.heartbeatSeconds,
      volHeartbeat: market.volFeed.record.heartbeatSeconds,
      owner: ctx.deployer.address,
      timelockDelay: ctx.timelockDelay,
      roles: {
        keeper: ctx.roles.keeper,
        guardian: ctx.roles.guardian,
        feeRecipient: ctx.roles.feeRecipient,
        managementFeeBps: ctx.managementFeeBps,
        performanceFeeBps: ctx.performanceFeeBps,
      },
      limits: ctx.limits,
    };
    const vault = await ethers.deployContract("OptionVault", [params],
      { signer: ctx.deployer, libraries: { RollChecks: ctx.rollChecks.target, RequestLib: ctx.requestLib.target } });
    await vault.waitForDeployment();
    vaults[kind] = vault;
    records.push({ kind, address: vault.target, asset: asset.record.address, name, symbol,
      decimals: Number(await vault.decimals()) });
  }
  const misplaced = records.find((r, i) => r.address !== predicted[i]);
  if (misplaced) throw new Error(`vault ${misplaced.kind} deployed at ${misplaced.address}, not at the writer Options lists`);
  return { options, vaults, records };
}

/** One market: tokens, oracle, vol feed, venues, options and vaults. */
async function deployMarket(field, spec, ctx) {
  if (!spec || typeof spec.name !== "string" || spec.name.length === 0) fail(`${field}.name`, spec?.name, "must be a name");
  const market = {};
  market.base = await deployToken(`${field}.base`, spec.base, ctx);
  market.quote = await deployToken(`${field}.quote`, spec.quote, ctx);
  market.oracle = await deployOracle(`${field}.oracle`, spec.oracle, market.base.record, ctx);
  market.volFeed = await deployVolFeed(`${field}.volFeed`, spec.volFeed, ctx);
  const venues = spec.venues ?? [];
  if (!Array.isArray(venues) || venues.length === 0) fail(`${field}.venues`, venues, "must list at least one venue");
  market.venues = [];
  for (let i = 0; i < venues.length; i++) {
    const kind = venues[i]?.kind;
    const deployVenue = Object.hasOwn(VENUE_KINDS, String(kind)) ? VENUE_KINDS[kind] : undefined;
    if (!deployVenue) fail(`${field}.venues[${i}].kind`, kind, `must be one of ${Object.keys(VENUE_KINDS).join(", ")}`);
    market.venues.push(await deployVenue(`${field}.venues[${i}]`, venues[i], market, ctx));
  }
  market.venueRegistry = await deployVenueRegistry(market, ctx);
  const { options, vaults, records } = await deployVaults(`${field}.vaults`, spec.vaults ?? VAULT_KINDS, market, ctx);
  market.options = options;
  market.vaults = vaults;
  market.record = {
    name: spec.name,
    base: market.base.record,
    quote: market.quote.record,
    oracle: market.oracle.record,
    volFeed: market.volFeed.record,
    venueRegistry: market.venueRegistry.target,
    venues: market.venues.map((v) => v.record),
    options: options.target,
    vaults: records,
  };
  return market;
}

/** The roles, defaulting to the local node's accounts #1, #2 and #8 (keeper, oracle updater, vol updater). */
function resolveRoles(roles = {}, signers) {
  const pick = (name, index) => {
    if (roles[name] !== undefined) return parseAddress(`roles.${name}`, roles[name]);
    if (index === 0 || signers.length > index) return signers[index].address;
    return fail(`roles.${name}`, roles[name], "must be an address (this network has no local account to default to)");
  };
  return {
    keeper: pick("keeper", 1),
    oracleUpdater: pick("oracleUpdater", 2),
    volUpdater: pick("volUpdater", 8),
    guardian: pick("guardian", 0),
    feeRecipient: pick("feeRecipient", 0),
  };
}

/**
 * Deploys every market of `config` (see the header) and returns the contracts per market and a
 * JSON-ready deployment record listing every vault.
 */
async function deployMarkets(config) {
  const signers = await ethers.getSigners();
  if (signers.length === 0) throw new ConfigError("no deployer account: set VOLVAULT_PRIVATE_KEY for this network");
  const deployer = signers[0];
  if (!Array.isArray(config.markets) || config.markets.length === 0) fail("markets", config.markets, "must list at least one market");
  const roles = resolveRoles(config.roles, signers);
  checkSeparateKeys({ ...roles, allowSharedKeys: config.allowSharedKeys === true });
  const deploy = async (name, ...args) => {
    const contract = await ethers.deployContract(name, args, deployer);
    await contract.waitForDeployment();
    return contract;
  };
  const ctx = {
    deployer,
    deploy,
    roles,
    timelockDelay: parsePositiveInt("timelockDelay", config.timelockDelay ?? DEFAULTS.timelockDelay),
    managementFeeBps: parseWholeNumber("managementFeeBps", config.managementFeeBps ?? DEFAULTS.managementFeeBps),
    performanceFeeBps: parseWholeNumber("performanceFeeBps", config.performanceFeeBps ?? DEFAULTS.performanceFeeBps),
    limits: { ...DEFAULTS.limits, ...(config.limits ?? {}) },
  };
  ctx.rollChecks = await deploy("RollChecks");
  ctx.requestLib = await deploy("RequestLib");
  const names = new Set();
  const markets = [];
  for (let i = 0; i < config.markets.length; i++) {
    const market = await deployMarket(`markets[${i}]`, config.markets[i], ctx);
    if (names.has(market.record.name)) fail(`markets[${i}].name`, market.record.name, "must be unique");
    names.add(market.record.name);
    markets.push(market);
  }
  const nativeToken = await deployNativeToken(config.nativeToken, ctx);
  const keeperLog = await deployKeeperLog(ctx);
  const network = await ethers.provider.getNetwork();
  const block = await ethers.provider.getBlock("latest");
  const deployment = {
    format: 2,
    network: hre.network.name,
    chainId: Number(network.chainId),
    blockNumber: block.number,
    deployedAt: block.timestamp,
    roles: { owner: deployer.address, ...roles, tokenMinter: deployer.address },
    libraries: { rollChecks: ctx.rollChecks.target, requestLib: ctx.requestLib.target },
    keeperLog: keeperLog.target,
    parameters: {
      timelockDelaySeconds: ctx.timelockDelay,
      managementFeeBps: ctx.managementFeeBps,
      performanceFeeBps: ctx.performanceFeeBps,
      keeperLimits: Object.fromEntries(Object.entries(ctx.limits).map(([k, v]) => [k, v.toString()])),
    },
    markets: markets.map((m) => m.record),
    ...(nativeToken === null ? {} : { nativeToken }),
  };
  return { markets, rollChecks: ctx.rollChecks, requestLib: ctx.requestLib, keeperLog, deployment };
}

/** The one-market configuration the environment (and `options`) describe: test WETH/USDC and the push oracle. */
function configFromEnvironment(options = {}) {
  const env = process.env;
  const pick = (key, envName, parse) => options[key] ?? (env[envName] !== undefined ? parse(env[envName]) : undefined);
  const whole = (name) => (v) => parseWholeNumber(name, v);
  const positive = (name) => (v) => parsePositiveInt(name, v);
  const uniswapFee = pick("uniswapFee", "UNISWAP_FEE", positive("UNISWAP_FEE"));
  return {
    roles: {
      keeper: pick("keeper", "KEEPER", (v) => v),
      oracleUpdater: pick("oracleUpdater", "ORACLE_UPDATER", (v) => v),
      volUpdater: pick("volUpdater", "VOL_UPDATER", (v) => v),
      guardian: pick("guardian", "GUARDIAN", (v) => v),
      feeRecipient: pick("feeRecipient", "FEE_RECIPIENT", (v) => v),
    },
    allowSharedKeys: options.allowSharedKeys ?? env.ALLOW_SHARED_KEYS === "1",
    managementFeeBps: pick("managementFeeBps", "MANAGEMENT_FEE_BPS", whole("MANAGEMENT_FEE_BPS")),
    performanceFeeBps: pick("performanceFeeBps", "PERFORMANCE_FEE_BPS", whole("PERFORMANCE_FEE_BPS")),
    timelockDelay: pick("timelockDelay", "TIMELOCK_DELAY", positive("TIMELOCK_DELAY")),
    limits: options.limits,
    markets: [{
      name: "WETH/USDC",
      base: { symbol: "WETH", name: "Wrapped Ether (test)", decimals: 18 },
      quote: { symbol: "USDC", name: "USD Coin (test)", decimals: 6 },
      oracle: {
        kind: "push",
        initialPrice: options.initialPrice ?? env.INITIAL_PRICE ?? DEFAULTS.initialPrice,
        heartbeat: pick("heartbeat", "HEARTBEAT", positive("HEARTBEAT")),
      },
      volFeed: {
        initialVol: options.initialVol ?? env.INITIAL_VOL,
        heartbeat: pick("volHeartbeat", "VOL_HEARTBEAT", positive("VOL_HEARTBEAT")),
      },
      venues: [
        { kind: "constant-product", baseLiquidity: options.poolBaseLiquidity ?? env.POOL_BASE_LIQUIDITY },
        ...(uniswapFee === undefined ? [] : [{
          kind: "uniswap-v3", fee: uniswapFee,
          baseLiquidity: options.uniswapBaseLiquidity ?? env.UNISWAP_BASE_LIQUIDITY,
          rangeBps: pick("uniswapRangeBps", "UNISWAP_RANGE_BPS", positive("UNISWAP_RANGE_BPS")),
        }]),
      ],
      vaults: VAULT_KINDS,
    }],
  };
}

/**
 * One test WETH/USDC market from the environment and `options` (initialPrice, keeper, oracleUpdater,
 * volUpdater, guardian, feeRecipient, allowSharedKeys, heartbeat, poolBaseLiquidity, uniswapFee,
 * uniswapBaseLiquidity, uniswapRangeBps, managementFeeBps, performanceFeeBps, limits), returned the way
 * the contract tests use it: `venues` is the market's registry, `uniswap` its Uniswap venue (or null).
 */
async function deployAll(options = {}) {
  const { markets, rollChecks, requestLib, keeperLog, deployment } = await deployMarkets(configFromEnvironment(options));
  const m = markets[0];
  return {
    weth: m.base.contract, usdc: m.quote.contract, oracle: m.oracle.contract, volFeed: m.volFeed.contract,
    rollChecks, requestLib, pool: m.venues[0].contract, venues: m.venueRegistry,
    uniswap: m.venues.find((v) => v.uniswap)?.uniswap ?? null, options: m.options,
    callVault: m.vaults["covered-call"], putVault: m.vaults["cash-secured-put"], keeperLog, deployment,
  };
}

/** The configuration with the roles the environment names (KEEPER, ORACLE_UPDATER, ...) put over its own. */
function withEnvironmentRoles(config) {
  const roles = { ...(config.roles ?? {}) };
  const names = { keeper: "KEEPER", oracleUpdater: "ORACLE_UPDATER", volUpdater: "VOL_UPDATER", guardian: "GUARDIAN",
    feeRecipient: "FEE_RECIPIENT" };
  for (const [role, name] of Object.entries(names)) {
    if (process.env[name] !== undefined) roles[role] = parseAddress(name, process.env[name]);
  }
  return { ...config, roles };
}

/** Reads a deployment configuration, YAML or JSON (JSON is YAML). */
function readConfig(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`DEPLOY_CONFIG ${file} cannot be read: ${error.message}`);
  }
  let config;
  try {
    config = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`DEPLOY_CONFIG ${file} is not YAML or JSON: ${error.message.split("\n")[0]}`);
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    throw new ConfigError(`DEPLOY_CONFIG ${file} must be a mapping with a markets list`);
  }
  return config;
}

async function main() {
  const config = process.env.DEPLOY_CONFIG ? withEnvironmentRoles(readConfig(process.env.DEPLOY_CONFIG))
    : configFromEnvironment();
  const { deployment } = await deployMarkets(config);
  const file = process.env.DEPLOYMENT_FILE || path.join(__dirname, "..", "deployments", `${hre.network.name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(deployment, null, 2) + "\n");
  console.log(`deployed to chain ${deployment.chainId} at block ${deployment.blockNumber}; wrote ${file}`);
  for (const m of deployment.markets) {
    for (const v of m.vaults) console.log(`  ${m.name.padEnd(10)} ${v.kind.padEnd(17)} ${v.address}`);
    for (const v of m.venues) console.log(`  ${m.name.padEnd(10)} ${`venue ${v.kind}`.padEnd(17)} ${v.address}`);
  }
  console.log(`  ${"keeperLog".padEnd(28)} ${deployment.keeperLog}`);
}

if (require.main === module) {
  main().catch((error) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  });
}

module.exports = { ConfigError, deployAll, deployMarkets, configFromEnvironment, readConfig, VENUE_KINDS, parsePrice, DEFAULTS };
