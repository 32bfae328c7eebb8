package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

class KeySourceTest {

    private static final String OWN_KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private static final String OWN_ADDRESS = "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23";
    private static final String HARDHAT_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @Test
    void readsTheKeyFromTheEnvironment() throws Exception {
        Credentials c = KeySource.load(Map.of(KeySource.PRIVATE_KEY_ENV, OWN_KEY), null, 1);
        assertEquals(OWN_ADDRESS, c.getAddress());
    }

    @Test
    void acceptsAHardhatKeyOnHardhatsChain() throws Exception {
        Credentials c = KeySource.load(Map.of(KeySource.PRIVATE_KEY_ENV, HARDHAT_KEY_1), null, 31337);
        assertEquals(HardhatAccounts.account(1).getAddress(), c.getAddress());
    }

    @Test
    void refusesAHardhatKeyOnAnyOtherChain() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KeySource.load(Map.of(KeySource.PRIVATE_KEY_ENV, HARDHAT_KEY_1), null, 11155111));
        assertEquals("key 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 is a published Hardhat test key;"
            + " refused on chain id 11155111 (only accepted on 31337)", e.getMessage());
    }

    @Test
    void namesTheVariableWhenNoKeyIsGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeySource.load(Map.of(), null, 1));
        assertTrue(e.getMessage().startsWith("no signing key: set VOLVAULT_PRIVATE_KEY"), e.getMessage());
    }

    @Test
    void rejectsAMalformedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> KeySource.load(Map.of(KeySource.PRIVATE_KEY_ENV, "0x1234"), null, 1));
        assertEquals("VOLVAULT_PRIVATE_KEY must be 32 bytes of hex (64 digits, optional 0x), was 4 characters", e.getMessage());
    }

    @Test
    void decryptsAKeystoreWithThePasswordFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve(WalletUtils.generateWalletFile("s3cret", Credentials.create(OWN_KEY).getEcKeyPair(), dir.toFile(), false));
        Credentials c = KeySource.load(Map.of(KeySource.KEYSTORE_PASSWORD_ENV, "s3cret"), keystore, 1);
        assertEquals(OWN_ADDRESS, c.getAddress());

        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
            () -> KeySource.load(Map.of(KeySource.KEYSTORE_PASSWORD_ENV, "guess"), keystore, 1));
        assertTrue(wrong.getMessage().startsWith("keystore " + keystore + ": wrong password"), wrong.getMessage());
    }
}
