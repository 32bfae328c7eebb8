package io.volvault.app.demo;

import io.volvault.app.keeper.ImpliedVolSource;
import io.volvault.app.marketdata.BookSummary;
import io.volvault.app.marketdata.DeribitClient;
import io.volvault.app.marketdata.Instrument;
import io.volvault.app.marketdata.Reply;
import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.ChainFitter;
import io.volvault.greeks.surface.ChainQuote;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.greeks.surface.VolSurface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the recorded market bids for an option, in USD per option: the recorded bid of the listed
 * option of the same type, strike and expiry (coin price x the row's index price); for an option
 * not listed (the vaults' strikes and expiries rarely are), the bid side interpolated in implied
 * vol: every out-of-the-money listed option with a bid is inverted to its bid IV (Black-76 on its
 * forward, no rate), {@link ChainFitter} fits SVI to those IVs per expiry, the fit is rolled to now
 * sticky-strike ({@link ImpliedVolSource#rolledTo}) and the option is priced at its strike and
 * remaining life there. No bid (NaN) when no expiry's bid side fits.
 */
final class RecordedBids {

    private static final double MILLIS_PER_YEAR = 1000 * ImpliedVolSource.SECONDS_PER_YEAR;

    /** A listed option's key: type, strike, expiry. */
    private record Key(OptionType type, double strike, long expiryMillis) {}

    private final long asOfMillis;
    private final Map<Key, Double> listedBidUsd;
    private final VolSurface bidSurface;

    private RecordedBids(long asOfMillis, Map<Key, Double> listedBidUsd, VolSurface bidSurface) {
        this.asOfMillis = asOfMillis;
        this.listedBidUsd = listedBidUsd;
        this.bidSurface = bidSurface;
    }

    /** The bids of the chain the market-data server answers now; empty when that chain is not recorded. */
    static Optional<RecordedBids> read(DeribitClient client, String currency) throws IOException {
        Reply<List<BookSummary>> book = client.getBookSummaryByCurrency(currency, "option");
        if (!book.volvaultSource().orElse("").startsWith("recorded")) {
            return Optional.empty();
        }
        return Optional.of(of(client.getInstruments(currency, "option", false).result(), book.result()));
    }

    /** The bids of one snapshot: its instruments and book summaries, joined by instrument name. */
    static RecordedBids of(List<Instrument> instruments, List<BookSummary> book) {
        Map<String, Instrument> byName = new HashMap<>();
        instruments.forEach(i -> byName.put(i.instrumentName(), i));
        long asOf = book.stream().mapToLong(BookSummary::creationTimestamp).max().orElse(0);
        Map<Key, Double> listed = new HashMap<>();
        List<ChainQuote> bidIvs = new ArrayList<>();
        for (BookSummary b : book) {
            Instrument i = byName.get(b.instrumentName());
            if (i == null || i.strike() == null || b.bidPrice() == null || !(b.bidPrice() > 0)
                    || b.estimatedDeliveryPrice() == null || b.underlyingPrice() == null || i.expirationTimestamp() <= asOf) {
                continue;
            }
            OptionType type = "call".equals(i.optionType()) ? OptionType.CALL : OptionType.PUT;
            double usd = b.bidPrice() * b.estimatedDeliveryPrice();
            listed.put(new Key(type, i.strike(), i.expirationTimestamp()), usd);
            double forward = b.underlyingPrice();
            boolean outOfTheMoney = type == OptionType.CALL ? i.strike() >= forward : i.strike() < forward;
            double years = (i.expirationTimestamp() - asOf) / MILLIS_PER_YEAR;
            if (outOfTheMoney) {
                try {
                    bidIvs.add(new ChainQuote(years, i.strike(), forward, ImpliedVol.black76(type, usd, forward, i.strike(), years, 0)));
                } catch (IllegalArgumentException belowIntrinsicOrAboveForward) {
                    // a bid no vol reaches carries no smile information
                }
            }
        }
        VolSurface surface = bidIvs.isEmpty() ? null : ChainFitter.fitIvs(bidIvs).surface();
        return new RecordedBids(asOf, listed, surface);
    }

    /** The recorded bid in USD per option at {@code nowSeconds}; NaN when the chain's bid side gives none. */
    double bidUsd(OptionType type, double strike, long expirySeconds, long nowSeconds) {
        Double listed = listedBidUsd.get(new Key(type, strike, expirySeconds * 1000));
        if (listed != null) {
            return listed;
        }
        double years = (expirySeconds - nowSeconds) * 1000 / MILLIS_PER_YEAR;
        if (bidSurface == null || !(years > 0)) {
            return Double.NaN;
        }
        List<SviSlice> rolled = ImpliedVolSource.rolledTo(bidSurface, (nowSeconds * 1000 - asOfMillis) / MILLIS_PER_YEAR);
        if (rolled.isEmpty()) {
            return Double.NaN;
        }
        VolSurface now = VolSurface.of(rolled);
        return Black76.price(new B76Option(type, now.forward(years), strike, years, now.iv(strike, years), 0));
    }
}
