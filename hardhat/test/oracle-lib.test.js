// OracleLib.freshPrice on its own, each rule at its boundary. The vault tests reach the same
// reverts through closeRound; these do not depend on any vault state or on how fast blocks come.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { time, loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { atTime } = require("./helpers");

const HEARTBEAT = 3600;
const PRICE = 3000n * 10n ** 8n; // the feed's 8 decimals

describe("OracleLib.freshPrice", function () {
  async function deployed() {
    const feed = await ethers.deployContract("SettableAggregator");
    const harness = await ethers.deployContract("OracleLibHarness");
    return { feed, harness, t: (await time.latest()) + 1000 };
  }

  it("returns a positive answer of a complete round exactly as old as the heartbeat, or stamped now", async function () {
    const { feed, harness, t } = await loadFixture(deployed);
    await feed.setRound(7, PRICE, t - HEARTBEAT, t - HEARTBEAT, 7);
    await atTime(t);
    await expect(harness.read(feed, HEARTBEAT)).to.emit(harness, "Read").withArgs(PRICE, t - HEARTBEAT, 7);
    await feed.setRound(8, 1, t + 2, t + 2, 9); // the smallest positive answer; answered in a later round
    await atTime(t + 2);
    await expect(harness.read(feed, HEARTBEAT)).to.emit(harness, "Read").withArgs(1, t + 2, 8);
  });

  it("refuses an answer one second older than the heartbeat", async function () {
    const { feed, harness, t } = await loadFixture(deployed);
    await feed.setRound(7, PRICE, t - HEARTBEAT - 1, t - HEARTBEAT - 1, 7);
    await atTime(t);
    await expect(harness.read(feed, HEARTBEAT))
      .to.be.revertedWithCustomError(harness, "OracleStaleAnswer").withArgs(t - HEARTBEAT - 1, HEARTBEAT, t);
  });

  it("refuses an answer stamped one second in the future", async function () {
    const { feed, harness, t } = await loadFixture(deployed);
    await feed.setRound(7, PRICE, t + 1, t + 1, 7);
    await atTime(t);
    await expect(harness.read(feed, HEARTBEAT))
      .to.be.revertedWithCustomError(harness, "OracleStaleAnswer").withArgs(t + 1, HEARTBEAT, t);
  });

  it("refuses zero and negative answers", async function () {
    const { feed, harness, t } = await loadFixture(deployed);
    for (const answer of [0n, -1n]) {
      await feed.setRound(7, answer, t, t, 7);
      await expect(harness.read(feed, HEARTBEAT))
        .to.be.revertedWithCustomError(harness, "OracleNonPositiveAnswer").withArgs(answer);
    }
  });

  it("refuses a round never updated, and one answered in an earlier round", async function () {
    const { feed, harness, t } = await loadFixture(deployed);
    await feed.setRound(7, PRICE, 0, 0, 7);
    await expect(harness.read(feed, HEARTBEAT))
      .to.be.revertedWithCustomError(harness, "OracleIncompleteRound").withArgs(7, 7, 0);
    await feed.setRound(7, PRICE, t, t, 6);
    await expect(harness.read(feed, HEARTBEAT))
      .to.be.revertedWithCustomError(harness, "OracleIncompleteRound").withArgs(7, 6, t);
  });
});
