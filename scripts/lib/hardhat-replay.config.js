// The project's Hardhat configuration for the nodes the Java side starts, from the environment:
// - VOLVAULT_CHAIN_START (an ISO date): the chain's clock starts then (the demo replays history, and
//   chain time cannot run backwards);
// - VOLVAULT_CHAIN_ID and VOLVAULT_NODE_KEYS (0x private keys, comma-separated): another chain id, and
//   only these accounts, each funded with 1,000 ETH, instead of Hardhat's published ones (the testnet
//   rehearsal's Sepolia stand-in: 11155111 and keys the test generated).
const path = require("path");
const project = require("../../hardhat/hardhat.config.js");

const keys = (process.env.VOLVAULT_NODE_KEYS || "").split(",").filter((k) => k.length > 0);

module.exports = {
  ...project,
  paths: { ...project.paths, root: path.join(__dirname, "..", "..", "hardhat") },
  networks: {
    ...project.networks,
    hardhat: {
      ...project.networks.hardhat,
      ...(process.env.VOLVAULT_CHAIN_START ? { initialDate: process.env.VOLVAULT_CHAIN_START } : {}),
      ...(process.env.VOLVAULT_CHAIN_ID ? { chainId: Number(process.env.VOLVAULT_CHAIN_ID) } : {}),
      ...(keys.length > 0
        ? { accounts: keys.map((privateKey) => ({ privateKey, balance: "1000000000000000000000" })) }
        : {}),
    },
  },
};
