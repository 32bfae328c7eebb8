// KeeperLog: the keeper's per-round commitment to its inputs and decision, attributed to the sender.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { deployAll } = require("../scripts/deploy");

describe("KeeperLog", function () {
  async function deployed() {
    const c = await deployAll();
    const [, keeper, stranger] = await ethers.getSigners();
    return { ...c, keeper, stranger };
  }
  const inputs = ethers.keccak256(ethers.toUtf8Bytes("inputs of round 1"));
  const decision = ethers.keccak256(ethers.toUtf8Bytes("decision of round 1"));

  it("is deployed by deploy.js and named in the deployment record", async function () {
    const { keeperLog, deployment } = await loadFixture(deployed);
    expect(deployment.keeperLog).to.equal(keeperLog.target);
    expect(await ethers.provider.getCode(keeperLog.target)).to.not.equal("0x");
  });

  it("records the sender with the hashes, once per sender, vault and round", async function () {
    const { keeperLog, callVault, keeper, stranger } = await loadFixture(deployed);
    await expect(keeperLog.connect(keeper).record(callVault.target, 1, inputs, decision))
      .to.emit(keeperLog, "DecisionRecorded").withArgs(callVault.target, 1, keeper.address, inputs, decision);
    expect(await keeperLog.inputsHashOf(keeper.address, callVault.target, 1)).to.equal(inputs);
    expect(await keeperLog.inputsHashOf(keeper.address, callVault.target, 2)).to.equal(ethers.ZeroHash);
    await expect(keeperLog.connect(keeper).record(callVault.target, 1, decision, inputs))
      .to.be.revertedWithCustomError(keeperLog, "KeeperLogAlreadyRecorded").withArgs(callVault.target, 1, keeper.address);
    // a stranger may write the same round, but under its own address: readers filter on the vault's keeper
    await expect(keeperLog.connect(stranger).record(callVault.target, 1, decision, inputs))
      .to.emit(keeperLog, "DecisionRecorded").withArgs(callVault.target, 1, stranger.address, decision, inputs);
    expect(await keeperLog.inputsHashOf(keeper.address, callVault.target, 1)).to.equal(inputs);
    expect(await callVault.keeper()).to.equal(keeper.address);
  });

  it("refuses a zero vault and zero hashes", async function () {
    const { keeperLog, callVault, keeper } = await loadFixture(deployed);
    await expect(keeperLog.connect(keeper).record(ethers.ZeroAddress, 1, inputs, decision))
      .to.be.revertedWithCustomError(keeperLog, "KeeperLogZeroVault");
    await expect(keeperLog.connect(keeper).record(callVault.target, 1, ethers.ZeroHash, decision))
      .to.be.revertedWithCustomError(keeperLog, "KeeperLogZeroHash");
    await expect(keeperLog.connect(keeper).record(callVault.target, 1, inputs, ethers.ZeroHash))
      .to.be.revertedWithCustomError(keeperLog, "KeeperLogZeroHash");
  });
});
