package io.volvault.app.dashboard;

import io.volvault.app.UserInputException;
import io.volvault.app.chain.Deployment;
import io.volvault.app.index.EventIndex;
import io.volvault.app.index.SyncReport;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * What the {@code dashboard} and {@code status} commands (and the demo) share: a connection to the
 * chain, the event index of one deployment and the facts built from both.
 */
public final class Dashboard implements AutoCloseable {

    private final Web3j web3j;
    private final EventIndex index;
    private final VaultFacts facts;

    private Dashboard(Web3j web3j, EventIndex index, VaultFacts facts) {
        this.web3j = web3j;
        this.index = index;
        this.facts = facts;
    }

    /**
     * Connects to {@code rpcUrl}, checks it serves the deployment's chain, opens the index in
     * {@code indexDir} and brings it up to date.
     */
    public static Dashboard open(String rpcUrl, Deployment deployment, Path indexDir, double targetVol, KeeperNotes notes)
            throws IOException {
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            BigInteger chainId;
            try {
                chainId = web3j.ethChainId().send().getChainId();
            } catch (IOException e) {
                throw new UserInputException("no Ethereum node answers at --rpc " + rpcUrl + ": " + e.getMessage(), e);
            }
            if (chainId.longValueExact() != deployment.chainId()) {
                throw new UserInputException("--rpc " + rpcUrl + " serves chain id " + chainId
                    + " but the deployment is on chain id " + deployment.chainId());
            }
            EventIndex index = EventIndex.open(indexDir, web3j, deployment);
            Dashboard dashboard = new Dashboard(web3j, index, new VaultFacts(web3j, deployment, index, targetVol, notes));
            dashboard.catchUp();
            return dashboard;
        } catch (IOException | RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
    }

    /** Where the index of {@code deploymentFile} lives unless told otherwise: beside it. */
    public static Path defaultIndexDir(Path deploymentFile) {
        Path file = deploymentFile.toAbsolutePath();
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", "") + ".index");
    }

    public SyncReport catchUp() throws IOException {
        return index.catchUp();
    }

    public VaultFacts facts() {
        return facts;
    }

    public DashboardServer serve(int port) {
        return DashboardServer.start(facts, port);
    }

    /**
     * Serves on {@code port} until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops the
     * server and closes the index. {@code started} gets the URL once the page is up.
     */
    public void serveUntilShutdown(int port, Consumer<String> started) throws InterruptedException {
        DashboardServer server = serve(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                close();
            } catch (IOException e) {
                System.err.println("volvault dashboard: closing the event index: " + e.getMessage());
            }
            stopped.countDown();
        }, "dashboard-shutdown"));
        started.accept(server.url());
        stopped.await();
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            web3j.shutdown();
        }
    }
}
