package io.volvault.app.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An address's history as CSV, for taxes and records: one row per request, cancel, claim or share
 * transfer, oldest first, amounts exact (whole tokens, every decimal the chain has), with the round
 * that processed each request and that round's price per share, and a transfer's other address.
 */
public final class AccountCsv {

    static final List<String> COLUMNS = List.of("time_utc", "block", "tx", "vault", "vault_symbol", "event", "amount",
        "amount_unit", "round", "round_price_per_share", "converted", "converted_unit", "counterparty");

    /** Quotes only cells that need it (Jackson's default also quotes long ones, such as hashes). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private AccountCsv() {}

    public static String of(AccountView account) {
        List<List<String>> rows = new ArrayList<>();
        for (AccountView.Position p : account.positions()) {
            for (AccountView.Activity a : p.history()) {
                rows.add(List.of(a.time(), String.valueOf(a.block()), a.tx(), p.vault(), p.symbol(), a.event(),
                    a.amount().value().toPlainString(), a.amount().unit(), a.round() == null ? "" : a.round().toString(),
                    text(a.roundPrice()), a.converted() == null ? "" : a.converted().value().toPlainString(),
                    a.converted() == null ? "" : a.converted().unit(), a.counterparty() == null ? "" : a.counterparty()));
            }
        }
        rows.sort((x, y) -> Long.compare(Long.parseLong(x.get(1)), Long.parseLong(y.get(1))));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the history CSV: " + e.getMessage(), e);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
