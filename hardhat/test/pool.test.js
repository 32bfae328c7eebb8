// The constant-product pool: Uniswap-v2 maths, liquidity in and out, deadlines and minimum outputs.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { time } = require("@nomicfoundation/hardhat-network-helpers");
const { WETH, USDC, fixture } = require("./helpers");

/** Uniswap v2's getAmountOut with a 30 bps fee, written from the formula. */
const amountOut = (amountIn, reserveIn, reserveOut) =>
  (amountIn * 9970n * reserveOut) / (reserveIn * 10000n + amountIn * 9970n);

describe("ConstantProductPool", function () {
  it("is seeded at the oracle price and swaps both ways on x*y=k less the fee", async function () {
    const c = await fixture();
    const { pool, weth, usdc, buyer } = c;
    let [x, y] = await pool.getReserves();
    expect([x, y]).to.deep.equal([WETH(1000), USDC(3_000_000)]);
    const deadline = (await time.latest()) + 3600;
    const out1 = amountOut(WETH(3), x, y);
    expect(await pool.getAmountOut(weth.target, WETH(3))).to.equal(out1);
    await expect(pool.connect(buyer).swapExactIn(weth.target, WETH(3), out1 + 1n, buyer.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientOutput").withArgs(out1, out1 + 1n);
    await expect(pool.connect(buyer).swapExactIn(weth.target, WETH(3), out1, buyer.address, deadline))
      .to.emit(pool, "Swap").withArgs(buyer.address, buyer.address, weth.target, WETH(3), out1);
    [x, y] = await pool.getReserves();
    expect([x, y]).to.deep.equal([WETH(1003), USDC(3_000_000) - out1]);
    const out2 = amountOut(USDC(5000), y, x);
    await pool.connect(buyer).swapExactIn(usdc.target, USDC(5000), out2, buyer.address, deadline);
    const [x2, y2] = await pool.getReserves();
    expect([x2, y2]).to.deep.equal([x - out2, y + USDC(5000)]);
    expect(x2 * y2).to.be.gte(WETH(1000) * USDC(3_000_000)); // the fee only ever grows k
  });

  it("mints liquidity pro rata and gives it back, with minimums and deadlines", async function () {
    const c = await fixture();
    const { pool, alice } = c;
    const deadline = (await time.latest()) + 3600;
    const supply = await pool.totalSupply();
    await expect(pool.connect(alice).addLiquidity(WETH(10), USDC(30_000), supply, alice.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientLiquidityMinted");
    await pool.connect(alice).addLiquidity(WETH(10), USDC(30_000), 0, alice.address, deadline);
    const minted = await pool.balanceOf(alice.address);
    expect(minted).to.equal((WETH(10) * supply) / WETH(1000));
    const [x, y] = await pool.getReserves();
    const total = await pool.totalSupply();
    await pool.connect(alice).removeLiquidity(minted, 0, 0, alice.address, deadline);
    expect(await pool.getReserves()).to.deep.equal([x - (minted * x) / total, y - (minted * y) / total]);
    await expect(pool.connect(alice).removeLiquidity(1n, 0, 0, alice.address, (await time.latest()) - 1))
      .to.be.revertedWithCustomError(pool, "Expired");
  });

  it("refuses a first deposit too small to lock the minimum liquidity", async function () {
    const [owner] = await ethers.getSigners();
    const a = await ethers.deployContract("TestToken", ["A", "A", 18, owner.address]);
    const b = await ethers.deployContract("TestToken", ["B", "B", 6, owner.address]);
    const pool = await ethers.deployContract("ConstantProductPool", [a.target, b.target, 30]);
    await a.mint(owner.address, 10n ** 6n);
    await b.mint(owner.address, 10n ** 6n);
    await a.approve(pool.target, ethers.MaxUint256);
    await b.approve(pool.target, ethers.MaxUint256);
    const deadline = (await time.latest()) + 3600;
    await expect(pool.addLiquidity(1000n, 1000n, 0, owner.address, deadline))
      .to.be.revertedWithCustomError(pool, "InsufficientLiquidityMinted").withArgs(0, 0);
    await expect(ethers.deployContract("ConstantProductPool", [a.target, a.target, 30]))
      .to.be.revertedWithCustomError(pool, "SameToken");
  });
});
