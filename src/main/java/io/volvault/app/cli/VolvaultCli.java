package io.volvault.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        return new CommandLine(new VolvaultCli())
            .setExecutionExceptionHandler(new UserErrorHandler())
            .execute(args);
    }
}
