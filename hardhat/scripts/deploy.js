// Deploys the whole volvault chain side and writes a deployment file.
//
//   npx hardhat run --network localhost scripts/deploy.js
//   INITIAL_PRICE=1850.25 npx hardhat run --network localhost scripts/deploy.js
//
// Environment (all optional):
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
//   DEPLOYMENT_FILE    where to write the deployment (default deployments/<network>.json)
//
// Tests call deployAll() directly and get the same contracts without a file.
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");

const { ethers } = hre;
const { deployUniswapVenue } = require("./lib/uniswap");

const DEFAULTS = {
  initialPrice: "3000",
  heartbeat: 86400,
  poolBaseLiquidity: "1000",
  poolFeeBps: 30,
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
        throw new Error(`${names[i]} and ${names[j]} are the same account ${roles[names[i]]}: `
          + "use separate keys, or set ALLOW_SHARED_KEYS=1 to accept the risk");
      }
    }
  }
}

/** Parses a decimal USD price ("3000", "1850.25") into the oracle's 8 decimals, refusing junk. */
function parsePrice(text) {
  if (!/^\d+(\.\d{1,8})?$/.test(String(text)) || Number(text) <= 0) {
    throw new Error(`INITIAL_PRICE must be a positive decimal number of USD with at most 8 decimals, got '${text}'`);
  }
  return ethers.parseUnits(String(text), 8);
}

function parseAddress(name, value) {
  if (!ethers.isAddress(value)) throw new Error(`${name} must be an address, got '${value}'`);
  return ethers.getAddress(value);
}

function parseWholeNumber(name, value) {
  if (!/^\d+$/.test(String(value))) throw new Error(`${name} must be a whole number, got '${value}'`);
  return Number(value);
}

/** Parses a vol as a fraction a year ("0.8" = 80 %) into 18 decimals, refusing junk. */
function parseVol(text) {
  if (!/^\d+(\.\d{1,18})?$/.test(String(text)) || Number(text) <= 0) {
    throw new Error(`INITIAL_VOL must be a positive fraction a year such as 0.8, got '${text}'`);
  }
  return ethers.parseUnits(String(text), 18);
}

function parsePositiveInt(name, value) {
  if (!/^\d+$/.test(String(value)) || Number(value) <= 0) {
    throw new Error(`${name} must be a positive whole number, got '${value}'`);
  }
  return Number(value);
}

/**
 * Deploys tokens, oracle, pool (seeded at the oracle price), options and both vaults, and wires the roles.
 * @param {object} options overrides of the defaults and of the environment: initialPrice (string USD),
 *   keeper, oracleUpdater, volUpdater, guardian, feeRecipient (addresses), allowSharedKeys (bool), heartbeat (s), poolBaseLiquidity (string WETH),
 *   managementFeeBps, performanceFeeBps, limits
 * @returns the contracts (ethers Contract objects) and a JSON-ready deployment record
 */
