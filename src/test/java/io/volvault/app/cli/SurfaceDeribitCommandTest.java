package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.ImpliedVol;
import io.volvault.greeks.OptionType;
import io.volvault.greeks.surface.SviParams;
import io.volvault.greeks.surface.SviSlice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code surface --deribit}: real Deribit snapshots, and the ways a file can be refused or a slice skipped. */
class SurfaceDeribitCommandTest {

    private static final String HEADER = "timestamp,instrument_name,underlying,option_type,strike,time_to_maturity,"
        + "bid_price,ask_price,mark_price,implied_volatility,currency";

    @TempDir
    Path temp;

    private static Path fixture() {
        return Path.of(System.getProperty("volvault.root"),
            "greeks/src/test/resources/deribit/deribit_options_daily_4days.csv.gz");
    }

    @Test
    void fitsEveryExpiryOfARealSnapshot() {
        CapturedRun run = CapturedRun.of("surface", "--deribit", fixture().toString(), "--asset", "BTC",
            "--at", "2026-01-29");

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        // 714 BTC rows over 13 expiries in the file on that day (counted with awk).
        assertEquals("BTC 2026-01-29T09:34:52.091609+00:00: 714 quotes, 13 expiries", lines[0]);
        assertEquals("expiry,forward,points,a,b,rho,m,sigma,atm_vol,skew,rms_iv_error,rms_iv_error_vs_mark", lines[1]);
        assertEquals("", lines[15]);
        assertTrue(lines[16].startsWith("arbitrage: "), lines[16]);
        // BTC-27MAR26-80000-P: bid 0.024, ask 0.025 BTC on a forward of 88,514.3 USD; the fitted smile
        // lies within that bid/ask in vol (the put is out of the money, so it is the one fitted).
        String march = List.of(lines).stream().filter(line -> line.startsWith("0.1558771233677783,")).findFirst()
            .orElseThrow();
        String[] cells = march.split(",");
        SviSlice slice = new SviSlice(0.1558771233677783, Double.parseDouble(cells[1]), new SviParams(
            Double.parseDouble(cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]),
            Double.parseDouble(cells[6]), Double.parseDouble(cells[7])));
        double bidIv = ImpliedVol.black76(OptionType.PUT, 0.024 * 88514.3, 88514.3, 80000, 0.1558771233677783, 0);
        double askIv = ImpliedVol.black76(OptionType.PUT, 0.025 * 88514.3, 88514.3, 80000, 0.1558771233677783, 0);
        double model = slice.iv(80000);
        assertTrue(model > bidIv && model < askIv, bidIv + " < " + model + " < " + askIv);
    }

    @Test
    void aSliceThatCannotBeFittedIsReportedAndSkipped() throws IOException {
        List<String> rows = new ArrayList<>(List.of(HEADER));
        rows.addAll(rows("0.1", new double[] {80, 90, 95, 100, 105, 110, 120}));
        rows.addAll(rows("0.3", new double[] {90, 100, 110}));
        CapturedRun run = CapturedRun.of("surface", "--deribit", write(rows).toString(), "--asset", "ETH");

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("ETH 2026-01-01T08:00:00+00:00: 20 quotes, 2 expiries", lines[0]);
        assertTrue(lines[2].startsWith("0.1,100.0,7,"), lines[2]);
        assertEquals("", lines[3]);
        assertEquals("not fitted: 1 expiry(ies), skipped", lines[4]);
        assertEquals("expiry 0.3: 3 strikes with a usable quote: raw SVI has 5 parameters and needs at least 5",
            lines[5]);
    }

    @Test
    void refusalsNameTheFieldAndValue() throws IOException {
        // The four BTC snapshot times of the fixture: zcat ... | awk -F, '$21=="BTC"{print $1}' | sort -u
        Path file = write(List.of(HEADER, row("0.1", 100, "straddle", 0.01)));
        assertRefused(file, file + " line 2, column 4 (option_type): 'straddle' is neither call nor put", "--asset",
            "ETH");
        Path negative = write(List.of(HEADER, row("-0.1", 100, "call", 0.01)));
        assertRefused(negative, negative + " line 2, column 6 (time_to_maturity): -0.1 must be positive", "--asset",
            "ETH");
        Path price = write(List.of(HEADER, row("0.1", 100, "call", -0.01)));
        assertRefused(price, price + " line 2, column 7 (bid_price): " + (-0.01 * 0.98) + " must not be negative", "--asset", "ETH");
        Path noColumn = write(List.of("timestamp,currency", "2026-01-01T08:00:00+00:00,ETH"));
        assertRefused(noColumn, noColumn + " line 1: the header has no column 'underlying' (a Deribit chain needs"
            + " timestamp,currency,underlying,option_type,strike,time_to_maturity,bid_price,ask_price,mark_price,"
            + "implied_volatility)", "--asset", "ETH");
        assertRefused(file, fixture() + ": no SOL rows (currencies in the file: BTC, ETH)", "--asset", "SOL");
        assertRefused(file, "--deribit needs --asset (BTC or ETH)");
        assertRefused(file, fixture() + ": 4 BTC snapshots (2026-01-05T09:25:11.513224+00:00 .. "
            + "2026-05-15T11:27:31.165171+00:00): choose one with --at", "--asset", "BTC");
        Path tooFew = write(List.of(HEADER, row("0.1", 100, "call", 0.01), row("0.1", 110, "call", 0.005)));
        assertRefused(tooFew, tooFew + ": no expiry could be fitted: expiry 0.1: 2 strikes with a usable quote: raw"
            + " SVI has 5 parameters and needs at least 5", "--asset", "ETH");
    }

    private void assertRefused(Path file, String message, String... options) {
        boolean fixtureCase = message.startsWith(fixture().toString());
        List<String> args = new ArrayList<>(List.of("surface", "--deribit", (fixtureCase ? fixture() : file).toString()));
        args.addAll(List.of(options));
        CapturedRun run = CapturedRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals("volvault surface: " + message + System.lineSeparator(), run.err());
    }

    private Path write(List<String> rows) throws IOException {
        return Files.write(Files.createTempFile(temp, "deribit", ".csv"), rows);
    }

    /** A put below 100 and a call from 100 at each strike, priced in coin off a 60% flat smile plus 2 vol points of skew. */
    private static List<String> rows(String expiry, double[] strikes) {
        List<String> rows = new ArrayList<>();
        double t = Double.parseDouble(expiry);
        for (double strike : strikes) {
            double vol = 0.6 - 0.2 * Math.log(strike / 100.0);
            for (OptionType type : OptionType.values()) {
                double usd = io.volvault.greeks.Black76.price(new io.volvault.greeks.B76Option(type, 100.0, strike, t,
                    vol, 0.0));
                rows.add(row(expiry, strike, type == OptionType.CALL ? "call" : "put", usd / 100.0));
            }
        }
        return rows;
    }

    private static String row(String expiry, double strike, String type, double coinPrice) {
        double bid = coinPrice * 0.98;
        double ask = Math.abs(coinPrice) * 1.02;
        return "2026-01-01T08:00:00+00:00,ETH-X," + 100.0 + "," + type + "," + strike + "," + expiry + "," + bid + ","
            + ask + "," + coinPrice + ",," + "ETH";
    }
}
