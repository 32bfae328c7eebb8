// Replays recorded Chainlink rounds through a push oracle with their real timing: each answer is
// pushed in a block stamped at its recorded update time, shifted by one offset so that the first
// round lands just after the chain's clock (chain time cannot run backwards). Gaps between rounds,
// heartbeat and deviation updates alike, stay what they were on mainnet.
//
//   ORACLE=0x... ROUNDS=../src/data/chainlink/eth_usd_rounds.csv \
//     npx hardhat run --network localhost scripts/replay-oracle.js
//
// ORACLE is a PushPriceOracle whose updater is one of the node's accounts. ROUNDS is a CSV with
// the columns roundId,answer,startedAt,updatedAt,answeredInRound (8-decimal answers, unix seconds),
// oldest first, as in src/data/chainlink/. Local chains only: it sets block timestamps.
const fs = require("fs");
const hre = require("hardhat");

const { ethers } = hre;

/** Reads recorded rounds, checking the header and that update times increase. */
function readRounds(file) {
  const lines = fs.readFileSync(file, "utf8").trim().split("\n");
  const header = "roundId,answer,startedAt,updatedAt,answeredInRound";
  if (lines[0].trim() !== header) throw new Error(`ROUNDS ${file} must start with the header ${header}, got '${lines[0]}'`);
  const rounds = lines.slice(1).map((line, i) => {
    const [roundId, answer, startedAt, updatedAt, answeredInRound] = line.split(",");
    const r = { roundId: BigInt(roundId), answer: BigInt(answer), startedAt: Number(startedAt),
      updatedAt: Number(updatedAt), answeredInRound: BigInt(answeredInRound) };
    if (!(r.answer > 0n) || !(r.updatedAt > 0)) throw new Error(`ROUNDS ${file} line ${i + 2}: answer and updatedAt must be positive, got '${line}'`);
    return r;
  });
  rounds.forEach((r, i) => {
    if (i > 0 && r.updatedAt <= rounds[i - 1].updatedAt) {
      throw new Error(`ROUNDS ${file} line ${i + 2}: updatedAt ${r.updatedAt} is not after the previous round's`);
    }
  });
  return rounds;
}

/**
 * Pushes `rounds` through `oracle` as `updater`, each in a block at updatedAt + offset, where the
 * offset puts the first round `lead` seconds after the latest block. Stops before the first round
 * later than `until` (a recorded time). Returns the offset and how many rounds it pushed.
 */
async function replayRounds(oracle, updater, rounds, { lead = 1, until = Infinity } = {}) {
  const now = (await ethers.provider.getBlock("latest")).timestamp;
  const offset = now + lead - rounds[0].updatedAt;
  let pushed = 0;
  for (const r of rounds) {
    if (r.updatedAt > until) break;
    await ethers.provider.send("evm_setNextBlockTimestamp", [r.updatedAt + offset]);
    await (await oracle.connect(updater).pushPrice(r.answer)).wait();
    pushed++;
  }
  return { offset, pushed };
}

async function main() {
  const oracle = await ethers.getContractAt("PushPriceOracle", process.env.ORACLE ?? "");
  const rounds = readRounds(process.env.ROUNDS ?? "");
  const updaterAddress = await oracle.updater();
  const updater = (await ethers.getSigners()).find((s) => s.address === updaterAddress);
  if (!updater) throw new Error(`the oracle's updater ${updaterAddress} is not an account of this node`);
  const { offset, pushed } = await replayRounds(oracle, updater, rounds);
  console.log(`replayed ${pushed} rounds through ${oracle.target}, shifted by ${offset} s`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exitCode = 1;
  });
}

module.exports = { readRounds, replayRounds };
