// Uniswap v3 on any chain from the compiled artifacts the npm packages ship (@uniswap/v3-core 1.0.1,
// @uniswap/v3-periphery 1.4.4): nothing is compiled here, and the periphery's pool init-code hash matches
// the core artifact's pool, so pool addresses compute as on mainnet.
//
//   const uni = await deployUniswapV3(signer, wethAddress);            // factory, SwapRouter, NFT positions, QuoterV2
//   const uni = await connectUniswapV3(signer, wethAddress, { factory, quoterV2 });   // existing ones, the rest deployed
//   const pool = await createPool(uni, base, quote, 500, price8);      // created and initialized at the oracle price
//   await addLiquidity(uni, pool, baseAmount, quoteAmount, { rangeBps: 1000 });   // +-10 % around the price
// deploy.js (VENUE_KINDS["uniswap-v3"]) does all of the above per market and adds our UniswapV3Venue adapter.
const { ethers } = require("ethers");

const ARTIFACTS = {
  factory: "@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json",
  pool: "@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json",
  router: "@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json",
  positionManager: "@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json",
  quoter: "@uniswap/v3-periphery/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json",
};

/** Tick spacing of each fee tier the factory enables at deployment (fee in hundredths of a bp). */
const TICK_SPACING = { 500: 10, 3000: 60, 10000: 200 };
const MIN_TICK = -887272;
const MAX_TICK = 887272;
const Q96 = 2n ** 96n;

async function deployArtifact(name, signer, ...args) {
  const { abi, bytecode } = require(ARTIFACTS[name]);
  const contract = await new ethers.ContractFactory(abi, bytecode, signer).deploy(...args);
  await contract.waitForDeployment();
  return contract;
}

/**
 * Deploys UniswapV3Factory, SwapRouter(factory, weth), NonfungiblePositionManager(factory, weth, no
 * token descriptor) and QuoterV2(factory, weth). `weth` only matters for ETH-wrapping paths we never use.
 */
async function deployUniswapV3(signer, weth) {
  const factory = await deployArtifact("factory", signer);
  const router = await deployArtifact("router", signer, factory.target, weth);
  const positionManager = await deployArtifact("positionManager", signer, factory.target, weth, ethers.ZeroAddress);
  const quoter = await deployArtifact("quoter", signer, factory.target, weth);
  return { signer, factory, router, positionManager, quoter };
}

/**
 * Uniswap v3 from contracts already on the chain (`addresses`: `factory`, and optionally `swapRouter`,
 * `positionManager`, `quoterV2`, as a Sepolia user has them): each given address is attached, each missing
 * periphery contract is deployed from its artifact against that factory. Same shape as deployUniswapV3.
 */
async function connectUniswapV3(signer, weth, addresses) {
  const attach = (name, address) => new ethers.Contract(address, require(ARTIFACTS[name]).abi, signer);
  const factory = attach("factory", addresses.factory);
  const router = addresses.swapRouter ? attach("router", addresses.swapRouter)
    : await deployArtifact("router", signer, factory.target, weth);
  const positionManager = addresses.positionManager ? attach("positionManager", addresses.positionManager)
    : await deployArtifact("positionManager", signer, factory.target, weth, ethers.ZeroAddress);
  const quoter = addresses.quoterV2 ? attach("quoter", addresses.quoterV2)
    : await deployArtifact("quoter", signer, factory.target, weth);
  return { signer, factory, router, positionManager, quoter };
}

