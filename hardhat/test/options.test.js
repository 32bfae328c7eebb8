// Options used directly by a registered writer: collateral, expiry, settlement and reclaim rules.
const { expect } = require("chai");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const { WETH, USD, DAY, model, fixture, pushPrice, throughTimelock } = require("./helpers");

describe("Options", function () {
  async function writerFixture() {
    const c = await fixture();
    await throughTimelock(c.options, "setWriter", [c.alice.address, true]);
    await pushPrice(c, USD(3000));
    await c.weth.connect(c.alice).approve(c.options.target, 2n ** 256n - 1n);
    await c.usdc.connect(c.alice).approve(c.options.target, 2n ** 256n - 1n);
    return c;
  }

  it("locks strike x size of USDC for a put, rounded up, and pays K - S rounded down", async function () {
    const c = await writerFixture();
    const { options, usdc, alice, buyer } = c;
    const expiry = (await time.latest()) + DAY;
    await expect(options.connect(alice).createSeries(false, USD("2999.99999999"), expiry))
      .to.emit(options, "SeriesCreated").withArgs(1, alice.address, false, USD("2999.99999999"), expiry);
    expect(await options.collateralToken(1)).to.equal(usdc.target);
    const size = 123456789012345678n; // 0.123... options
    const collateral = model.putCollateral(size, USD("2999.99999999"));
    expect(await options.collateralFor(false, USD("2999.99999999"), size)).to.equal(collateral);
    const before = await usdc.balanceOf(alice.address);
    await expect(options.connect(alice).write(1, buyer.address, size))
      .to.emit(options, "OptionsWritten").withArgs(1, buyer.address, size, collateral);
    expect(await usdc.balanceOf(alice.address)).to.equal(before - collateral);
    expect(await options.payoutFor(1, size)).to.equal(0n); // not settled yet
    await time.increaseTo(expiry);
    await expect(options.connect(alice).write(1, buyer.address, 1n)).to.be.revertedWithCustomError(options, "AlreadyExpired");
    await pushPrice(c, USD(2500));
    await options.settle(1, 0);
    const reserve = model.putReserve(size, USD(2500), USD("2999.99999999"));
    expect((await options.series(1)).holdersPayout).to.equal(reserve);
    await expect(options.connect(alice).reclaimCollateral(1))
      .to.emit(options, "CollateralReclaimed").withArgs(1, alice.address, collateral - reserve);
    await expect(options.connect(alice).reclaimCollateral(1)).to.be.revertedWithCustomError(options, "CollateralAlreadyReclaimed");
    const payout = model.putPayout(size, USD(2500), USD("2999.99999999"));
    await expect(options.connect(buyer).claim(1, size, buyer.address))
      .to.emit(options, "OptionsClaimed").withArgs(1, buyer.address, buyer.address, size, payout);
    expect(await usdc.balanceOf(options.target)).to.equal(reserve - payout);
  });

  it("refuses bad series, zero sizes, unknown ids and a writer reclaiming before settlement", async function () {
    const c = await writerFixture();
    const { options, alice, buyer } = c;
    const now = await time.latest();
    await expect(options.connect(alice).createSeries(true, 0, now + DAY)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await expect(options.connect(alice).createSeries(true, USD(3000), now)).to.be.revertedWithCustomError(options, "InvalidSeries");
    await options.connect(alice).createSeries(true, USD(3000), now + DAY);
    await expect(options.connect(alice).write(1, buyer.address, 0)).to.be.revertedWithCustomError(options, "ZeroSize");
    await options.connect(alice).write(1, buyer.address, WETH(2));
    await expect(options.connect(alice).reclaimCollateral(1)).to.be.revertedWithCustomError(options, "NotSettled");
    await expect(options.collateralToken(7)).to.be.revertedWithCustomError(options, "UnknownSeries");
    await expect(options.connect(c.bob).write(1, c.bob.address, 1n)).to.be.revertedWithCustomError(options, "NotWriter");
    await throughTimelock(options, "setWriter", [alice.address, false]);
    await expect(options.connect(alice).createSeries(true, USD(3000), now + DAY)).to.be.revertedWithCustomError(options, "NotWriter");
  });
});
