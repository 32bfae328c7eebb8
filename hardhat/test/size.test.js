// The deployed bytecode of every contract against EIP-170 (24,576 bytes): the vault keeps a fifth of
// the limit free for what comes next (issue #10); its linked libraries (RollChecks, RequestLib) are
// separate deployments.
const { expect } = require("chai");
const hre = require("hardhat");

const EIP170 = 24576;

async function deployedSize(name) {
  const artifact = await hre.artifacts.readArtifact(name);
  return (artifact.deployedBytecode.length - 2) / 2;
}

describe("bytecode size", function () {
  it("keeps OptionVault within 80 % of EIP-170 and every other contract within the limit", async function () {
    const rows = [];
    for (const name of ["OptionVault", "Options", "RollChecks", "RequestLib", "VolFeed", "PushPriceOracle", "ConstantProductPool",
      "VenueRegistry", "UniswapV3Venue"]) {
      const size = await deployedSize(name);
      rows.push(`${name}: ${size} bytes (${((100 * size) / EIP170).toFixed(1)} % of EIP-170)`);
      expect(size, name).to.be.lte(EIP170);
    }
    console.log(rows.join("\n"));
    expect(await deployedSize("OptionVault")).to.be.lte(0.8 * EIP170);
  });
});
