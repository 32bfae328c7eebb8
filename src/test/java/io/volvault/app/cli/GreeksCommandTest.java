package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.greeks.B76Option;
import io.volvault.greeks.Black76;
import io.volvault.greeks.Greeks;
import io.volvault.greeks.OptionType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreeksCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheInputColumnsThenPriceAndGreeksWith17SignificantDigits() throws IOException {
        // Haug p. 2-8: the call is worth 2.1334 and the put 2.4648 (to four decimals).
        Path input = write("""
            type,spot,strike,expiry,vol,rate,yield
            call,60,65,0.25,0.30,0.08,0
            put,100,95,0.5,0.20,0.10,0.05
            """);
        CapturedRun run = CapturedRun.of("greeks", "--input", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.outLines();
        assertEquals("type,spot,strike,expiry,vol,rate,yield,price,delta,gamma,vega,theta,rho,vanna,volga,charm", lines[0]);
        String[] call = lines[1].split(",");
        assertEquals(16, call.length);
        assertEquals("call", call[0]);
        assertEquals("0.30", call[4]);
        assertEquals(2.1334, Double.parseDouble(call[7]), 0.5e-4);
        assertEquals("2.1333684449161985", call[7].replaceFirst("0+$", ""));
        assertEquals(17, significantDigits(call[8]));
        assertEquals(2.4648, Double.parseDouble(lines[2].split(",")[7]), 0.5e-4);
        assertEquals(3, lines.length);
    }

    @Test
    void black76RowsTakeAForwardAndModelsMixInOneFile() throws IOException {
        Path input = write("""
            type,spot,forward,strike,expiry,vol,rate,model
            call,60,,65,0.25,0.30,0.08,bs
            put,,3000,2800,0.5,0.8,0.05,black76
            """);
        CapturedRun run = CapturedRun.of("greeks", "--input", input.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] put = run.outLines()[2].split(",", -1);
        Greeks expected = Black76.greeks(new B76Option(OptionType.PUT, 3000, 2800, 0.5, 0.8, 0.05));
        assertEquals(expected.price(), Double.parseDouble(put[8]));
        assertEquals(expected.delta(), Double.parseDouble(put[9]));
        assertEquals(expected.charm(), Double.parseDouble(put[16]));
    }

    @Test
    void readsStdinWhenTheInputIsADash() {
        InputStream realIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream("type,spot,strike,expiry,vol,rate\nput,100,100,0,0.5,0.01\n"
                .getBytes(StandardCharsets.UTF_8)));
            CapturedRun run = CapturedRun.of("greeks", "--input", "-");
            assertEquals(0, run.exitCode(), run.err());
            // At expiry: intrinsic value 0, delta -1/2 exactly at the strike.
            String[] row = run.outLines()[1].split(",");
            assertEquals(0.0, Double.parseDouble(row[6]));
            assertEquals(-0.5, Double.parseDouble(row[7]));
        } finally {
            System.setIn(realIn);
        }
    }

    @Test
    void malformedFilesExitTwoNamingLineAndColumn() throws IOException {
        assertUserError("type,spot,strike,expiry,rate\ncall,60,65,0.25,0.08\n",
            "volvault greeks: line 1: missing column 'vol' (header is type,spot,strike,expiry,rate)");
        assertUserError("type,spot,strike,expiry,vol,rate\ncall,60,65,0.25,0.3,0.08\ncall,60,abc,0.25,0.3,0.08\n",
            "volvault greeks: line 3, column strike: not a number: 'abc'");
        assertUserError("type,spot,strike,expiry,vol,rate\ncall,60,65,0.25,-0.3,0.08\n",
            "volvault greeks: line 2: vol must be positive and finite, got -0.3");
        assertUserError("type,spot,strike,expiry,vol,rate\ncall,60,65,0.25,,0.08\n",
            "volvault greeks: line 2, column vol: missing value");
        assertUserError("type,spot,strike,expiry,vol,rate\ncallable,60,65,0.25,0.3,0.08\n",
            "volvault greeks: line 2, column type: expected call or put, got 'callable'");
        assertUserError("type,forward,strike,expiry,vol,rate,yield,model\nput,3000,2800,0.5,0.8,0.05,0.02,black76\n",
            "volvault greeks: line 2, column yield: black76 rows take no yield (the forward already includes it), got 0.02");
        CapturedRun missing = CapturedRun.of("greeks", "--input", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("volvault greeks: input file not found: " + dir.resolve("nope.csv") + System.lineSeparator(), missing.err());
    }

    private void assertUserError(String csv, String message) throws IOException {
        CapturedRun run = CapturedRun.of("greeks", "--input", write(csv).toString());
        assertEquals(2, run.exitCode());
        assertEquals(message + System.lineSeparator(), run.err());
        assertTrue(run.out().isEmpty(), "no partial output: " + run.out());
    }

    private Path write(String csv) throws IOException {
        Path file = Files.createTempFile(dir, "options", ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private static int significantDigits(String number) {
        return number.replaceFirst("^-?0?\\.?0*", "").replaceFirst("[eE].*$", "").replace(".", "").length();
    }
}
