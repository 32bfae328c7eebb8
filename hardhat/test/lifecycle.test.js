// The whole life of both vault kinds, every amount checked to the wei against the model in helpers.js.
const { expect } = require("chai");
const { anyValue } = require("@nomicfoundation/hardhat-chai-matchers/withArgs");
const { ethers } = require("hardhat");
const { WETH, USDC, USD, DAY, model, fixture, pushPrice, rollParams, atTime } = require("./helpers");

const MGMT_BPS = 200;
const PERF_BPS = 1000;
const ONE_SHARE_CALL = 10n ** 21n; // WETH vault shares have 21 decimals
const ONE_SHARE_PUT = 10n ** 9n; // USDC vault shares have 9 decimals

/** The vault's books must add up to exactly what it holds. */
async function expectBooksBalance(vault, token) {
  const held = await token.balanceOf(vault.target);
  const books =
    (await vault.idleAsset()) +
    (await vault.pendingDepositAssets()) +
    (await vault.reservedForRedeems()) +
    (await vault.accruedFees());
  expect(held).to.equal(books);
}

describe("OptionVault life cycle: covered call on WETH", function () {
  it("deposits, rolls, sells, settles in and out of the money, charges fees and pays out to the wei", async function () {
    const c = await fixture();
    const { callVault: vault, weth, options, keeper, alice, bob, carol, buyer, stranger, owner } = c;

    // ---- round 1: requests wait; a pending request can be taken back ----
    await vault.connect(alice).requestDeposit(WETH(10), alice.address, alice.address);
    await vault.connect(bob).requestDeposit(WETH(5), bob.address, bob.address);
    expect(await vault.pendingDepositRequest(0, alice.address)).to.equal(WETH(10));
    expect(await vault.maxDeposit(alice.address)).to.equal(0n);
    const bobBefore = await weth.balanceOf(bob.address);
    await expect(vault.connect(bob).cancelDepositRequest(WETH(1), bob.address, bob.address))
      .to.emit(vault, "DepositRequestCancelled")
      .withArgs(bob.address, bob.address, WETH(1));
    expect(await weth.balanceOf(bob.address)).to.equal(bobBefore + WETH(1));
    await expect(vault.previewDeposit(WETH(1))).to.be.revertedWithCustomError(vault, "AsyncFlow");
    await expect(vault.previewRedeem(1n)).to.be.revertedWithCustomError(vault, "AsyncFlow");

    // ---- roll 1: empty vault, price (0 + 1) / (0 + 1000) per share unit; opens a 14-WETH call at 3300 ----
    const t1 = (await time()) + 100;
    const expiry1 = t1 + 7 * DAY;
    await atTime(t1);
    const p1 = await rollParams({ strike: USD(3300), expiry: expiry1, size: WETH(14) });
    await expect(vault.connect(keeper).roll(p1, 0))
      .to.emit(vault, "RoundClosed")
      .withArgs(1, 0, 0, 0, 0, 0, ONE_SHARE_CALL / 1000n, 0, 0, 0, WETH(14), WETH(14) * 1000n, 0, 0)
      .and.to.emit(vault, "RoundOpened")
      .withArgs(2, 1, true, USD(3300), expiry1, WETH(14), p1.startPremium, p1.floorPremium, anyValue,
        ethers.parseUnits("0.8", 18), USD(3000), t1 + 3600);
    expect(await vault.maxMint(alice.address)).to.equal(WETH(10) * 1000n);
    expect(await vault.claimableDepositRequest(0, bob.address)).to.equal(WETH(4));
    await expect(vault.connect(alice).deposit(WETH(10), alice.address))
      .to.emit(vault, "Deposit")
      .withArgs(alice.address, alice.address, WETH(10), WETH(10) * 1000n);
    await vault.connect(bob).mint(WETH(4) * 1000n, bob.address);
    expect(await vault.balanceOf(bob.address)).to.equal(WETH(4) * 1000n);
    await expectBooksBalance(vault, weth);

    // ---- Dutch auction: two fills at falling prices ----
    await atTime(t1 + 1800);
    const price1 = model.auctionPrice(p1.startPremium, p1.floorPremium, 1800, 3600);
    expect(price1).to.equal(WETH("0.015"));
    await expect(vault.connect(buyer).buyOptions(WETH(10), price1))
      .to.emit(vault, "OptionsSold")
      .withArgs(2, 1, buyer.address, WETH(10), price1, WETH("0.15"));
    await atTime(t1 + 3000);
    const price2 = model.auctionPrice(p1.startPremium, p1.floorPremium, 3000, 3600);
    await expect(vault.connect(buyer).buyOptions(WETH(4), price2 - 1n)).to.be.revertedWithCustomError(
      vault, "PremiumAboveMax");
    await atTime(t1 + 3001);
    const price3 = model.auctionPrice(p1.startPremium, p1.floorPremium, 3001, 3600);
    await vault.connect(buyer).buyOptions(WETH(4), price3);
    const premiums1 = WETH("0.15") + model.premium(WETH(4), price3);
    expect(await options.balanceOf(buyer.address, 1)).to.equal(WETH(14));
    await expect(vault.connect(buyer).buyOptions(1n, WETH(1))).to.be.revertedWithCustomError(vault, "AuctionNotActive");

    // ---- requests during round 2 ----
    await vault.connect(carol).requestDeposit(WETH(3), carol.address, carol.address);
    await vault.connect(alice).requestRedeem(WETH(4) * 1000n, alice.address, alice.address);
    expect(await vault.pendingRedeemRequest(0, alice.address)).to.equal(WETH(4) * 1000n);
    await expectBooksBalance(vault, weth);

    // ---- expiry in the money: 3600 > 3300; holders get (S-K)/S WETH per option ----
    await expect(vault.connect(keeper).roll(await rollParams({ expiry: expiry1 + 7 * DAY }), 0))
      .to.be.revertedWithCustomError(vault, "RoundNotExpired");
    await atTime(expiry1 + 10);
    await pushPrice(c, USD(3600));
    const t2 = expiry1 + 20;
    await atTime(t2);
    const reserve1 = model.callReserve(WETH(14), USD(3600), USD(3300));
    const returned1 = WETH(14) - reserve1;
    const nav2 = premiums1 + returned1;
    const mgmt2 = model.managementFee(nav2, MGMT_BPS, t2 - t1);
    const perf2 = model.performanceFee(nav2 - mgmt2, model.markValue(0n, 0n, WETH(14) * 1000n), PERF_BPS);
    expect(perf2).to.equal(0n); // the round lost money: no performance fee
    const assets2 = nav2 - mgmt2 - perf2;
    const supply2 = WETH(14) * 1000n;
    const carolShares = model.sharesFor(WETH(3), assets2, supply2);
    const aliceAssets = model.assetsFor(WETH(4) * 1000n, assets2, supply2);
    const expiry2 = t2 + 7 * DAY;
    const p2 = await rollParams({
      strike: USD(3900), expiry: expiry2, size: WETH(5),
      startPremium: WETH("0.03"), floorPremium: WETH("0.01"), // the model price at 3600 is 0.0158 WETH
    });
    await expect(vault.connect(keeper).roll(p2, 0))
      .to.emit(vault, "RoundClosed")
      .withArgs(2, nav2, mgmt2, perf2, assets2, supply2, model.assetsFor(ONE_SHARE_CALL, assets2, supply2),
        premiums1, WETH(14), returned1, WETH(3), carolShares, WETH(4) * 1000n, aliceAssets);
    const [rAssets, rSupply] = await vault.roundPrice(2);
    expect([rAssets, rSupply]).to.deep.equal([assets2, supply2]);
    expect(await vault.accruedFees()).to.equal(mgmt2);
    expect(await vault.maxMint(carol.address)).to.equal(carolShares);
    expect(await vault.maxWithdraw(alice.address)).to.equal(aliceAssets);
    await expectBooksBalance(vault, weth);

    // ---- option holders claim; strangers cannot ----
    await expect(options.connect(stranger).claim(1, 1n, stranger.address)).to.be.revertedWithCustomError(
      options, "ERC1155InsufficientBalance");
    const buyerBefore = await weth.balanceOf(buyer.address);
    await options.connect(buyer).claim(1, WETH(10), buyer.address);
    await options.connect(buyer).claim(1, WETH(4), buyer.address);
    const paid = model.callPayout(WETH(10), USD(3600), USD(3300)) + model.callPayout(WETH(4), USD(3600), USD(3300));
    expect(await weth.balanceOf(buyer.address)).to.equal(buyerBefore + paid);
    expect(paid).to.be.lte(reserve1);
    await expect(options.settle(1, 0)).to.be.revertedWithCustomError(options, "AlreadySettled");

    // ---- claims of processed requests ----
    const aliceBefore = await weth.balanceOf(alice.address);
    await expect(vault.connect(alice).redeem(WETH(4) * 1000n, alice.address, alice.address))
      .to.emit(vault, "Withdraw")
      .withArgs(alice.address, alice.address, alice.address, aliceAssets, WETH(4) * 1000n);
    expect(await weth.balanceOf(alice.address)).to.equal(aliceBefore + aliceAssets);
    await vault.connect(carol).deposit(WETH(3), carol.address);
    expect(await vault.balanceOf(carol.address)).to.equal(carolShares);

    // ---- round 3: out of the money, performance fee on the premium ----
    await atTime(t2 + 3599);
    const price4 = model.auctionPrice(p2.startPremium, p2.floorPremium, 3599, 3600);
    await vault.connect(buyer).buyOptions(WETH(5), price4);
    const premiums2 = model.premium(WETH(5), price4);
    const navStart3 = assets2 + WETH(3) - aliceAssets;
    expect(await vault.navAtRoundStart()).to.equal(navStart3);
    await atTime(expiry2 + 1);
    await pushPrice(c, USD(3500));
    const t3 = expiry2 + 50;
    await atTime(t3);
    const nav3 = navStart3 + premiums2;
    const mgmt3 = model.managementFee(nav3, MGMT_BPS, t3 - t2);
    const supply3 = supply2 - WETH(4) * 1000n + carolShares;
    // round 2 lost money: round 3's premium only wins part of it back, still under the high-water
    // mark (the first price), so no performance fee
    const perf3 = model.performanceFee(nav3 - mgmt3, model.markValue(0n, 0n, supply3), PERF_BPS);
    expect(perf3).to.equal(0n);
    const assets3 = nav3 - mgmt3 - perf3;
    await expect(vault.connect(keeper).closeRound(0))
      .to.emit(vault, "RoundClosed")
      .withArgs(3, nav3, mgmt3, perf3, assets3, supply3, model.assetsFor(ONE_SHARE_CALL, assets3, supply3),
        premiums2, WETH(5), WETH(5), 0, 0, 0, 0);
    expect((await options.series(2)).settlementPrice).to.equal(USD(3500));
    expect(await options.payoutFor(2, WETH(5))).to.equal(0n);
    expect(await vault.totalAssets()).to.equal(assets3);

    // ---- fees go to the recipient ----
    const ownerBefore = await weth.balanceOf(owner.address);
    await expect(vault.connect(stranger).claimFees()).to.emit(vault, "FeesClaimed").withArgs(owner.address, mgmt2 + mgmt3 + perf3);
    expect(await weth.balanceOf(owner.address)).to.equal(ownerBefore + mgmt2 + mgmt3 + perf3);
    await expectBooksBalance(vault, weth);
  });
});

