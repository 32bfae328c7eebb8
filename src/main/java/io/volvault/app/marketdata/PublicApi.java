package io.volvault.app.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.realized.Estimator;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.realized.RealizedVol;
import io.volvault.greeks.realized.VolSeries;
import io.volvault.strategy.backtest.ChainDay;
import io.volvault.strategy.backtest.ChainOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The public methods the local server answers, from {@link RecordedMarketData} as of the replay
 * time: each returns Deribit's {@code result} and the {@code volvault_source} line saying where it
 * came from (recorded, computed, or synthetic), or throws {@link RpcError}.
 */
final class PublicApi {

    /** Realized vol window of {@code get_historical_volatility} and of the ETH ATM proxy. */
    static final Duration REALIZED_VOL_WINDOW = Duration.ofDays(30);
    /** How far back {@code get_historical_volatility} answers, as Deribit's does (about two weeks). */
    static final Duration HISTORICAL_VOLATILITY_SPAN = Duration.ofDays(15);
    /** Most candles in one {@code get_volatility_index_data} answer; older ones need the continuation. */
    static final int MAX_CANDLES = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Answer(JsonNode result, String source) {
    }

    private final RecordedMarketData data;
    private SyntheticChain lastChain;

    PublicApi(RecordedMarketData data) {
        this.data = data;
    }

    Answer answer(String method, Map<String, List<String>> params, long asOfMillis) {
        return switch (method) {
            case "get_index_price" -> indexPrice(required(params, "index_name"), asOfMillis);
            case "get_volatility_index_data" -> volatilityIndex(params, asOfMillis);
            case "get_historical_volatility" -> historicalVolatility(currency(params), asOfMillis);
            case "get_instruments" -> instruments(params, asOfMillis);
            case "get_book_summary_by_currency" -> bookSummary(params, asOfMillis);
            case "ticker" -> ticker(required(params, "instrument_name"), asOfMillis);
            default -> throw RpcError.methodNotFound("public/" + method + " is not served here");
        };
    }

    private Answer indexPrice(String indexName, long asOf) {
        Optional<RecordedSeries> file = data.indexPrice(indexName);
        Optional<ChainDay> snapshot = file.isPresent() && file.get().rowAt(asOf).isPresent() || !indexName.endsWith("_usd")
            ? Optional.empty() : recorded(indexName.substring(0, indexName.length() - 4).toUpperCase(Locale.ROOT), asOf);
        if (snapshot.isPresent()) {
            ObjectNode result = NODES.objectNode();
            result.put("index_price", snapshot.get().index());
            result.put("estimated_delivery_price", snapshot.get().index());
            return new Answer(result, data.chains().orElseThrow().source(snapshot.get())
                + "; index = the median of the snapshot's index prices");
        }
        RecordedSeries series = file.orElseThrow(() -> RpcError.invalidParam("index_name",
                "no recorded index '" + indexName + "': this server has " + knownIndexes()));
        int row = rowAt(series, asOf, indexName + " index price");
        ObjectNode result = NODES.objectNode();
        result.put("index_price", series.value(row));
        result.put("estimated_delivery_price", series.value(row));
        return new Answer(result, recorded(series, row));
    }

    private Answer volatilityIndex(Map<String, List<String>> params, long asOf) {
        String currency = currency(params);
        long start = longParam(params, "start_timestamp");
        long end = longParam(params, "end_timestamp");
        String resolution = required(params, "resolution");
        if (!resolution.equals("1D") && !resolution.equals("86400")) {
            throw RpcError.invalidParam("resolution", "only daily DVOL is recorded: use 1D (got " + resolution + ")");
        }
        RecordedSeries dvol = dvolOf(currency);
        long last = Math.min(end, asOf);
        int to = dvol.lastRowAtOrBefore(last);
        int from = dvol.lastRowAtOrBefore(start - 1) + 1;
        int first = Math.max(from, to - MAX_CANDLES + 1);
        ArrayNode candles = NODES.arrayNode();
        for (int row = first; row <= to; row++) {
            double value = dvol.value(row);
            candles.add(NODES.arrayNode().add(dvol.time(row)).add(value).add(value).add(value).add(value));
        }
        ObjectNode result = NODES.objectNode();
        result.set("data", candles);
        if (first > from) {
            result.put("continuation", dvol.time(first) - 1);
        } else {
            result.putNull("continuation");
        }
        return new Answer(result, "recorded: " + dvol.file() + ", one DVOL value a day served as open = high = low"
                + " = close, no later than the replay time " + Instant.ofEpochMilli(asOf));
    }

