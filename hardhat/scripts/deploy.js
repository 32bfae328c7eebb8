// Deploys the whole volvault chain side and writes a deployment file.
//
//   npx hardhat run --network localhost scripts/deploy.js
//   INITIAL_PRICE=1850.25 npx hardhat run --network localhost scripts/deploy.js
//
// Environment (all optional):
//   INITIAL_PRICE      first oracle answer and pool price, USD per WETH (default 3000)
//   KEEPER             keeper account (default Hardhat account #1)
//   ORACLE_UPDATER     account allowed to push prices (default Hardhat account #1)
//   FEE_RECIPIENT      receives the vault fees (default the deployer, account #0)
//   HEARTBEAT          seconds after which an oracle answer is stale (default 86400)
//   POOL_BASE_LIQUIDITY  WETH seeded in the pool, quote side at the initial price (default 1000)
//   DEPLOYMENT_FILE    where to write the deployment (default deployments/<network>.json)
//
// Tests call deployAll() directly and get the same contracts without a file.
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");

const { ethers } = hre;

const DEFAULTS = {
  initialPrice: "3000",
  heartbeat: 86400,
  poolBaseLiquidity: "1000",
  poolFeeBps: 30,
  managementFeeBps: 200,
  performanceFeeBps: 1000,
  limits: {
    strikeBandBps: 5000,
    minFloorBps: 5000,
    maxSlippageBps: 100,
    minImpliedVol: ethers.parseUnits("0.01", 18),
    maxImpliedVol: ethers.parseUnits("5", 18),
    maxRoundDuration: 35 * 24 * 3600,
  },
};

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

function parsePositiveInt(name, value) {
  if (!/^\d+$/.test(String(value)) || Number(value) <= 0) {
    throw new Error(`${name} must be a positive whole number, got '${value}'`);
  }
  return Number(value);
}

/**
 * Deploys tokens, oracle, pool (seeded at the oracle price), options and both vaults, and wires the roles.
 * @param {object} options overrides of the defaults and of the environment: initialPrice (string USD),
 *   keeper, oracleUpdater, feeRecipient (addresses), heartbeat (s), poolBaseLiquidity (string WETH),
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
    oracleUpdater: env.ORACLE_UPDATER ? parseAddress("ORACLE_UPDATER", env.ORACLE_UPDATER) : signers[1].address,
    feeRecipient: env.FEE_RECIPIENT ? parseAddress("FEE_RECIPIENT", env.FEE_RECIPIENT) : deployer.address,
    ...options,
  };
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
  // The deployer pushes the first price, then hands the updater role over.
  const oracle = await deploy("PushPriceOracle", 8, "WETH / USD", deployer.address, deployer.address);
  await (await oracle.pushPrice(price)).wait();
  await (await oracle.setUpdater(cfg.oracleUpdater)).wait();

  const pool = await deploy("ConstantProductPool", await weth.getAddress(), await usdc.getAddress(), cfg.poolFeeBps);
  await (await weth.mint(deployer.address, baseLiquidity)).wait();
  await (await usdc.mint(deployer.address, quoteLiquidity)).wait();
  await (await weth.approve(await pool.getAddress(), baseLiquidity)).wait();
  await (await usdc.approve(await pool.getAddress(), quoteLiquidity)).wait();
  const deadline = (await ethers.provider.getBlock("latest")).timestamp + 3600;
  await (await pool.addLiquidity(baseLiquidity, quoteLiquidity, 0, deployer.address, deadline)).wait();

  const optionsMarket = await deploy(
    "Options", await weth.getAddress(), await usdc.getAddress(), await oracle.getAddress(), cfg.heartbeat,
    deployer.address,
  );

  const vaultParams = (name, symbol, asset) => ({
    name,
    symbol,
    asset,
    options: optionsMarket.target,
    pool: pool.target,
    oracle: oracle.target,
    heartbeat: cfg.heartbeat,
    owner: deployer.address,
    keeper: cfg.keeper,
    feeRecipient: cfg.feeRecipient,
    managementFeeBps: cfg.managementFeeBps,
    performanceFeeBps: cfg.performanceFeeBps,
    limits: cfg.limits,
  });
  const callVault = await deploy("OptionVault", vaultParams("volvault WETH covered call", "vvWETH-CC", weth.target));
  const putVault = await deploy("OptionVault", vaultParams("volvault USDC cash-secured put", "vvUSDC-CSP", usdc.target));
  await (await optionsMarket.setWriter(callVault.target, true)).wait();
  await (await optionsMarket.setWriter(putVault.target, true)).wait();

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
      pool: pool.target,
      options: optionsMarket.target,
      callVault: callVault.target,
      putVault: putVault.target,
    },
    roles: {
      owner: deployer.address,
      keeper: cfg.keeper,
      oracleUpdater: cfg.oracleUpdater,
      feeRecipient: cfg.feeRecipient,
      tokenMinter: deployer.address,
    },
    parameters: {
      initialPrice: price.toString(),
      oracleDecimals: 8,
      heartbeatSeconds: cfg.heartbeat,
      poolFeeBps: cfg.poolFeeBps,
      poolBaseLiquidity: baseLiquidity.toString(),
      poolQuoteLiquidity: quoteLiquidity.toString(),
      managementFeeBps: cfg.managementFeeBps,
      performanceFeeBps: cfg.performanceFeeBps,
      keeperLimits: Object.fromEntries(Object.entries(cfg.limits).map(([k, v]) => [k, v.toString()])),
      decimals: { weth: 18, usdc: 6, callVaultShares: 21, putVaultShares: 9 },
    },
  };
  return { weth, usdc, oracle, pool, options: optionsMarket, callVault, putVault, deployment };
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

module.exports = { deployAll, parsePrice };
