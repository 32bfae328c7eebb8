// Real Chainlink ETH/USD and BTC/USD mainnet rounds (src/data/chainlink/, 2023) replayed through the
// push oracle with their real timing: the vault's staleness rule meets the feeds' real gaps.
const path = require("path");
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const { deployMarkets } = require("../scripts/deploy");
const { readRounds, replayRounds } = require("../scripts/replay-oracle");
const { DAY } = require("./helpers");

const DATA = path.join(__dirname, "..", "..", "src", "data", "chainlink");
// Chainlink's ETH/USD and BTC/USD feeds update on a 1-hour heartbeat (or a 0.5 % deviation).
const HEARTBEAT = 3600;

async function replayMarket(file, symbol) {
  const rounds = readRounds(path.join(DATA, file));
  const signers = await ethers.getSigners();
  const updater = signers[7];
  const { markets } = await deployMarkets({
    roles: { keeper: signers[1].address, oracleUpdater: updater.address, volUpdater: signers[8].address },
    markets: [{
      name: `${symbol}/USDC`, base: { symbol, decimals: symbol === "WBTC" ? 8 : 18 }, quote: { symbol: "USDC", decimals: 6 },
      oracle: { kind: "push", initialPrice: ethers.formatUnits(rounds[0].answer, 8), heartbeat: HEARTBEAT },
      volFeed: { heartbeat: 30 * DAY },
      venues: [{ kind: "constant-product", baseLiquidity: "1" }], vaults: ["covered-call"],
    }],
  });
  return { rounds, updater, oracle: markets[0].oracle.contract, vault: markets[0].vaults["covered-call"] };
}

/** The largest gap between consecutive recorded updates: [index of the round after it, seconds]. */
function largestGap(rounds) {
  let best = [1, 0];
  for (let i = 1; i < rounds.length; i++) {
    const gap = rounds[i].updatedAt - rounds[i - 1].updatedAt;
    if (gap > best[1]) best = [i, gap];
  }
  return best;
}

describe("real Chainlink rounds through the push oracle", function () {
  for (const [file, symbol] of [["eth_usd_rounds.csv", "WETH"], ["btc_usd_rounds.csv", "WBTC"]]) {
    it(`${file}: answers and times as recorded, and the longest real gap trips the ${HEARTBEAT} s staleness rule`, async function () {
      const { rounds, updater, oracle, vault } = await replayMarket(file, symbol);
      const [after, gap] = largestGap(rounds);
      // the recorded feed's longest silence: 3,720 s (62 minutes) in both weeks, past its 1-hour heartbeat
      expect(gap).to.equal(3720);
      const { offset, pushed } = await replayRounds(oracle, updater, rounds, { until: rounds[after - 1].updatedAt });
      expect(pushed).to.equal(after);
      // every pushed answer carries the recorded answer, and the recorded spacing
      const latest = await oracle.latestRound();
      for (const back of [0n, 1n, 5n]) {
        const r = rounds[after - 1 - Number(back)];
        const [, answer, , updatedAt] = await oracle.getRoundData(latest - back);
        expect(answer).to.equal(r.answer);
        expect(Number(updatedAt)).to.equal(r.updatedAt + offset);
      }
      const last = rounds[after - 1].updatedAt + offset;
      const strike = (rounds[after - 1].answer * 11n) / 10n;
      // one heartbeat after the last answer the vault still prices ...
      await time.increaseTo(last + HEARTBEAT);
      await vault.modelPremium(strike, last + 7 * DAY);
      // ... one second later the answer is stale, inside the real gap
      await time.increaseTo(last + HEARTBEAT + 1);
      await expect(vault.modelPremium(strike, last + 7 * DAY))
        .to.be.revertedWithCustomError(vault, "OracleStaleAnswer").withArgs(last, HEARTBEAT, last + HEARTBEAT + 1);
      // the feed's next real round ends the gap
      await replayRounds(oracle, updater, rounds.slice(after, after + 1), { lead: rounds[after].updatedAt + offset - (await time.latest()) });
      expect((await oracle.latestRoundData())[3]).to.equal(BigInt(rounds[after].updatedAt + offset));
      await vault.modelPremium(strike, last + 7 * DAY);
    });
  }

  it("refuses a rounds file out of order or without its header", async function () {
    const fs = require("fs");
    const os = require("os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rounds-"));
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "roundId,answer,startedAt,updatedAt,answeredInRound\n1,100,20,20,1\n2,101,10,10,2\n");
    expect(() => readRounds(bad)).to.throw("line 3: updatedAt 10 is not after the previous round's");
    fs.writeFileSync(bad, "round,answer\n1,100\n");
    expect(() => readRounds(bad)).to.throw("must start with the header");
  });
});
