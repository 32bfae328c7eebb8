// The project's Hardhat configuration, with the chain's clock starting at VOLVAULT_CHAIN_START
// (an ISO date) when set: the demo replays history, and chain time cannot run backwards.
const path = require("path");
const project = require("../../hardhat/hardhat.config.js");

module.exports = {
  ...project,
  paths: { ...project.paths, root: path.join(__dirname, "..", "..", "hardhat") },
  networks: {
    ...project.networks,
    hardhat: {
      ...project.networks.hardhat,
      ...(process.env.VOLVAULT_CHAIN_START ? { initialDate: process.env.VOLVAULT_CHAIN_START } : {}),
    },
  },
};
