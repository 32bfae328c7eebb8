// Hardhat configuration for the volvault contracts.
//
// The machine that builds this project cannot download compilers, so the compiler is the
// JavaScript build of solc pinned in package.json (npm `solc`), wired in by overriding the subtask
// that would otherwise fetch a native solc binary.
require("@nomicfoundation/hardhat-chai-matchers");
require("@nomicfoundation/hardhat-ethers");
// `npx hardhat coverage` (scripts/strength): line and branch coverage of the contracts.
require("solidity-coverage");
// solidity-coverage 0.8.17 loses a hit when the via-IR optimizer pushes an instrumentation hash
// right-padded to 32 bytes and the hash starts with a zero byte (the edge case sc-forks/
// solidity-coverage#854 leaves open): the word's hex drops its leading zeros and matches nothing.
// A hash derives from the file's absolute path, so which branch went missing depended on where the
// repository was checked out. Read the word at its full 32 bytes before giving up on it.
const CoverageCollector = require("solidity-coverage/lib/collector");
const normalizeHash = CoverageCollector.prototype._normalizeHash;
CoverageCollector.prototype._normalizeHash = function (hash) {
  const normalized = normalizeHash.call(this, hash);
  if (!this.viaIR || this.instrumentationData[normalized]) return normalized;
  return "0x" + hash.slice(2).padStart(64, "0").slice(0, 16);
};
const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");

const SOLC_VERSION = require("solc/package.json").version;

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) {
    return runSuper();
  }
  const solc = require("solc");
  return {
    compilerPath: require.resolve("solc/soljson.js"),
    isSolcJs: true,
    version: args.solcVersion,
    longVersion: solc.version(),
  };
});

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      // via-IR: the vault stays under the EIP-170 limit with room to spare (see test/size.test.js)
      viaIR: true,
      evmVersion: "cancun",
    },
  },
  paths: {
    // Hardhat 2 only compiles files under its root: `contracts` is a symlink to ../vault-contracts.
    sources: "./contracts",
    tests: "./test",
    cache: "./cache",
    artifacts: "./artifacts",
  },
  networks: {
    hardhat: {},
    // Any node, local or a testnet: `scripts/volvault deploy` passes the deployer's key in
    // VOLVAULT_PRIVATE_KEY (never on the command line); without it the node's own accounts sign.
    localhost: {
      url: process.env.HARDHAT_RPC_URL || "http://127.0.0.1:8545",
      accounts: process.env.VOLVAULT_PRIVATE_KEY ? [process.env.VOLVAULT_PRIVATE_KEY] : "remote",
    },
  },
  mocha: { timeout: 120000 },
};
