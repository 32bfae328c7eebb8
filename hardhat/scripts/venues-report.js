// Per-venue quotes and the gas of a one-leg rebalance through each venue, at several order sizes:
// our 0.3 % constant-product pool of 1,000 WETH and a Uniswap v3 pool (UNISWAP_FEE, default 500) of
// UNISWAP_BASE_LIQUIDITY WETH (default 1000, full range), both at 3,000 USD.
//
//   npx hardhat run scripts/venues-report.js
//   UNISWAP_FEE=3000 UNISWAP_BASE_LIQUIDITY=50 npx hardhat run scripts/venues-report.js
const hre = require("hardhat");
const { deployAll } = require("./deploy");

const { ethers } = hre;

async function main() {
  const [, keeper, alice] = await ethers.getSigners();
  const fee = Number(process.env.UNISWAP_FEE ?? 500);
  const d = await deployAll({ initialPrice: "3000", managementFeeBps: 0, performanceFeeBps: 0, uniswapFee: fee,
    uniswapBaseLiquidity: process.env.UNISWAP_BASE_LIQUIDITY ?? "1000" });
  const WETH = (x) => ethers.parseUnits(String(x), 18);
  await d.weth.mint(alice.address, WETH(1000));
  await d.weth.connect(alice).approve(d.callVault.target, ethers.MaxUint256);
  await d.callVault.connect(alice).requestDeposit(WETH(1000), alice.address, alice.address);
  await d.callVault.connect(keeper).closeRound(0);
  const venues = [["ConstantProductPool 0.30 %", d.pool], [`UniswapV3Venue ${fee / 10000} %`, d.uniswap.venue]];
  console.log("size WETH | venue | USDC out | cost vs oracle (bps) | rebalance gas");
  for (const size of [1, 10, 100]) {
    for (const [name, venue] of venues) {
      const snapshot = await ethers.provider.send("evm_snapshot", []);
      const out = await venue.getAmountOut.staticCall(d.weth.target, WETH(size));
      const oracle = BigInt(size) * 3000n * 10n ** 6n;
      const costBps = Number(((oracle - out) * 1_000_000n) / oracle) / 100;
      let gas;
      try {
        gas = (await (await d.callVault.connect(keeper).rebalance(true, [[venue.target, WETH(size), out]])).wait()).gasUsed;
      } catch (e) {
        gas = "refused: beyond the vault's oracle slippage bound";
      }
      console.log(`${size} | ${name} | ${ethers.formatUnits(out, 6)} | ${costBps.toFixed(2)} | ${gas}`);
      await ethers.provider.send("evm_revert", [snapshot]);
    }
  }
  // one rebalance of two legs against the two one-leg ones: what a second leg adds
  const legs = [];
  for (const [, venue] of venues) legs.push([venue.target, WETH("0.5"), await venue.getAmountOut.staticCall(d.weth.target, WETH("0.5"))]);
  const gasOf = async (l) => {
    const snapshot = await ethers.provider.send("evm_snapshot", []);
    const gas = (await (await d.callVault.connect(keeper).rebalance(true, l)).wait()).gasUsed;
    await ethers.provider.send("evm_revert", [snapshot]);
    return gas;
  };
  const [pool, uni, both] = [await gasOf([legs[0]]), await gasOf([legs[1]]), await gasOf(legs)];
  console.log(`0.5 + 0.5 | both venues in one rebalance | gas ${both} (pool alone ${pool}, Uniswap alone ${uni}: `
    + `shared overhead ${pool + uni - both})`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
