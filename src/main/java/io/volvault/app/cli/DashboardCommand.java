package io.volvault.app.cli;

import io.volvault.app.chain.Deployment;
import io.volvault.app.chain.Journal;
import io.volvault.app.dashboard.Dashboard;
import io.volvault.app.dashboard.KeeperNotes;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code volvault dashboard}: the depositor's page and its JSON API on 127.0.0.1. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description = {
        "Serves the depositor's dashboard on 127.0.0.1: each vault's TVL, share price and its history,",
        "the option written, dollar Greeks, realized vs target vol, fees and the keeper's actions; any",
        "address's position. JSON API: /api/vaults, /api/vaults/{address}, /api/accounts/{address}.",
        "History is indexed from the contracts' events into H2 beside the deployment file. Ctrl-C stops."})
public final class DashboardCommand implements Callable<Integer> {

    /** Options shared with {@code status}: which chain and deployment, where the index lives. */
    static final class ChainOptions {

        @Mixin
        ChainTarget target;

        @Option(names = "--index-dir", paramLabel = "DIR",
            description = "Where the event index is kept (default: beside the deployment file, <name>.index).")
        Path indexDir;

        @Option(names = "--target-vol", paramLabel = "FRACTION",
            description = "Target vol the realized vol is compared with, 0.4 = 40 %% a year (default: the strategy's target).")
        Double targetVol;

        @Option(names = "--journal", paramLabel = "DIR",
            description = "The keeper's journal folder, to show its reasons next to its actions (the keeper must not"
                + " hold it open in another process).")
        Path journal;

        Dashboard open() throws IOException {
            Deployment deployment = Deployment.read(target.deployment);
            Path index = indexDir != null ? indexDir : Dashboard.defaultIndexDir(target.deployment);
            double targetVolOrDefault = targetVol != null ? targetVol : StrategyConfig.defaults().sizing().targetVol();
            KeeperNotes notes = journal == null ? KeeperNotes.NONE : KeeperNotes.of(Journal.open(journal));
            return Dashboard.open(target.rpc, deployment, index, targetVolOrDefault, notes);
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ChainOptions chain;

    @Option(names = "--port", defaultValue = "8787", description = "Port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        chain.open().serveUntilShutdown(port, url -> {
            spec.commandLine().getOut().printf("volvault dashboard: serving %s, Ctrl-C to stop%n", url);
            spec.commandLine().getOut().flush();
        });
        return 0;
    }
}