    private Answer historicalVolatility(String currency, long asOf) {
        RecordedSeries prices = priceOf(currency);
        int row = rowAt(prices, asOf, currency + " price");
        int window = barsIn(prices, REALIZED_VOL_WINDOW);
        int points = barsIn(prices, HISTORICAL_VOLATILITY_SPAN);
        double[] vols = trailingRealizedVol(prices, row, window, points);
        int firstRow = row - vols.length + 1;
        ArrayNode result = NODES.arrayNode();
        for (int i = 0; i < vols.length; i++) {
            result.add(NODES.arrayNode().add(prices.time(firstRow + i)).add(100 * vols[i]));
        }
        return new Answer(result, String.format(Locale.ROOT,
                "computed: %d-bar close-to-close realized vol (RealizedVol, %s periods a year) of %s closes, in percent",
                window, periodsPerYear(prices), prices.file()));
    }

    private Answer instruments(Map<String, List<String>> params, long asOf) {
        String currency = currency(params);
        Optional<String> kind = optional(params, "kind");
        boolean expired = optional(params, "expired").map(Boolean::parseBoolean).orElse(false);
        ArrayNode result = NODES.arrayNode();
        if (kind.isPresent() && !kind.get().equals("option") || expired) {
            return new Answer(result, "synthetic: volvault lists live options only, no "
                    + (expired ? "expired instruments" : kind.get() + " instruments"));
        }
        Optional<ChainDay> recorded = recorded(currency, asOf);
        if (recorded.isPresent()) {
            for (ChainOption option : recorded.get().options()) {
                ListedOption listed = listed(option);
                ObjectNode node = instrument(listed, recorded.get().epochSeconds() * 1000);
                node.put("expiration_timestamp", option.expiryEpochSeconds() * 1000);
                node.put("strike", option.strike());
                result.add(node);
            }
            return new Answer(result, data.chains().orElseThrow().source(recorded.get()));
        }
        SyntheticChain chain = chain(currency, asOf);
        for (ListedOption option : chain.listed()) {
            result.add(instrument(option, asOf));
        }
        return new Answer(result, chain.source());
    }

    /** The recorded snapshot standing at {@code asOf}, if the server has one. */
    private Optional<ChainDay> recorded(String currency, long asOf) {
        return data.chains().flatMap(c -> c.at(currency, asOf));
    }

    /** A recorded option under Deribit's naming (the name is the recorded one; checked when the file was read). */
    private static ListedOption listed(ChainOption option) {
        return ListedOption.parse(option.instrument()).orElseThrow(() -> new IllegalStateException(
            "recorded instrument " + option.instrument() + " is not a Deribit option name"));
    }

