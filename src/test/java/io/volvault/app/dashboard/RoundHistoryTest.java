package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A covered-call vault's first two rounds by hand: round 1 writes nothing and takes 10 WETH of
 * deposits; round 2 sells 3 calls struck at 3300 USD for 0.02 WETH each, which settle at 3400 USD
 * and pay 3 x (3400 - 3300) / 3400 = 0.088235294117647058 WETH (rounded down): a losing round.
 */
class RoundHistoryTest {

    private static final long DAY = 86_400;
    private static final long OPEN = 1_000;
    private static final long CLOSE = OPEN + 7 * DAY + 60;
    private static final RoundHistory.Units WETH = new RoundHistory.Units("WETH", 18, 18, 8);

    private static IndexedEvent event(long block, long time, String name, Map<String, String> fields) {
        return new IndexedEvent(block, 0, "0x" + block, time, "0xvault", name, fields);
    }

    private static Map<String, String> closed(String round, String nav, String fee, String assets, String price, String premium,
                                              String sold, String deposits) {
        return Map.ofEntries(Map.entry("round", round), Map.entry("navBeforeFees", nav), Map.entry("managementFee", fee),
            Map.entry("performanceFee", "0"), Map.entry("totalAssets", assets), Map.entry("totalSupply", "0"),
            Map.entry("pricePerShare", price), Map.entry("premiumCollected", premium), Map.entry("optionsSold", sold),
            Map.entry("collateralReturned", "0"), Map.entry("depositsProcessed", deposits), Map.entry("sharesMinted", "0"),
            Map.entry("sharesRedeemed", "0"), Map.entry("assetsReserved", "0"));
    }

    private static IndexedEvent answer(long time, long usd) {
        return event(time, time, "AnswerUpdated", Map.of("current", usd + "00000000", "roundId", "1", "updatedAt", String.valueOf(time)));
    }

    @Test
    void rebuildsEachRoundFromItsEvents() {
        List<IndexedEvent> vault = List.of(
            event(1, OPEN, "RoundClosed", closed("1", "0", "0", "0", "1000000000000000000", "0", "0", "10000000000000000000")),
            event(1, OPEN, "RoundOpened", Map.ofEntries(Map.entry("round", "2"), Map.entry("seriesId", "1"),
                Map.entry("isCall", "true"), Map.entry("strike", "330000000000"), Map.entry("expiry", String.valueOf(OPEN + 7 * DAY)),
                Map.entry("size", "5000000000000000000"), Map.entry("startPremium", "1"), Map.entry("floorPremium", "1"),
                Map.entry("fairPremium", "1"), Map.entry("impliedVol", "800000000000000000"),
                Map.entry("spotPrice", "300000000000"), Map.entry("auctionEnd", "0"))),
            // 10 + 0.06 - 0.088235294117647058 = 9.971764705882352942 WETH before a 0.003835616438356164 WETH fee
            event(9, CLOSE, "RoundClosed", closed("2", "9971764705882352942", "3835616438356164", "9967929089443996778",
                "996792908944399677", "60000000000000000", "3000000000000000000", "0")));
        List<IndexedEvent> options = List.of(event(9, CLOSE, "SeriesSettled",
            Map.of("seriesId", "1", "settlementPrice", "340000000000", "holdersPayout", "88235294117647058", "oracleRoundId", "8")));
        List<IndexedEvent> oracle = List.of(answer(500, 2900), answer(OPEN, 3000), answer(OPEN + DAY, 3100),
            answer(OPEN + 7 * DAY, 3400), answer(CLOSE + 1, 3500));

        List<RoundHistory.Round> rounds = RoundHistory.of(vault, options, oracle, WETH);

        assertEquals(2, rounds.size());
        RoundHistory.Round first = rounds.get(0);
        assertEquals(1, first.round());
        assertNull(first.type());
        assertNull(first.pnl(), "no NAV before the first close");
        assertNull(first.roundReturn());
        assertEquals("0", first.sizeSold().value().toPlainString());

        RoundHistory.Round r = rounds.get(1);
        assertEquals(2, r.round());
        assertEquals("call", r.type());
        assertEquals(new BigDecimal("3300"), r.strikeUsd());
        assertEquals(new BigDecimal("3000"), r.spotAtRollUsd());
        assertEquals("1970-01-08T00:16:40Z", r.expiry());
        assertEquals("3 options", r.sizeSold().toString());
        assertEquals("0.06 WETH", r.premium().toString());
        assertEquals(new BigDecimal("3400"), r.settlementPriceUsd());
        assertEquals("0.088235294117647058 WETH", r.payout().toString());
        // 9.971764705882352942 - 10 (the deposits the round started with)
        assertEquals("-0.028235294117647058 WETH", r.pnl().toString());
        assertEquals("0.003835616438356164 WETH", r.fees().toString());
        assertEquals(new BigDecimal("0.996792908944399677"), r.pricePerShare());
        assertEquals(-0.003207091055600323, r.roundReturn(), 1e-15);
        assertEquals(new BigDecimal("0.8"), r.impliedVol());
        // from the 3000 at the roll: 3100 a day later and 3400 at expiry, over 7 days; 3500 is after the close
        double s = Math.pow(Math.log(3100 / 3000.0), 2) + Math.pow(Math.log(3400 / 3100.0), 2);
        assertEquals(Math.sqrt(s / (7 / 365.0)), r.realizedVol(), 1e-12);
    }
}