async function deployAll(options = {}) {
  const signers = await ethers.getSigners();
  const deployer = signers[0];
  const env = process.env;
  const cfg = {
    ...DEFAULTS,
    initialPrice: env.INITIAL_PRICE ?? DEFAULTS.initialPrice,
    heartbeat: env.HEARTBEAT ? parsePositiveInt("HEARTBEAT", env.HEARTBEAT) : DEFAULTS.heartbeat,
    poolBaseLiquidity: env.POOL_BASE_LIQUIDITY ?? DEFAULTS.poolBaseLiquidity,
    keeper: env.KEEPER ? parseAddress("KEEPER", env.KEEPER) : signers[1].address,
    oracleUpdater: env.ORACLE_UPDATER ? parseAddress("ORACLE_UPDATER", env.ORACLE_UPDATER) : signers[2].address,
    volUpdater: env.VOL_UPDATER ? parseAddress("VOL_UPDATER", env.VOL_UPDATER) : signers[8].address,
    guardian: env.GUARDIAN ? parseAddress("GUARDIAN", env.GUARDIAN) : deployer.address,
    feeRecipient: env.FEE_RECIPIENT ? parseAddress("FEE_RECIPIENT", env.FEE_RECIPIENT) : deployer.address,
    managementFeeBps: env.MANAGEMENT_FEE_BPS !== undefined
      ? parseWholeNumber("MANAGEMENT_FEE_BPS", env.MANAGEMENT_FEE_BPS) : DEFAULTS.managementFeeBps,
    performanceFeeBps: env.PERFORMANCE_FEE_BPS !== undefined
      ? parseWholeNumber("PERFORMANCE_FEE_BPS", env.PERFORMANCE_FEE_BPS) : DEFAULTS.performanceFeeBps,
    initialVol: env.INITIAL_VOL ?? DEFAULTS.initialVol,
    volHeartbeat: env.VOL_HEARTBEAT ? parsePositiveInt("VOL_HEARTBEAT", env.VOL_HEARTBEAT) : DEFAULTS.volHeartbeat,
    timelockDelay: env.TIMELOCK_DELAY ? parsePositiveInt("TIMELOCK_DELAY", env.TIMELOCK_DELAY) : DEFAULTS.timelockDelay,
    allowSharedKeys: env.ALLOW_SHARED_KEYS === "1",
    uniswapFee: env.UNISWAP_FEE ? parsePositiveInt("UNISWAP_FEE", env.UNISWAP_FEE) : undefined,
    uniswapBaseLiquidity: env.UNISWAP_BASE_LIQUIDITY ?? "1000",
    uniswapRangeBps: env.UNISWAP_RANGE_BPS ? parsePositiveInt("UNISWAP_RANGE_BPS", env.UNISWAP_RANGE_BPS) : undefined,
    ...options,
  };
  checkSeparateKeys(cfg);
  const initialVol = parseVol(cfg.initialVol);
  const price = parsePrice(cfg.initialPrice);
  const baseLiquidity = ethers.parseUnits(String(cfg.poolBaseLiquidity), 18);
  const quoteLiquidity = (baseLiquidity * price) / 10n ** 20n; // 18-dec WETH x 8-dec price -> 6-dec USDC

  const deploy = async (name, ...args) => {
    const contract = await ethers.deployContract(name, args, deployer);
    await contract.waitForDeployment();
    return contract;
  };

  const weth = await deploy("TestToken", "Wrapped Ether (test)", "WETH", 18, deployer.address);
  const usdc = await deploy("TestToken", "USD Coin (test)", "USDC", 6, deployer.address);
  const oracle = await deploy("PushPriceOracle", 8, "WETH / USD", deployer.address, cfg.oracleUpdater, price,
    cfg.timelockDelay);
  const volFeed = await deploy("VolFeed", deployer.address, cfg.volUpdater, initialVol, cfg.volMaxChangeBps,
    cfg.volMinInterval, cfg.timelockDelay);

  const pool = await deploy("ConstantProductPool", await weth.getAddress(), await usdc.getAddress(), cfg.poolFeeBps);
  await (await weth.mint(deployer.address, baseLiquidity)).wait();
  await (await usdc.mint(deployer.address, quoteLiquidity)).wait();
  await (await weth.approve(await pool.getAddress(), baseLiquidity)).wait();
  await (await usdc.approve(await pool.getAddress(), quoteLiquidity)).wait();
  const deadline = (await ethers.provider.getBlock("latest")).timestamp + 3600;
  await (await pool.addLiquidity(baseLiquidity, quoteLiquidity, 0, deployer.address, deadline)).wait();
  const uniswap = cfg.uniswapFee === undefined ? null : await deployUniswapVenue(hre, deployer, {
    weth, usdc, price8: price, fee: cfg.uniswapFee, rangeBps: cfg.uniswapRangeBps,
    baseLiquidity: ethers.parseUnits(String(cfg.uniswapBaseLiquidity), 18),
  });
  const venues = await deploy("VenueRegistry", deployer.address, cfg.timelockDelay, weth.target, usdc.target,
    uniswap ? [pool.target, uniswap.venue.target] : [pool.target]);

  const rollChecks = await deploy("RollChecks");
  const requestLib = await deploy("RequestLib");
  // Options lists the two vaults as writers from the start: their addresses follow from the nonce.
  const nonce = await deployer.getNonce();
  const callVaultAddress = ethers.getCreateAddress({ from: deployer.address, nonce: nonce + 1 });
  const putVaultAddress = ethers.getCreateAddress({ from: deployer.address, nonce: nonce + 2 });
  const optionsMarket = await deploy(
    "Options", await weth.getAddress(), await usdc.getAddress(), await oracle.getAddress(),
    deployer.address, [callVaultAddress, putVaultAddress], cfg.timelockDelay,
  );

  const vaultParams = (name, symbol, asset) => ({
    name,
    symbol,
    asset,
    options: optionsMarket.target,
    venues: venues.target,
    oracle: oracle.target,
    volFeed: volFeed.target,
    heartbeat: cfg.heartbeat,
    volHeartbeat: cfg.volHeartbeat,
    owner: deployer.address,
    timelockDelay: cfg.timelockDelay,
    roles: {
      keeper: cfg.keeper,
      guardian: cfg.guardian,
      feeRecipient: cfg.feeRecipient,
      managementFeeBps: cfg.managementFeeBps,
      performanceFeeBps: cfg.performanceFeeBps,
    },
    limits: cfg.limits,
  });
  const deployVault = async (params) => {
    const vault = await ethers.deployContract("OptionVault", [params],
      { signer: deployer, libraries: { RollChecks: rollChecks.target, RequestLib: requestLib.target } });
    await vault.waitForDeployment();
    return vault;
  };
  const callVault = await deployVault(vaultParams("volvault WETH covered call", "vvWETH-CC", weth.target));
  const putVault = await deployVault(vaultParams("volvault USDC cash-secured put", "vvUSDC-CSP", usdc.target));
  if (callVault.target !== callVaultAddress || putVault.target !== putVaultAddress) {
    throw new Error(`vaults deployed at ${callVault.target}, ${putVault.target}, not at the writers Options lists`);
  }

  const keeperLog = await deployKeeperLog(deployer);

  const network = await ethers.provider.getNetwork();
  const block = await ethers.provider.getBlock("latest");
  const deployment = {
    network: hre.network.name,
    chainId: Number(network.chainId),
    blockNumber: block.number,
    deployedAt: block.timestamp,
    contracts: {
      weth: weth.target,
      usdc: usdc.target,
      oracle: oracle.target,
      volFeed: volFeed.target,
      rollChecks: rollChecks.target,
      requestLib: requestLib.target,
      pool: pool.target,
      venues: venues.target,
      ...uniswap?.record.contracts,
      options: optionsMarket.target,
      callVault: callVault.target,
      putVault: putVault.target,
      keeperLog: keeperLog.target,
    },
    roles: {
      owner: deployer.address,
      keeper: cfg.keeper,
      oracleUpdater: cfg.oracleUpdater,
      volUpdater: cfg.volUpdater,
      guardian: cfg.guardian,
      feeRecipient: cfg.feeRecipient,
      tokenMinter: deployer.address,
    },
    parameters: {
      initialPrice: price.toString(),
      oracleDecimals: 8,
      heartbeatSeconds: cfg.heartbeat,
      initialVol: initialVol.toString(),
      volHeartbeatSeconds: cfg.volHeartbeat,
      volMaxChangeBps: cfg.volMaxChangeBps,
      volMinIntervalSeconds: cfg.volMinInterval,
      timelockDelaySeconds: cfg.timelockDelay,
      poolFeeBps: cfg.poolFeeBps,
      poolBaseLiquidity: baseLiquidity.toString(),
      poolQuoteLiquidity: quoteLiquidity.toString(),
      managementFeeBps: cfg.managementFeeBps,
      performanceFeeBps: cfg.performanceFeeBps,
      keeperLimits: Object.fromEntries(Object.entries(cfg.limits).map(([k, v]) => [k, v.toString()])),
      decimals: { weth: 18, usdc: 6, callVaultShares: 21, putVaultShares: 9 },
      ...uniswap?.record.parameters,
    },
  };
  return { weth, usdc, oracle, volFeed, rollChecks, requestLib, pool, venues, uniswap, options: optionsMarket, callVault,
    putVault, keeperLog, deployment };
}

/** The keeper's proof-of-backtest notebook (KeeperLog.sol): separate from the vaults, no roles. */
async function deployKeeperLog(deployer) {
  const keeperLog = await ethers.deployContract("KeeperLog", [], deployer);
  await keeperLog.waitForDeployment();
  return keeperLog;
}

async function main() {
  const { deployment } = await deployAll();
  const file = process.env.DEPLOYMENT_FILE || path.join(__dirname, "..", "deployments", `${hre.network.name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(deployment, null, 2) + "\n");
  console.log(`deployed to chain ${deployment.chainId} at block ${deployment.blockNumber}; wrote ${file}`);
  for (const [name, address] of Object.entries(deployment.contracts)) console.log(`  ${name.padEnd(10)} ${address}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exitCode = 1;
  });
}

module.exports = { deployAll, parsePrice, DEFAULTS };