describe("OptionVault life cycle: cash-secured put on USDC", function () {
  it("collateralises by strike x size, pays K - S in USDC, charges fees to the wei", async function () {
    const c = await fixture();
    const { putVault: vault, usdc, options, keeper, alice, bob, buyer } = c;
    await vault.connect(alice).requestDeposit(USDC(30_000), alice.address, alice.address);
    await vault.connect(bob).requestDeposit(USDC(20_000), bob.address, bob.address);

    const t1 = (await time()) + 10;
    const expiry1 = t1 + 7 * DAY;
    const putPremiums = { startPremium: USDC(60), floorPremium: USDC(30) };
    // 50,000 USDC covers at most 50000 / 2700 = 18.518... puts at 2700
    await atTime(t1 + 1);
    const p1 = await rollParams({ strike: USD(2700), expiry: expiry1, size: WETH(15), ...putPremiums });
    await expect(vault.connect(keeper).roll(p1, 0))
      .to.emit(vault, "RoundClosed")
      .withArgs(1, 0, 0, 0, 0, 0, ONE_SHARE_PUT / 1000n, 0, 0, 0, USDC(50_000), USDC(50_000) * 1000n, 0, 0);
    await vault.connect(alice).deposit(USDC(30_000), alice.address);
    await vault.connect(bob).deposit(USDC(20_000), bob.address);

    await atTime(t1 + 1 + 1200);
    const price1 = model.auctionPrice(USDC(60), USDC(30), 1200, 3600);
    expect(price1).to.equal(USDC(50));
    const collateral1 = model.putCollateral(WETH(15), USD(2700));
    expect(collateral1).to.equal(USDC(40_500));
    const optionsBefore = await usdc.balanceOf(options.target);
    await vault.connect(buyer).buyOptions(WETH(15), price1);
    expect(await usdc.balanceOf(options.target)).to.equal(optionsBefore + collateral1);
    const premium1 = model.premium(WETH(15), price1);
    expect(premium1).to.equal(USDC(750));
    expect(await vault.idleAsset()).to.equal(USDC(50_000) + premium1 - collateral1);

    // out of the money at 2900: all collateral back, performance fee on the premium
    await atTime(expiry1);
    await pushPrice(c, USD(2900));
    const t2 = expiry1 + 5;
    await atTime(t2);
    const nav2 = USDC(50_750);
    const mgmt2 = model.managementFee(nav2, MGMT_BPS, t2 - (t1 + 1));
    const perf2 = model.performanceFee(nav2 - mgmt2, model.markValue(0n, 0n, USDC(50_000) * 1000n), PERF_BPS);
    expect(perf2).to.be.within(USDC(73), USDC(74)); // 10 % of 750 less the 19.47 management fee and 1 unit of mark
    const assets2 = nav2 - mgmt2 - perf2;
    const supply = USDC(50_000) * 1000n;
    const expiry2 = t2 + 7 * DAY;
    const putPremiums2 = { startPremium: USDC(120), floorPremium: USDC(60) }; // the model price at 2900 is 82.16 USDC
    await expect(vault.connect(keeper).roll(await rollParams({ strike: USD(2800), expiry: expiry2, size: WETH(10), ...putPremiums2 }), 0))
      .to.emit(vault, "RoundClosed")
      .withArgs(2, nav2, mgmt2, perf2, assets2, supply, model.assetsFor(ONE_SHARE_PUT, assets2, supply),
        premium1, WETH(15), collateral1, 0, 0, 0, 0);

    // in the money at 2500: holders get K - S = 300 USDC per option
    await atTime(t2 + 60);
    const price2 = model.auctionPrice(USDC(120), USDC(60), 60, 3600);
    await vault.connect(buyer).buyOptions(WETH(10), price2);
    const premium2 = model.premium(WETH(10), price2);
    await vault.connect(alice).requestRedeem(USDC(30_000) * 1000n, alice.address, alice.address);
    // live value: spot 2900 is above the 2800 strike, the puts are worth nothing yet
    expect(await vault.totalAssets()).to.equal(assets2 + premium2);
    await atTime(expiry2 + 100);
    await pushPrice(c, USD(2500));
    await options.settle(2, 0); // anyone may settle; the roll then only reclaims
    const reserve2 = model.putReserve(WETH(10), USD(2500), USD(2800));
    expect(reserve2).to.equal(USDC(3000));
    const collateral2 = model.putCollateral(WETH(10), USD(2800));
    const t3 = expiry2 + 200;
    await atTime(t3);
    const navStart2 = assets2;
    const nav3 = navStart2 + premium2 - reserve2;
    const mgmt3 = model.managementFee(nav3, MGMT_BPS, t3 - t2);
    const assets3 = nav3 - mgmt3;
    expect(await vault.totalAssets()).to.equal(nav3); // settled by someone else: the payout is known
    const aliceAssets = model.assetsFor(USDC(30_000) * 1000n, assets3, supply);
    await expect(vault.connect(keeper).closeRound(0))
      .to.emit(vault, "RoundClosed")
      .withArgs(3, nav3, mgmt3, 0, assets3, supply, model.assetsFor(ONE_SHARE_PUT, assets3, supply),
        premium2, WETH(10), collateral2 - reserve2, 0, 0, USDC(30_000) * 1000n, aliceAssets);

    const buyerBefore = await usdc.balanceOf(buyer.address);
    await options.connect(buyer).claim(2, WETH(10), buyer.address);
    expect(await usdc.balanceOf(buyer.address)).to.equal(buyerBefore + model.putPayout(WETH(10), USD(2500), USD(2800)));
    const aliceBefore = await usdc.balanceOf(alice.address);
    await vault.connect(alice).withdraw(aliceAssets, alice.address, alice.address);
    expect(await usdc.balanceOf(alice.address)).to.equal(aliceBefore + aliceAssets);
    expect(await vault.totalSupply()).to.equal(USDC(20_000) * 1000n);
    await expectBooksBalance(vault, usdc);
  });
});

async function time() {
  return (await ethers.provider.getBlock("latest")).timestamp;
}
