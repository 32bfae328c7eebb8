package io.volvault.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.OptionType;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.ShortOption;
import io.volvault.strategy.cost.ConstantProductPool;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Holdings}, the backtests' books, step by step against hand arithmetic: swaps on the
 * x y = k invariant, premiums and settlements in the token of their side, gas from quote (or base
 * when quote cannot pay), turnover without the first allocation, and the funding check.
 */
class HoldingsTest {

    private static final double TOL = 1e-9;
    /** 30 bps fee, 1,000,000 quote deep: at spot 2,000 the base reserve is 500. */
    private static final ConstantProductPool POOL = new ConstantProductPool(30, 1_000_000);
    private static final double GAS = 5;

    private static ShortOption call(double strike, long expiry, double size) {
        return new ShortOption(OptionType.CALL, strike, expiry, size);
    }

    private static ShortOption put(double strike, long expiry, double size) {
        return new ShortOption(OptionType.PUT, strike, expiry, size);
    }

    @Test
    void swapsWritesAndSettlementsMoveTheRightTokenByTheRightAmount() {
        Holdings h = new Holdings(10_000, POOL, GAS);
        assertEquals(new PortfolioState(0, 10_000, List.of(), Long.MIN_VALUE), h.state());

        // Buy 2 base at 2,000: pay q with (Q + 0.997 q)(B - 2) = Q B, Q = 1e6, B = 500,
        // so q = 1e6 x 2 / (498 x 0.997) = 4,028.1567...
        double q = 1e6 * 2 / (498 * 0.997);
        assertEquals(1e6 * 500, (1e6 + 0.997 * q) * (500 - 2), 1e-3); // the invariant holds at q
        h.swap(2, 2000, 50);
        double quote = 10_000 - q - GAS;
        assertEquals(2, h.base(), TOL);
        assertEquals(quote, h.quote(), TOL);
        assertEquals(q - 2 * 2000 + GAS, h.costs(), TOL);
        assertEquals(0, h.traded(), TOL, "the first allocation is not turnover");
        assertEquals(50, h.state().lastRebalanceEpochSeconds());

        // Sell 0.5 base at 2,100: B = 1e6 / 2100; receive r = 1e6 x 0.4985 / (B + 0.4985)
        double b2100 = 1e6 / 2100;
        double r = 1e6 * 0.4985 / (b2100 + 0.4985);
        assertEquals(1e6 * b2100, (1e6 - r) * (b2100 + 0.4985), 1e-3);
        h.swap(-0.5, 2100, 60);
        quote += r - GAS;
        double costs = q - 4000 + GAS + (0.5 * 2100 - r) + GAS;
        assertEquals(1.5, h.base(), TOL);
        assertEquals(quote, h.quote(), TOL);
        assertEquals(costs, h.costs(), TOL);
        assertEquals(0.5 * 2100, h.traded(), TOL);
        assertEquals(60, h.state().lastRebalanceEpochSeconds());

        // A call's premium arrives in base (42 USD at 2,100 = 0.02 base), a put's in quote.
        h.write(call(2200, 100, 1), 42, 3, 2100);
        h.write(put(1900, 200, 2), 60, 4, 2100);
        quote += -GAS + 60 - GAS;
        costs += GAS + 3 + GAS + 4;
        assertEquals(1.52, h.base(), TOL);
        assertEquals(quote, h.quote(), TOL);
        assertEquals(costs, h.costs(), TOL);
        assertEquals(102, h.premium(), TOL);
        assertEquals(List.of(call(2200, 100, 1), put(1900, 200, 2)), h.shorts());

        // Nothing has expired one second early.
        assertEquals(List.of(), h.settleExpired(99, 2300));
        // At its expiry the call pays (2300 - 2200) x 1 = 100 USD, in base: 100 / 2300.
        assertEquals(List.of(call(2200, 100, 1)), h.settleExpired(100, 2300));
        assertEquals(1.52 - 100.0 / 2300, h.base(), TOL);
        assertEquals(quote, h.quote(), TOL);
        // The put pays (1900 - 1800) x 2 = 200 in quote.
        assertEquals(List.of(put(1900, 200, 2)), h.settleExpired(250, 1800));
        assertEquals(quote - 200, h.quote(), TOL);
        assertEquals(List.of(), h.shorts());
        // Settlements are neither costs, premium nor turnover.
        assertEquals(costs, h.costs(), TOL);
        assertEquals(102, h.premium(), TOL);
        assertEquals(1050, h.traded(), TOL);
    }