    /** A recorded price in coin, or JSON null where the book had no quote. */
    private static void putPrice(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static Answer recordedBookSummary(ChainDay day, String source) {
        ArrayNode result = NODES.arrayNode();
        for (ChainOption o : day.options()) {
            ObjectNode row = result.addObject();
            row.put("instrument_name", o.instrument());
            row.put("base_currency", day.currency());
            row.put("quote_currency", day.currency());
            row.put("mark_price", o.mark());
            row.put("mark_iv", 100 * o.markIv());
            putPrice(row, "bid_price", o.bid());
            putPrice(row, "ask_price", o.ask());
            putPrice(row, "mid_price", o.mid());
            row.putNull("last");
            row.putNull("high");
            row.putNull("low");
            row.put("volume", o.volume());
            row.put("open_interest", o.openInterest());
            row.put("underlying_price", o.forward());
            row.put("underlying_index", "index_price");
            row.put("interest_rate", 0.0);
            row.put("estimated_delivery_price", o.index());
            row.putNull("price_change");
            row.put("creation_timestamp", day.epochSeconds() * 1000);
        }
        return new Answer(result, source);
    }

    private static Answer recordedTicker(ChainDay day, ChainOption o, String source) {
        ObjectNode result = NODES.objectNode();
        result.put("instrument_name", o.instrument());
        result.put("timestamp", day.epochSeconds() * 1000);
        result.put("state", "open");
        result.put("index_price", o.index());
        result.put("underlying_price", o.forward());
        result.put("underlying_index", "index_price");
        result.put("interest_rate", 0.0);
        result.put("estimated_delivery_price", o.index());
        result.put("mark_price", o.mark());
        result.put("mark_iv", 100 * o.markIv());
        result.putNull("bid_iv");
        result.putNull("ask_iv");
        putPrice(result, "best_bid_price", o.bid());
        putPrice(result, "best_ask_price", o.ask());
        result.putNull("last_price");
        result.put("open_interest", o.openInterest());
        result.put("volume", o.volume());
        result.put("delta", o.delta());
        result.put("vega", o.vega());
        return new Answer(result, source + "; bid and ask IVs and the full greeks were not recorded (delta and vega were)");
    }

    private Answer bookSummary(Map<String, List<String>> params, long asOf) {
        String currency = currency(params);
        Optional<String> kind = optional(params, "kind");
        ArrayNode result = NODES.arrayNode();
        if (kind.isPresent() && !kind.get().equals("option")) {
            return new Answer(result, "synthetic: volvault lists options only, no " + kind.get() + " instruments");
        }
        Optional<ChainDay> recorded = recorded(currency, asOf);
        if (recorded.isPresent()) {
            return recordedBookSummary(recorded.get(), data.chains().orElseThrow().source(recorded.get()));
        }
        SyntheticChain chain = chain(currency, asOf);
        for (ListedOption option : chain.listed()) {
            Greeks greeks = chain.greeks(option);
            ObjectNode row = result.addObject();
            row.put("instrument_name", option.name());
            row.put("base_currency", currency);
            row.put("quote_currency", currency);
            row.put("mark_price", greeks.price() / chain.forward());
            row.put("mark_iv", 100 * chain.iv(option));
            row.putNull("bid_price");
            row.putNull("ask_price");
            row.putNull("mid_price");
            row.putNull("last");
            row.putNull("high");
            row.putNull("low");
            row.put("volume", 0.0);
            row.put("open_interest", 0.0);
            row.put("underlying_price", chain.forward());
            row.put("underlying_index", "index_price");
            row.put("interest_rate", 0.0);
            row.put("estimated_delivery_price", chain.forward());
            row.putNull("price_change");
            row.put("creation_timestamp", asOf);
        }
        return new Answer(result, chain.source());
    }

    private Answer ticker(String instrumentName, long asOf) {
        ListedOption listed = ListedOption.parse(instrumentName).orElseThrow(RpcError::instrumentNotFound);
        Optional<ChainDay> recorded = recorded(listed.currency(), asOf);
        if (recorded.isPresent()) {
            ChainOption option = recorded.get().options().stream().filter(o -> o.instrument().equals(instrumentName))
                .findFirst().orElseThrow(RpcError::instrumentNotFound);
            return recordedTicker(recorded.get(), option, data.chains().orElseThrow().source(recorded.get()));
        }
        SyntheticChain chain = chain(listed.currency(), asOf);
        ListedOption option = chain.find(instrumentName).orElseThrow(RpcError::instrumentNotFound);
        Greeks greeks = chain.greeks(option);
        double markIv = 100 * chain.iv(option);
        ObjectNode result = NODES.objectNode();
        result.put("instrument_name", option.name());
        result.put("timestamp", asOf);
        result.put("state", "open");
        result.put("index_price", chain.forward());
        result.put("underlying_price", chain.forward());
        result.put("underlying_index", "index_price");
        result.put("interest_rate", 0.0);
        result.put("estimated_delivery_price", chain.forward());
        result.put("mark_price", greeks.price() / chain.forward());
        result.put("mark_iv", markIv);
        result.put("bid_iv", 0.0);
        result.put("ask_iv", 0.0);
        result.putNull("best_bid_price");
        result.putNull("best_ask_price");
        result.put("best_bid_amount", 0.0);
        result.put("best_ask_amount", 0.0);
        result.putNull("last_price");
        result.put("open_interest", 0.0);
        ObjectNode deribitGreeks = result.putObject("greeks");
        deribitGreeks.put("delta", greeks.delta());
        deribitGreeks.put("gamma", greeks.gamma());
        deribitGreeks.put("vega", greeks.vega() / 100);
        deribitGreeks.put("theta", greeks.theta() / 365);
        deribitGreeks.put("rho", greeks.rho() / 100);
        return new Answer(result, chain.source());
    }

    private ObjectNode instrument(ListedOption option, long asOf) {
        ObjectNode node = NODES.objectNode();
        node.put("instrument_name", option.name());
        node.put("kind", "option");
        node.put("base_currency", option.currency());
        node.put("quote_currency", option.currency());
        node.put("settlement_currency", option.currency());
        node.put("counter_currency", "USD");
        node.put("option_type", option.type() == OptionType.CALL ? "call" : "put");
        node.put("strike", (double) option.strike());
        node.put("expiration_timestamp", option.expiryMillis());
        node.put("creation_timestamp", asOf);
        node.put("is_active", true);
        node.put("contract_size", 1.0);
        node.put("tick_size", 0.0005);
        node.put("min_trade_amount", option.currency().equals("BTC") ? 0.1 : 1.0);
        node.put("price_index", option.currency().toLowerCase(Locale.ROOT) + "_usd");
        node.put("settlement_period", ChainListing.isMonthly(option.expiryDate()) ? "month" : "week");
        return node;
    }

    /** The chain of a currency at a time; the last one is kept, as a replay asks many times per tick. */
    private synchronized SyntheticChain chain(String currency, long asOf) {
        if (lastChain != null && lastChain.currency().equals(currency) && lastChain.asOfMillis() == asOf) {
            return lastChain;
        }
        RecordedSeries prices = priceOf(currency);
        int priceRow = rowAt(prices, asOf, currency + " price");
        double forward = prices.value(priceRow);
        SyntheticChain chain;
        if (currency.equals("BTC")) {
            RecordedSeries dvol = dvolOf(currency);
            int dvolRow = rowAt(dvol, asOf, "BTC DVOL");
            chain = SyntheticChain.build(currency, asOf, forward, dvol.value(dvolRow) / 100,
                    String.format(Locale.ROOT, "DVOL %s on %s", dvol.value(dvolRow), day(dvol.time(dvolRow))));
        } else {
            int window = barsIn(prices, REALIZED_VOL_WINDOW);
            double atmVol = trailingRealizedVol(prices, priceRow, window, 1)[0];
            chain = SyntheticChain.build(currency, asOf, forward, atmVol, String.format(Locale.ROOT,
                    "%s %d-bar realized vol %.2f%% at %s (proxy: no %s DVOL is recorded)", currency, window,
                    100 * atmVol, Instant.ofEpochMilli(prices.time(priceRow)), currency));
        }
        lastChain = chain;
        return chain;
    }

    /**
     * Close-to-close realized vol (annualised fraction) at up to {@code points} rows ending at
     * {@code row}, each over the {@code window} returns before it; fewer points when the file
     * starts too late for all of them.
     */
    private static double[] trailingRealizedVol(RecordedSeries prices, int row, int window, int points) {
        if (row < window) {
            throw RpcError.notRecorded(String.format(Locale.ROOT,
                    "%s: a %d-bar realized vol at %s needs %d rows before it, the file has %d",
                    prices.file(), window, Instant.ofEpochMilli(prices.time(row)), window, row));
        }
        int from = Math.max(0, row - window - points + 1);
        long[] seconds = new long[row - from + 1];
        double[] closes = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = prices.time(from + i) / 1000;
            closes[i] = prices.value(from + i);
        }
        // The index files carry closes only: a close-to-close estimator needs nothing else.
        PriceBars bars = new PriceBars(seconds, closes, closes, closes, closes);
        VolSeries series = RealizedVol.rolling(Estimator.CLOSE_TO_CLOSE, bars, window, periodsPerYear(prices));
        int firstValid = Math.max(series.firstIndex(), bars.size() - points);
        return Arrays.copyOfRange(series.values(), firstValid, bars.size());
    }

