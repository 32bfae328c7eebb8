package io.volvault.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code volvault} command line: one subcommand per job. */
@Command(
    name = "volvault",
    mixinStandardHelpOptions = true,
    version = "volvault 0.1.0",
    description = "Option vault with a volatility-targeting strategy: pricing, backtests, keeper, demo.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DeployCommand.class,
        KeeperCommand.class,
        DemoCommand.class,
        GreeksCommand.class,
        IvCommand.class,
        io.volvault.app.backtest.BacktestCommand.class,
        io.volvault.app.backtest.TargetsCommand.class,
        io.volvault.app.backtest.SweepCommand.class,
        io.volvault.app.backtest.WalkForwardCommand.class,
        io.volvault.app.backtest.AllocateCommand.class,
        MarketDataCommand.class,
        VolCommand.class,
        SurfaceCommand.class,
        DashboardCommand.class,
        StatusCommand.class,
    })
public final class VolvaultCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code: 0 ok, 2 bad input, 1 anything else. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error rules: user mistakes exit 2, anything else 1 with its trace. */
    static CommandLine commandLine() {
        CommandLine cli = UserErrorHandler.install(new CommandLine(new VolvaultCli()))
            .setExecutionStrategy(VolvaultCli::executeMatched);
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, VolvaultCli::commandList);
        return cli;
    }

    /**
     * Runs the command only when every argument was understood. Picocli lets a help request win over
     * an unknown word ({@code volvault deploy --help} would print the top-level help and exit 0 when
     * there is no {@code deploy}); here any unmatched argument, at any level, is a usage error (exit 2).
     */
    private static int executeMatched(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** The first whole sentence of a description, however its lines were broken. */
    static String firstSentence(String[] description) {
        String text = String.join(" ", description).replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(text);
        return end.find() ? text.substring(0, end.start() + 1) : text;
    }

    /** A full stop followed by a space, not one of "e.g." or "i.e.". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!e\\.g|i\\.e)\\.(?= |$)");

    /** Each subcommand with the first whole sentence of its description (picocli's default cuts at the first line). */
    private static String commandList(Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        int nameWidth = 0;
        for (var entry : help.subcommands().entrySet()) {
            UsageMessageSpec usage = entry.getValue().commandSpec().usageMessage();
            String[] text = usage.header().length > 0 ? usage.header() : usage.description();
            rows.add(new String[] {entry.getKey(), firstSentence(text)});
            nameWidth = Math.max(nameWidth, entry.getKey().length());
        }
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
            new Column(nameWidth + 4, 2, Column.Overflow.SPAN),
            new Column(width - nameWidth - 4, 1, Column.Overflow.WRAP));
        for (String[] row : rows) {
            table.addRowValues(row);
        }
        return table.toString();
    }
}
