// Gas targets, measured in the same run as OpenZeppelin's plain ERC-4626 deposit; prints the table.
const { expect } = require("chai");
const { measureGas, formatTable, PEER_FIRST, PEER_NEXT } = require("../scripts/gas-report");

describe("gas", function () {
  it("a deposit request costs within 1.3x of the OZ ERC-4626 deposit and a full roll under 400,000", async function () {
    const rows = await measureGas();
    console.log(formatTable(rows));
    const gas = Object.fromEntries(rows.map((r) => [r.action, Number(r.gas)]));
    expect(gas["deposit: first request into the empty vault"]).to.be.lte(1.3 * gas[PEER_FIRST]);
    expect(gas["deposit: a second depositor's request"]).to.be.lte(1.3 * gas[PEER_NEXT]);
    expect(gas["roll (settle + start auction)"]).to.be.lt(400_000);
  });
});