    private static double periodsPerYear(RecordedSeries series) {
        return Duration.ofDays(365).toMillis() / (double) series.step().toMillis();
    }

    private static int barsIn(RecordedSeries series, Duration span) {
        return (int) (span.toMillis() / series.step().toMillis());
    }

    private RecordedSeries priceOf(String currency) {
        String index = currency.toLowerCase(Locale.ROOT) + "_usd";
        return data.indexPrice(index).orElseThrow(() -> RpcError.invalidParam("currency",
                "no recorded " + index + " prices: this server has " + knownIndexes()));
    }

    private RecordedSeries dvolOf(String currency) {
        if (!currency.equals("BTC")) {
            throw RpcError.invalidParam("currency", "no " + currency + " DVOL is recorded: DVOL is served for BTC only");
        }
        return data.btcDvol().orElseThrow(() -> RpcError.invalidParam("currency",
                "no BTC DVOL: " + RecordedMarketData.BTC_DVOL_FILE + " was not in the data folder"));
    }

    private String knownIndexes() {
        String known = (data.btcPrice().isPresent() ? "btc_usd " : "") + (data.ethPrice().isPresent() ? "eth_usd" : "");
        return known.isBlank() ? "no index prices" : known.strip();
    }

    private static int rowAt(RecordedSeries series, long asOf, String what) {
        OptionalInt row = series.rowAt(asOf);
        if (row.isEmpty()) {
            throw RpcError.notRecorded("no " + what + " recorded for the replay time " + Instant.ofEpochMilli(asOf)
                    + ": " + series.file() + " covers " + series.span() + ", each row for one "
                    + (series.step().toHours() == 24 ? "day" : "hour"));
        }
        return row.getAsInt();
    }

    private static String recorded(RecordedSeries series, int row) {
        return "recorded: " + series.file() + ", " + series.column() + " of the row " + Instant.ofEpochMilli(series.time(row));
    }

    private static String day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String currency(Map<String, List<String>> params) {
        String currency = required(params, "currency");
        if (!currency.equals("BTC") && !currency.equals("ETH")) {
            throw RpcError.invalidParam("currency", "must be BTC or ETH, got " + currency);
        }
        return currency;
    }

    private static long longParam(Map<String, List<String>> params, String name) {
        String text = required(params, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw RpcError.invalidParam(name, "must be milliseconds since the Unix epoch, got '" + text + "'");
        }
    }

    private static String required(Map<String, List<String>> params, String name) {
        return optional(params, name).orElseThrow(() -> RpcError.invalidParam(name, "missing"));
    }

    private static Optional<String> optional(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0).strip());
    }
}
