package io.volvault.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which chain and which deployment a command works on: the options every chain command shares. */
final class ChainTarget {

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "JSON-RPC URL of the chain's node.")
    String rpc;

    @Option(names = "--deployment", required = true, paramLabel = "FILE",
        description = "Deployment file written by hardhat/scripts/deploy.js.")
    Path deployment;
}
