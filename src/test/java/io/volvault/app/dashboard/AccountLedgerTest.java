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
    private static final String CAROL = "0xca20100000000000000000000000000000000000";
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

    /**
     * By hand: Alice's 30,000 USDC buy 30,000 shares in round 1 (closed empty, as above). She sends
     * 7,000.000000001 shares to Bob, which the index valued at 7,280 USDC at that block's share price.
     * Alice's basis falls pro rata: 30,000e6 x 7,000,000,000,001 / 30,000,000,000,000 = 7,000,000,000.0003
     * -> 7,000 USDC leaves, 23,000 USDC stays on 22,999.999999999 shares, nothing realized. Bob enters
     * at 7,280 USDC. Bob redeems all of them in round 2, closed at 31,200 USDC for 30,000 shares:
     * 7,000,000,000,001 x 31,200,000,001 / 30,000,000,001,000 = 7,279,999,999.99 -> 7,279.999999 USDC,
     * so Bob realizes 7,279.999999 - 7,280 = -0.000001 USDC.
     */
    @Test
    void sharesSentLeaveAtAverageCostAndSharesReceivedEnterAtTheSharePriceOfTheirBlock() {
        List<IndexedEvent> events = List.of(
            event("DepositRequest", Map.of("controller", ALICE, "owner", ALICE, "requestId", "0", "sender", ALICE,
                "assets", "30000000000")),
            closed("1", "0", "0", "1000000"),
            event("Deposit", Map.of("sender", ALICE, "owner", ALICE, "assets", "30000000000", "shares", "30000000000000")),
            event("Transfer", Map.of("from", ALICE, "to", BOB, "value", "7000000000001", "assets", "7280000000")),
            event("Transfer", Map.of("from", CAROL, "to", ALICE.replace('1', '2'), "value", "5", "assets", "5")),
            event("RedeemRequest", Map.of("controller", BOB, "owner", BOB, "requestId", "0", "sender", BOB,
                "shares", "7000000000001")),
            closed("2", "31200000000", "30000000000000", "1039999"));

        AccountLedger.Ledger alice = AccountLedger.of(events, ALICE, USDC);
        assertEquals(new BigInteger("22999999999999"), alice.shares());
        assertEquals(new BigInteger("23000000000"), alice.cost());
        assertEquals(BigInteger.ZERO, alice.realized(), "sending shares away realizes nothing");
        AccountLedger.Entry sent = alice.entries().get(alice.entries().size() - 1);
        assertEquals("TransferOut", sent.event());
        assertEquals("7000.000000001 vvUSDC", sent.amount().toString());
        assertEquals("7000 USDC", sent.converted().toString(), "the basis that left with the shares");
        assertEquals(BOB, sent.counterparty());
        assertNull(sent.round());

        AccountLedger.Ledger bob = AccountLedger.of(events, BOB, USDC);
        assertEquals(List.of("TransferIn", "RedeemRequest"), bob.entries().stream().map(AccountLedger.Entry::event).toList());
        AccountLedger.Entry received = bob.entries().get(0);
        assertEquals("7280 USDC", received.converted().toString());
        assertEquals(ALICE, received.counterparty());
        assertEquals(BigInteger.ZERO, bob.shares());
        assertEquals(BigInteger.ZERO, bob.cost());
        assertEquals(BigInteger.valueOf(-1), bob.realized());

        AccountLedger.Ledger carol = AccountLedger.of(events, CAROL, USDC);
        assertEquals(BigInteger.ZERO, carol.cost(), "sending with no shares on the books moves no basis");
        assertEquals(BigInteger.ZERO, carol.shares());
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
