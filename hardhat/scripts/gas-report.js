// Gas of the vault's user and keeper actions, measured in one run next to OpenZeppelin's plain
// ERC-4626 deposit (the peer), on the in-process Hardhat network.
//
//   npx hardhat run scripts/gas-report.js      (prints the table)
//   npx hardhat test test/gas.test.js          (prints it and checks the targets)
const hre = require("hardhat");
const { deployAll } = require("./deploy");

const { ethers } = hre;
const WETH = (x) => ethers.parseUnits(String(x), 18);
const USD = (x) => ethers.parseUnits(String(x), 8);
const DAY = 24 * 3600;
const PEER_FIRST = "OZ ERC4626 deposit, first into the empty vault (peer)";
const PEER_NEXT = "OZ ERC4626 deposit, a second depositor's (peer)";

async function gasOf(txPromise) {
  const receipt = await (await txPromise).wait();
  return receipt.gasUsed;
}

async function latest() {
  return (await ethers.provider.getBlock("latest")).timestamp;
}

async function increaseTo(t) {
  await ethers.provider.send("evm_setNextBlockTimestamp", [t]);
  await ethers.provider.send("evm_mine", []);
}

/**
 * Runs one realistic sequence and returns [{ action, gas }]: every vault action is measured in the
 * state it normally meets (a depositor's first request into a vault that already has requests, a
 * roll that settles a round whose options sold and processes both queues, and so on).
 */
async function measureGas() {
  const [, keeper, alice, bob, carol, buyer, , updater, volUpdater] = await ethers.getSigners();
  const d = await deployAll({ initialPrice: "3000", oracleUpdater: updater.address, volUpdater: volUpdater.address });
  const { weth, callVault: vault, options, oracle, volFeed } = d;
  const plain = await ethers.deployContract("PlainERC4626", [weth.target]);
  for (const user of [alice, bob, carol, buyer]) {
    await weth.mint(user.address, WETH(100));
    await weth.connect(user).approve(vault.target, ethers.MaxUint256);
    await weth.connect(user).approve(plain.target, ethers.MaxUint256);
  }
  const rows = [];
  const record = async (action, txPromise) => rows.push({ action, gas: await gasOf(txPromise) });

  // peer: OZ ERC-4626 deposit, the first into the empty vault and a second depositor's
  await record(PEER_FIRST, plain.connect(alice).deposit(WETH(10), alice.address));
  await record(PEER_NEXT, plain.connect(bob).deposit(WETH(10), bob.address));

  // the same two situations for the vault's deposit request
  await record("deposit: first request into the empty vault", vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address));
  await record("deposit: a second depositor's request", vault.connect(bob).requestDeposit(WETH(10), bob.address, bob.address));

  const rollParams = async (size, strike = USD(3300)) => ({
    strike,
    expiry: (await latest()) + 7 * DAY,
    size,
    startPremium: WETH("0.02"),
    floorPremium: WETH("0.012"), // the model price of this call at 80 % vol is 0.0125 WETH; the floor is >= 90 % of it
    auctionDuration: 3600,
  });
  await vault.connect(keeper).roll(await rollParams(WETH(20)), 0);
  await record("claim shares (deposit)", vault.connect(alice)["deposit(uint256,address)"](WETH(10), alice.address));
  await vault.connect(bob)["deposit(uint256,address)"](WETH(10), bob.address);

  await record("auction fill (buyOptions)", vault.connect(buyer).buyOptions(WETH(15), WETH(1)));
  await vault.connect(carol).requestDeposit(WETH(5), carol.address, carol.address);
  await record("withdrawal request (requestRedeem)",
    vault.connect(alice).requestRedeem(await vault.balanceOf(alice.address) / 2n, alice.address, alice.address));

  const expiry = Number((await vault.liveRound()).expiry);
  await increaseTo(expiry + 1);
  await oracle.connect(updater).pushPrice(USD(3450));
  await volFeed.connect(volUpdater).pushVol(ethers.parseUnits("0.8", 18));
  await record("roll (settle + start auction)", vault.connect(keeper).roll(await rollParams(WETH(15), USD(3800)), 0));
  await record("claim assets (redeem)",
    vault.connect(alice).redeem(await vault.maxRedeem(alice.address), alice.address, alice.address));
  await record("option claim (Options.claim)", options.connect(buyer).claim(1, WETH(15), buyer.address));
  // the pool still trades near 3000: bring the oracle back there so the slippage bound can be met
  await oracle.connect(updater).pushPrice(USD(3000));
  await record("rebalance swap (WETH -> USDC)", vault.connect(keeper).rebalance(true, [[d.pool.target, WETH(1), 2_970_000_000n]]));

  // the pricing library alone: gas of one price + delta + vega, measured inside the call, for an
  // at-the-money 7-day option and a 1-hour 2x-strike one (the deep tail takes the continued fraction)
  const harness = await ethers.deployContract("BlackScholesHarness");
  const wad = (x) => ethers.parseUnits(String(x), 18);
  const [atm] = await harness.gasPerPrice(true, wad(3000), wad(3000), (wad(1) * 7n) / 365n, wad("0.8"));
  rows.push({ action: "Black-Scholes price + delta + vega (library, ATM 7 d)", gas: atm });
  const [tail] = await harness.gasPerPrice(true, wad(3000), wad(6000), wad(1) / 8760n, wad("0.1"));
  rows.push({ action: "Black-Scholes price + delta + vega (library, 2x strike 1 h)", gas: tail });
  return rows;
}

/** The table, with each action's ratio to both OZ deposits measured in the same run. */
function formatTable(rows) {
  const first = Number(rows.find((r) => r.action === PEER_FIRST).gas);
  const next = Number(rows.find((r) => r.action === PEER_NEXT).gas);
  const lines = [
    "| action | gas | vs OZ first deposit | vs OZ second deposit |",
    "|---|---:|---:|---:|",
  ];
  for (const { action, gas } of rows) {
    const g = Number(gas);
    lines.push(`| ${action} | ${g.toLocaleString("en-US")} | ${(g / first).toFixed(2)}x | ${(g / next).toFixed(2)}x |`);
  }
  return lines.join("\n");
}

async function main() {
  console.log(formatTable(await measureGas()));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

module.exports = { measureGas, formatTable, PEER_FIRST, PEER_NEXT };