/** Integer square root (floor) of a non-negative BigInt. */
function sqrtBig(n) {
  if (n < 0n) throw new Error(`sqrt of a negative number ${n}`);
  if (n < 2n) return n;
  // Newton's method from above the root decreases to floor(sqrt(n)); the float estimate, raised, starts it there
  let x = BigInt(Math.ceil(Math.sqrt(Number(n)) * (1 + 1e-9))) + 1n;
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * The pool's token order and its Q64.96 price for `price8` (USD per base token, 8 decimals):
 * sqrtPriceX96 = sqrt(raw token1 per raw token0) x 2^96, token0 the lower address.
 */
function poolPrice(base, quote, price8) {
  const { address: b, decimals: bd } = base;
  const { address: q, decimals: qd } = quote;
  // raw quote per raw base = price8 / 1e8 * 10^qd / 10^bd, as a fraction num / den
  let num = BigInt(price8) * 10n ** BigInt(qd);
  let den = 10n ** 8n * 10n ** BigInt(bd);
  const baseIsToken0 = BigInt(b) < BigInt(q);
  if (!baseIsToken0) [num, den] = [den, num];
  const sqrtPriceX96 = sqrtBig((num * Q96 * Q96) / den);
  return { baseIsToken0, token0: baseIsToken0 ? b : q, token1: baseIsToken0 ? q : b, sqrtPriceX96 };
}

/**
 * Creates the base/quote pool at `fee` and initializes it at `price8` (USD per base, 8 decimals).
 * `base` and `quote` are { address, decimals }. Returns the pool (ethers Contract) with its facts.
 */
async function createPool(uni, base, quote, fee, price8) {
  if (!(fee in TICK_SPACING)) throw new Error(`fee must be one of ${Object.keys(TICK_SPACING).join(", ")}, got ${fee}`);
  const p = poolPrice(base, quote, price8);
  await (await uni.positionManager.createAndInitializePoolIfNecessary(p.token0, p.token1, fee, p.sqrtPriceX96)).wait();
  const address = await uni.factory.getPool(p.token0, p.token1, fee);
  const pool = new ethers.Contract(address, require(ARTIFACTS.pool).abi, uni.signer);
  return { pool, address, fee, tickSpacing: TICK_SPACING[fee], base, quote, ...p };
}

/** The pool's ticks `rangeBps` either side of its current price, on its tick spacing; full range without one. */
async function rangeTicks(pool, rangeBps) {
  const s = pool.tickSpacing;
  if (rangeBps === undefined) return [Math.ceil(MIN_TICK / s) * s, Math.floor(MAX_TICK / s) * s];
  if (!(rangeBps > 0 && rangeBps < 10000)) throw new Error(`rangeBps must be in 1..9999, got ${rangeBps}`);
  const { tick } = await pool.pool.slot0();
  // price x (1 +- r) is tick + log(1 +- r) / log(1.0001), whichever token is token0
  const up = Math.log(1 + rangeBps / 10000) / Math.log(1.0001);
  const down = Math.log(1 - rangeBps / 10000) / Math.log(1.0001);
  const lower = Math.floor((Number(tick) + Math.min(down, -up)) / s) * s;
  const upper = Math.ceil((Number(tick) + Math.max(up, -down)) / s) * s;
  return [lower, upper];
}

/**
 * Mints a position of up to `baseAmount` and `quoteAmount` (raw units, pulled from the signer, who must
 * hold them) in the range `rangeBps` around the price (full range without it). Returns the position's
 * token id, liquidity and the amounts it took.
 */
async function addLiquidity(uni, pool, baseAmount, quoteAmount, { rangeBps, recipient } = {}) {
  const [tickLower, tickUpper] = await rangeTicks(pool, rangeBps);
  const token = (address) => new ethers.Contract(address, ["function approve(address,uint256) returns (bool)"], uni.signer);
  await (await token(pool.base.address).approve(uni.positionManager.target, baseAmount)).wait();
  await (await token(pool.quote.address).approve(uni.positionManager.target, quoteAmount)).wait();
  const [amount0Desired, amount1Desired] = pool.baseIsToken0 ? [baseAmount, quoteAmount] : [quoteAmount, baseAmount];
  const block = await uni.signer.provider.getBlock("latest");
  const params = {
    token0: pool.token0, token1: pool.token1, fee: pool.fee, tickLower, tickUpper,
    amount0Desired, amount1Desired, amount0Min: 0, amount1Min: 0,
    recipient: recipient ?? (await uni.signer.getAddress()), deadline: block.timestamp + 3600,
  };
  const minted = await uni.positionManager.mint.staticCall(params);
  await (await uni.positionManager.mint(params)).wait();
  return { tokenId: minted.tokenId, liquidity: minted.liquidity, amount0: minted.amount0, amount1: minted.amount1, tickLower, tickUpper };
}

module.exports = { deployUniswapV3, connectUniswapV3, createPool, addLiquidity, poolPrice, sqrtBig, TICK_SPACING };
