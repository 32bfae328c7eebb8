package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.app.cli.VolvaultCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status command's input errors: one line naming the option and the value, exit code 2, no chain needed. */
class StatusCommandTest {

    @TempDir
    Path dir;

    private static String run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, VolvaultCli.run(args));
        } finally {
            System.setErr(original);
        }
        return printed.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void malformedAddressIsRefusedBeforeTheChainIsAsked() {
        assertEquals("volvault status: --address must be 0x followed by 40 hex digits, was '0xzz'",
            run("status", "--rpc", "http://127.0.0.1:1", "--deployment", "deployment.json", "--address", "0xzz"));
    }

    @Test
    void missingDeploymentFileIsNamed() {
        Path missing = dir.resolve("missing.json");
        assertEquals("volvault status: deployment file " + missing + " does not exist (write one with scripts/volvault deploy)",
            run("status", "--rpc", "http://127.0.0.1:1", "--deployment", missing.toString()));
    }

    @Test
    void silentNodeIsNamed() throws Exception {
        Path deployment = Files.writeString(dir.resolve("deployment.json"), """
            {"format": 2, "network": "localhost", "chainId": 31337, "blockNumber": 1,
             "roles": {"owner": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                       "keeper": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"},
             "markets": [{"name": "WETH/USDC",
               "base": {"address": "0x5FbDB2315678afecb367f032d93F642f64180aa3", "symbol": "WETH", "decimals": 18},
               "quote": {"address": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "symbol": "USDC", "decimals": 6},
               "oracle": {"kind": "push", "address": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", "decimals": 8,
                          "heartbeatSeconds": 86400},
               "volFeed": {"address": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", "heartbeatSeconds": 86400},
               "venueRegistry": "0x0165878A594ca255338adfa4d48449f69242Eb8F",
               "venues": [{"kind": "constant-product", "address": "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", "feeBps": 30}],
               "options": "0xB7f8BC63BbcaD18155201308C8f3540b07f84F5e",
               "vaults": [{"kind": "covered-call", "address": "0xA51c1fc2f0D1a1b8494Ed1FE312d7C3a78Ed91C0"},
                          {"kind": "cash-secured-put", "address": "0x0DCd1Bf9A1b36cE34237eEaFef220932846BCD82"}]}]}""");
        assertEquals("volvault status: no Ethereum node answers at --rpc http://127.0.0.1:1: Failed to connect to /127.0.0.1:1",
            run("status", "--rpc", "http://127.0.0.1:1", "--deployment", deployment.toString()));
    }
}