    @Test
    void settlesEverythingDueAtOnceLatestWrittenFirstAndOutOfTheMoneyForNothing() {
        Holdings h = new Holdings(10_000, POOL, 0);
        h.write(call(2000, 100, 2), 0, 0, 2000);
        h.write(put(1500, 100, 3), 0, 0, 2000);
        h.write(call(2500, 300, 1), 0, 0, 2000);
        // at 2,100: the call pays 2 x 100 = 200 USD = 200 / 2100 base, the put nothing
        assertEquals(List.of(put(1500, 100, 3), call(2000, 100, 2)), h.settleExpired(200, 2100));
        assertEquals(-200.0 / 2100, h.base(), TOL);
        assertEquals(10_000, h.quote(), TOL);
        assertEquals(List.of(call(2500, 300, 1)), h.shorts());
    }

    @Test
    void gasComesFromQuoteWhileItCoversTheGasAndFromBaseAfter() {
        // exactly the gas in quote: quote pays it
        Holdings exact = new Holdings(GAS, POOL, GAS);
        exact.write(call(2000, 10, 1), 100, 0, 2000);
        assertEquals(0, exact.quote(), TOL);
        assertEquals(0.05, exact.base(), TOL);
        // less than the gas: base pays it at spot, 5 / 2000
        Holdings short_ = new Holdings(3, POOL, GAS);
        short_.write(call(2000, 10, 1), 100, 0, 2000);
        assertEquals(3, short_.quote(), TOL);
        assertEquals(0.05 - 0.0025, short_.base(), TOL);
        assertEquals(GAS, short_.costs(), TOL);
    }

    /** A costless book that sold {@code option} (expiring at 10) for {@code received} at spot 1, settled at {@code spot}. */
    private static Holdings settledAlone(ShortOption option, double received, double spot) {
        Holdings h = new Holdings(0, POOL, 0);
        h.write(option, received, 0, 1);
        h.settleExpired(10, spot);
        return h;
    }

    @Test
    void requireFundedClearsRoundingDustAndRefusesRealShortfalls() {
        // a call settled for 1e-10 base more than the book holds: dust, cleared to zero
        Holdings dust = settledAlone(call(1, 10, 1), 0.5 - 1e-10, 2);
        assertTrue(dust.base() < 0);
        dust.requireFunded("bar 1");
        assertEquals(0.0, dust.base());
        assertEquals(new PortfolioState(0, 0, List.of(), Long.MIN_VALUE), dust.state());
        // a shortfall of 2e-9 base is real
        Holdings shortBase = settledAlone(call(1, 10, 1), 0.5 - 2e-9, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> shortBase.requireFunded("bar 7"));
        assertTrue(e.getMessage().startsWith("bar 7: holdings went negative"), e.getMessage());
        // quote: a put owing 5e-7 more than the book holds is dust, 2e-6 is not
        Holdings quoteDust = settledAlone(put(1, 10, 1), 0, 1 - 5e-7);
        quoteDust.requireFunded("bar 2");
        assertEquals(0.0, quoteDust.quote());
        Holdings shortQuote = settledAlone(put(1, 10, 1), 0, 1 - 2e-6);
        assertThrows(IllegalStateException.class, () -> shortQuote.requireFunded("bar 3"));
    }

    @Test
    void intrinsicNavMarksEveryOptionAtItsPayoff() {
        // 1.5 base at 2,000 + 1,000 quote - call 1,900 x 2 (pays 200) - put 2,100 x 3 (pays 300) - put 1,500 (0)
        List<ShortOption> shorts = List.of(call(1900, 10, 2), put(2100, 10, 3), put(1500, 10, 1));
        assertEquals(1.5 * 2000 + 1000 - 200 - 300, Backtester.intrinsicNav(1.5, 1000, shorts, 2000), TOL);
    }

    @Test
    void theFundingLimitsThemselvesAreDust() {
        // 2e-9 calls struck at 0.5 settle at 1 for 2e-9 x 0.5 = 1e-9 USD = 1e-9 base: exactly the limit, still dust
        Holdings base = settledAlone(call(0.5, 10, 2e-9), 0, 1);
        assertEquals(-1e-9, base.base());
        base.requireFunded("bar 4");
        assertEquals(0.0, base.base());
        // 2e-6 puts struck at 1 settle at 0.5 for 1e-6 quote: exactly the quote limit, still dust
        Holdings quote = settledAlone(put(1, 10, 2e-6), 0, 0.5);
        assertEquals(-1e-6, quote.quote());
        quote.requireFunded("bar 5");
        assertEquals(0.0, quote.quote());
    }
}
