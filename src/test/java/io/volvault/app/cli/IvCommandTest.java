package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.BlackScholes;
import io.volvault.greeks.BsOption;
import io.volvault.greeks.OptionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvCommandTest {

    @TempDir
    Path dir;

    @Test
    void recoversTheVolOfEachPriceAndReportsFailuresInTheErrorColumn() throws IOException {
        double price = BlackScholes.price(new BsOption(OptionType.PUT, 60_000, 50_000, 30 / 365.0, 0.65, 0.04, 0.0));
        Path input = write("type,spot,strike,expiry,price,rate\n"
            + "put,60000,50000," + 30 / 365.0 + "," + price + ",0.04\n"
            + "call,110,100,1,12.3,0.05\n"
            + "call,60,65,0.25,2.1334,0.08\n");
        CapturedRun run = CapturedRun.of("iv", "--input", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("type,spot,strike,expiry,price,rate,iv,error", lines[0]);
        String[] first = lines[1].split(",", -1);
        assertEquals(0.65, Double.parseDouble(first[6]), 1e-12 * 0.65);
        assertEquals("", first[7]);
        // Below the discounted intrinsic value e^{-rT}(F - K): printed, with the reason, and no iv.
        double lower = Math.exp(-0.05) * (110.0 * Math.exp(0.05) - 100.0);
        assertEquals("call,110,100,1,12.3,0.05,,price 12.3 is below the lower no-arbitrage bound " + lower
            + " (discounted intrinsic)", lines[2]);
        // Haug p. 2-8: 2.1334 is the price at vol 0.30, to four decimals.
        assertEquals(0.30, Double.parseDouble(lines[3].split(",")[6]), 1e-5);
    }

    @Test
    void black76RowsUseTheForward() throws IOException {
        Path input = write("type,forward,strike,expiry,price,rate,model\ncall,3000,3300,0.25,120.5,0.05,black76\n");
        CapturedRun run = CapturedRun.of("iv", "--input", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        double iv = Double.parseDouble(run.outLines()[1].split(",")[7]);
        assertEquals(120.5, io.volvault.greeks.Black76.price(
            new io.volvault.greeks.B76Option(OptionType.CALL, 3000, 3300, 0.25, iv, 0.05)), 1e-9);
    }

    @Test
    void malformedFilesExitTwoNamingLineAndColumn() throws IOException {
        CapturedRun run = CapturedRun.of("iv", "--input", write("type,spot,strike,expiry,price,rate\nput,100,90,1,oops,0\n").toString());
        assertEquals(2, run.exitCode());
        assertEquals("volvault iv: line 2, column price: not a number: 'oops'" + System.lineSeparator(), run.err());
        assertTrue(run.out().isEmpty());

        run = CapturedRun.of("iv", "--input", write("type,spot,strike,expiry,price,rate\nput,100,90,0,1.5,0\n").toString());
        assertEquals(2, run.exitCode());
        assertEquals("volvault iv: line 2: expiry must be positive and finite, got 0.0" + System.lineSeparator(), run.err());

        run = CapturedRun.of("iv", "--input", write("type,spot,strike,expiry,vol,rate\nput,100,90,1,0.5,0\n").toString());
        assertEquals(2, run.exitCode());
        assertEquals("volvault iv: line 1: missing column 'price' (header is type,spot,strike,expiry,vol,rate)"
            + System.lineSeparator(), run.err());
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "prices", ".csv");
        Files.writeString(file, csv);
        return file;
    }
}
