package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alice in a USDC vault (6 decimals, shares 9), by hand: 30,000 USDC requested and 5,000 of it
 * cancelled in round 1, which closes empty (25,000 USDC buy 25,000e6 x (0 + 10^3) / (0 + 1) =
 * 25,000 shares); 5,000 shares redeemed in round 2, which closes at 26,000 USDC for 25,000 shares:
 * 5,000e9 x 26,000,000,001 / 25,000,000,001,000 = 5,199,999,999.99 -> 5,199.999999 USDC, against
 * a basis of 25,000 x 5,000 / 25,000 = 5,000 USDC: 199.999999 USDC realized.
 */
class AccountLedgerTest {

    private static final String ALICE = "0xa11ce00000000000000000000000000000000000";
    private static final String BOB = "0xb0b0000000000000000000000000000000000000";
    private static final AccountLedger.Units USDC = new AccountLedger.Units("USDC", 6, "vvUSDC", 9);

    private static int block;

    private static IndexedEvent event(String name, Map<String, String> fields) {
        block++;
        return new IndexedEvent(block, 0, "0xt" + block, 1_000L * block, "0xvault", name, fields);
    }

    private static IndexedEvent closed(String round, String assets, String supply, String price) {
        return event("RoundClosed", Map.of("round", round, "totalAssets", assets, "totalSupply", supply, "pricePerShare", price));
    }

    @Test
    void followsRequestsToTheRoundPriceTheyWereProcessedAt() {
        List<IndexedEvent> events = List.of(
            event("DepositRequest", Map.of("controller", ALICE, "owner", ALICE, "requestId", "0", "sender", ALICE,
                "assets", "30000000000")),
            event("DepositRequest", Map.of("controller", BOB, "owner", BOB, "requestId", "0", "sender", BOB, "assets", "7")),
            event("DepositRequestCancelled", Map.of("controller", ALICE, "receiver", ALICE, "assets", "5000000000")),
            closed("1", "0", "0", "1000000"),
            event("Deposit", Map.of("sender", ALICE, "owner", ALICE, "assets", "25000000000", "shares", "25000000000000")),
            event("RedeemRequest", Map.of("controller", ALICE, "owner", ALICE, "requestId", "0", "sender", ALICE,
                "shares", "5000000000000")),
            closed("2", "26000000000", "25000000000000", "1039999"),
            event("Withdraw", Map.of("sender", ALICE, "receiver", ALICE, "owner", ALICE, "assets", "5199999999",
                "shares", "5000000000000")));

        AccountLedger.Ledger ledger = AccountLedger.of(events, ALICE, USDC);

        assertEquals(List.of("DepositRequest", "DepositRequestCancelled", "Deposit", "RedeemRequest", "Withdraw"),
            ledger.entries().stream().map(AccountLedger.Entry::event).toList());
        AccountLedger.Entry deposit = ledger.entries().get(0);
        assertEquals(1L, deposit.round());
        assertEquals(new BigDecimal("1"), deposit.roundPrice());
        assertEquals("30000 vvUSDC", deposit.converted().toString(), "each request converted alone at its round's price");
        assertNull(ledger.entries().get(1).converted(), "a cancel converts to nothing");
        assertNull(ledger.entries().get(2).round(), "a claim is not processed at a round");
        AccountLedger.Entry redeem = ledger.entries().get(3);
        assertEquals(2L, redeem.round());
        assertEquals(new BigDecimal("1.039999"), redeem.roundPrice());
        assertEquals("5199.999999 USDC", redeem.converted().toString());

        assertEquals(new BigInteger("20000000000000"), ledger.shares());  // 25,000 - 5,000 shares
        assertEquals(new BigInteger("20000000000"), ledger.cost());       // 25,000 - 5,000 USDC
        assertEquals(new BigInteger("199999999"), ledger.realized());
    }

    @Test
    void aPendingRequestWaitsForItsRound() {
        List<IndexedEvent> events = List.of(closed("1", "0", "0", "1000000"), closed("2", "0", "0", "1000000"),
            event("DepositRequest", Map.of("controller", ALICE, "owner", ALICE, "requestId", "0", "sender", ALICE, "assets", "5")));
        AccountLedger.Ledger ledger = AccountLedger.of(events, ALICE, USDC);
        assertEquals(3L, ledger.entries().get(0).round());
        assertNull(ledger.entries().get(0).roundPrice());
        assertEquals(BigInteger.ZERO, ledger.shares());
        assertEquals(BigInteger.ZERO, ledger.cost());
    }
}
