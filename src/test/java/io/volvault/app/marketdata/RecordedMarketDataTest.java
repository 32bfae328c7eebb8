package io.volvault.app.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedMarketDataTest {

    @TempDir
    Path folder;

    private String loadFails(String file, String csv) throws IOException {
        Files.writeString(folder.resolve(file), csv);
        return assertThrows(IOException.class, () -> RecordedMarketData.load(folder)).getMessage();
    }

    @Test
    void notANumberNamesFileLineAndValue() throws IOException {
        assertEquals("btc_usd_daily.csv line 3: close 'abc' is not a number", loadFails("btc_usd_daily.csv",
                "timestamp,open,high,low,close,volume\n2020-01-01,1,1,1,7200.5,0\n2020-01-02,1,1,1,abc,0\n"));
    }

    @Test
    void nonPositivePriceIsRefused() throws IOException {
        assertEquals("btc_dvol_daily.csv line 2: dvol -3 is not a positive finite number",
                loadFails("btc_dvol_daily.csv", "timestamp,dvol\n2022-11-06,-3\n"));
    }

    @Test
    void rowsOutOfOrderAreRefused() throws IOException {
        assertEquals("eth_usd_hourly.csv line 3: timestamp 2018-05-15T05:00:00Z is not after the row before it"
                        + " (rows must be oldest first, one per time)",
                loadFails("eth_usd_hourly.csv", "timestamp,open,high,low,close,volume\n"
                        + "2018-05-15T06:00:00Z,1,1,1,733,0\n2018-05-15T05:00:00Z,1,1,1,732,0\n"));
    }

    @Test
    void badTimestampIsRefused() throws IOException {
        assertEquals("btc_dvol_daily.csv line 2: timestamp '06/11/2022' is neither a date (2022-11-06) nor a UTC"
                + " time (2018-05-15T06:00:00Z)", loadFails("btc_dvol_daily.csv", "timestamp,dvol\n06/11/2022,56.76\n"));
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        assertEquals("btc_dvol_daily.csv line 2: no value in column 'dvol' (columns: timestamp,close)",
                loadFails("btc_dvol_daily.csv", "timestamp,close\n2022-11-06,56.76\n"));
    }

    @Test
    void folderWithoutAnyFileIsRefused() {
        IOException e = assertThrows(IOException.class, () -> RecordedMarketData.load(folder));
        assertEquals("market data: none of btc_usd_daily.csv, btc_dvol_daily.csv, eth_usd_hourly.csv was given in "
                + folder, e.getMessage());
    }

    @Test
    void aDailyRowAnswersForItsWholeDayOnly() throws IOException {
        Files.writeString(folder.resolve("btc_dvol_daily.csv"), "timestamp,dvol\n2022-11-06,56.76\n2022-11-07,59.48\n");
        RecordedSeries dvol = RecordedMarketData.load(folder).btcDvol().orElseThrow();

        assertEquals(OptionalInt.of(0), dvol.rowAt(Instant.parse("2022-11-06T00:00:00Z").toEpochMilli()));
        assertEquals(OptionalInt.of(0), dvol.rowAt(Instant.parse("2022-11-06T23:59:59.999Z").toEpochMilli()));
        assertEquals(OptionalInt.of(1), dvol.rowAt(Instant.parse("2022-11-07T12:00:00Z").toEpochMilli()));
        assertTrue(dvol.rowAt(Instant.parse("2022-11-08T00:00:00Z").toEpochMilli()).isEmpty());
        assertTrue(dvol.rowAt(Instant.parse("2022-11-05T23:59:59Z").toEpochMilli()).isEmpty());
    }
}
