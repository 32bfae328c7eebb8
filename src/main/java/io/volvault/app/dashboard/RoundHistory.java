package io.volvault.app.dashboard;

import io.volvault.app.index.IndexedEvent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The round table of one vault, rebuilt from its events alone (pure): per closed round the option
 * it wrote, what it sold for, where the series settled, what it paid out, the round's P&L and fees,
 * the implied vol it sold at against the vol the oracle then realized. Losing rounds are rows like
 * any other.
 */
public final class RoundHistory {

    /**
     * Units, each from the token or oracle contract's own {@code decimals()}.
     *
     * @param sizeDecimals option sizes (one option is on one whole unit of the base token)
     * @param priceDecimals oracle answers, strikes and settlement prices
     */
    public record Units(String asset, int assetDecimals, int sizeDecimals, int priceDecimals) {}

    /**
     * One closed round. Option fields are null for a round that wrote none.
     *
     * @param pnl           navBeforeFees - the NAV the round started with: premium, payout and
     *                      rebalancing together, before fees
     * @param roundReturn   this round's price per share over the previous round's, minus 1 (after fees);
     *                      null for the first close
     * @param impliedVol    the vol the option was priced at the roll (ex ante)
     * @param realizedVol   the oracle's realized vol from the roll to the close (ex post), null
     *                      without two prices in between
     */
    public record Round(long round, String openedAt, String closedAt, String type, BigDecimal strikeUsd, String expiry,
                        BigDecimal spotAtRollUsd, Amount sizeSold, Amount premium, BigDecimal settlementPriceUsd,
                        Amount payout, Amount pnl, Amount fees, BigDecimal pricePerShare, Double roundReturn,
                        BigDecimal impliedVol, Double realizedVol) {}

    private static final BigDecimal WAD = BigDecimal.TEN.pow(18);

    private RoundHistory() {}

    /**
     * The closed rounds, oldest first, from the vault's events, the options market's
     * {@code SeriesSettled} events and the oracle's {@code AnswerUpdated} events (each in chain order).
     */
    public static List<Round> of(List<IndexedEvent> vault, List<IndexedEvent> options, List<IndexedEvent> oracle, Units u) {
        Map<String, IndexedEvent> settled = new HashMap<>();
        for (IndexedEvent e : options) {
            if (e.name().equals("SeriesSettled")) {
                settled.put(e.field("seriesId"), e);
            }
        }
        Map<Long, IndexedEvent> opened = new HashMap<>();
        List<Round> rounds = new ArrayList<>();
        BigInteger startNav = null;
        BigDecimal previousPrice = null;
        for (IndexedEvent e : vault) {
            if (e.name().equals("RoundOpened")) {
                opened.put(e.uint("round").longValueExact(), e);
            } else if (e.name().equals("RoundClosed")) {
                long round = e.uint("round").longValueExact();
                BigInteger nav = e.uint("navBeforeFees");
                BigInteger fees = e.uint("managementFee").add(e.uint("performanceFee"));
                BigDecimal price = Amount.of(e.uint("pricePerShare"), u.assetDecimals(), u.asset()).value();
                IndexedEvent roll = opened.get(round);
                IndexedEvent settlement = roll == null ? null : settled.get(roll.field("seriesId"));
                rounds.add(new Round(round,
                    roll == null ? null : time(roll.timestamp()), time(e.timestamp()),
                    roll == null ? null : Boolean.parseBoolean(roll.field("isCall")) ? "call" : "put",
                    roll == null ? null : usd(roll.uint("strike"), u),
                    roll == null ? null : time(roll.uint("expiry").longValueExact()),
                    roll == null ? null : usd(roll.uint("spotPrice"), u),
                    Amount.of(e.uint("optionsSold"), u.sizeDecimals(), "options"),
                    asset(e.uint("premiumCollected"), u),
                    settlement == null ? null : usd(settlement.uint("settlementPrice"), u),
                    settlement == null ? null : asset(settlement.uint("holdersPayout"), u),
                    startNav == null ? null : asset(nav.subtract(startNav), u),
                    asset(fees, u), price,
                    previousPrice == null ? null : price.doubleValue() / previousPrice.doubleValue() - 1,
                    roll == null ? null : new BigDecimal(roll.uint("impliedVol")).divide(WAD),
                    roll == null ? null : realized(oracle, roll.timestamp(), e.timestamp(), u)));
                // the NAV the next round starts with: after fees, new deposits in, redemptions set aside
                startNav = e.uint("totalAssets").add(e.uint("depositsProcessed")).subtract(e.uint("assetsReserved"));
                previousPrice = price;
            }
        }
        return rounds;
    }

    /** The oracle's realized vol over [from, to], the last price at or before {@code from} included. */
    private static Double realized(List<IndexedEvent> oracle, long from, long to, Units u) {
        List<OracleRealizedVol.Observation> window = new ArrayList<>();
        for (IndexedEvent e : oracle) {
            if (!e.name().equals("AnswerUpdated")) {
                continue;
            }
            long t = e.uint("updatedAt").longValueExact();
            OracleRealizedVol.Observation o = new OracleRealizedVol.Observation(t,
                new BigDecimal(new BigInteger(e.field("current")), u.priceDecimals()).doubleValue());
            if (t <= from) {
                window.clear();
                window.add(o);
            } else if (t <= to) {
                window.add(o);
            }
        }
        OptionalDouble vol = OracleRealizedVol.annualised(window);
        return vol.isPresent() ? vol.getAsDouble() : null;
    }

    private static Amount asset(BigInteger raw, Units u) {
        return Amount.of(raw, u.assetDecimals(), u.asset());
    }

    private static BigDecimal usd(BigInteger answer, Units u) {
        return Amount.of(answer, u.priceDecimals(), "USD").value();
    }

    private static String time(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }
}
