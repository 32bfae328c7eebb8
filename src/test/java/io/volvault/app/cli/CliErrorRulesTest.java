package io.volvault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.volvault.app.UserInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's error rules: user mistakes exit 2 in one line, anything else exits 1 with its stack trace. */
class CliErrorRulesTest {

    @Test
    void anUnknownCommandWithHelpIsAUsageErrorNotTheTopLevelHelp() {
        for (String unknown : List.of("undeploy", "nosuch")) {
            CapturedRun run = CapturedRun.of(unknown, "--help");
            assertEquals(2, run.exitCode(), unknown + ": " + run.out() + run.err());
            assertTrue(run.err().contains("Unmatched argument at index 0: '" + unknown + "'"), run.err());
            assertFalse(run.out().contains("Commands:"), "no top-level help on stdout: " + run.out());
        }
        // An unknown word after a real subcommand is refused the same way.
        CapturedRun afterSub = CapturedRun.of("greeks", "extra", "--help");
        assertEquals(2, afterSub.exitCode(), afterSub.err());
        assertTrue(afterSub.err().contains("'extra'"), afterSub.err());
        // A known command's own help still works, deploy's too (the issue's example, now a command).
        for (String known : List.of("greeks", "deploy")) {
            CapturedRun help = CapturedRun.of(known, "--help");
            assertEquals(0, help.exitCode(), help.err());
            assertTrue(help.out().startsWith("Usage: volvault " + known), help.out());
        }
    }

    @Test
    void theTopLevelHelpListsEachCommandWithAWholeSentence() {
        CapturedRun run = CapturedRun.of("--help");
        assertEquals(0, run.exitCode(), run.err());
        String list = run.out().substring(run.out().indexOf("Commands:") + "Commands:".length());
        // Rows start with two spaces and the name; wrapped lines are indented further.
        List<String> entries = new ArrayList<>();
        for (String line : list.split("\\R")) {
            if (line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (!line.isBlank()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        CommandLine cli = VolvaultCli.commandLine();
        assertEquals(cli.getSubcommands().keySet().stream().toList(),
            entries.stream().map(e -> e.split(" ")[0]).toList(), run.out());
        for (String entry : entries) {
            assertTrue(entry.endsWith("."), "a whole sentence: " + entry);
            assertTrue(entry.split(" ").length >= 4, "more than a name: " + entry);
        }
        // The keeper's first sentence spans two source lines: the list no longer stops at the break.
        assertTrue(entries.stream().anyMatch(e -> e.startsWith("keeper") && e.contains("from the market-data endpoint")),
            entries.toString());
    }

    @Test
    void theFirstSentenceEndsAtAFullStopFollowedBySpaceAndSkipsAbbreviations() {
        assertEquals("Price and Greeks of European options.",
            VolvaultCli.firstSentence(new String[] {"Price and Greeks of European options. CSV in,", "with a header."}));
        assertEquals("Targets, e.g. 0.4 for 40 %, and i.e. more over 2.5 years.",
            VolvaultCli.firstSentence(new String[] {"Targets, e.g. 0.4 for 40 %,", "and i.e. more over 2.5 years. Next"}));
        assertEquals("No full stop at all", VolvaultCli.firstSentence(new String[] {"No full stop", "at all"}));
    }

    @Test
    void aMissingInputFileIsOneLineAndExit2(@TempDir Path dir) {
        CapturedRun run = CapturedRun.of("greeks", "--input", dir.resolve("none.csv").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("none.csv"), run.err());
    }

    @Test
    void onlyUserInputExceptionIsBadInputAnInternalIllegalArgumentIsAFailureWithItsTrace() {
        UserErrorHandler handler = new UserErrorHandler();
        StringWriter userErr = new StringWriter();
        CommandLine cmd = VolvaultCli.commandLine().getSubcommands().get("greeks").setErr(new PrintWriter(userErr, true));
        assertEquals(2, handler.handleExecutionException(new UserInputException("--input x: no such file"), cmd, null));
        assertEquals("volvault greeks: --input x: no such file", userErr.toString().strip());

        StringWriter internalErr = new StringWriter();
        cmd.setErr(new PrintWriter(internalErr, true));
        assertEquals(1, handler.handleExecutionException(new IllegalArgumentException("index -1 out of bounds"), cmd, null));
        assertTrue(internalErr.toString().startsWith("java.lang.IllegalArgumentException: index -1 out of bounds"),
            internalErr.toString());
        assertTrue(internalErr.toString().contains("\tat "), "the stack trace: " + internalErr);
    }

    @Test
    void aPicocliParameterExceptionExits2() {
        CapturedRun run = CapturedRun.of("greeks", "--input", "-", "--no-such-option");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
    }
}
