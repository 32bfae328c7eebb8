package io.volvault.app.chain;

import io.volvault.app.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/**
 * Where a signing key comes from: an environment variable or an encrypted keystore file (its
 * password in an environment variable). Never the command line, where it would land in the shell
 * history and the process list.
 */
public final class KeySource {

    public static final String PRIVATE_KEY_ENV = "VOLVAULT_PRIVATE_KEY";
    public static final String KEYSTORE_PASSWORD_ENV = "VOLVAULT_KEYSTORE_PASSWORD";

    private KeySource() {}

    /**
     * Loads the key from {@code keystore} if given, otherwise from {@value #PRIVATE_KEY_ENV}, and
     * refuses the published Hardhat keys on any chain but Hardhat's own.
     */
    public static Credentials load(Map<String, String> env, Path keystore, long chainId) throws IOException {
        Credentials credentials = keystore != null ? fromKeystore(env, keystore) : fromEnvironment(env);
        if (chainId != HardhatAccounts.CHAIN_ID && HardhatAccounts.isWellKnown(credentials)) {
            throw new UserInputException("key " + credentials.getAddress()
                + " is a published Hardhat test key; refused on chain id " + chainId
                + " (only accepted on " + HardhatAccounts.CHAIN_ID + ")");
        }
        return credentials;
    }

    private static Credentials fromEnvironment(Map<String, String> env) {
        String key = env.get(PRIVATE_KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new UserInputException("no signing key: set " + PRIVATE_KEY_ENV
                + " or pass --keystore FILE with its password in " + KEYSTORE_PASSWORD_ENV);
        }
        String hex = key.strip().replaceFirst("^0x", "");
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new UserInputException(PRIVATE_KEY_ENV + " must be 32 bytes of hex (64 digits, optional 0x), was "
                + hex.length() + " characters");
        }
        return Credentials.create(hex);
    }

    private static Credentials fromKeystore(Map<String, String> env, Path keystore) throws IOException {
        if (!Files.isReadable(keystore)) {
            throw new UserInputException("keystore " + keystore + " is not a readable file");
        }
        String password = env.get(KEYSTORE_PASSWORD_ENV);
        if (password == null) {
            throw new UserInputException("keystore " + keystore + " needs its password in " + KEYSTORE_PASSWORD_ENV);
        }
        try {
            return WalletUtils.loadCredentials(password, keystore.toFile());
        } catch (CipherException e) {
            throw new UserInputException("keystore " + keystore + ": wrong password or corrupt file (" + e.getMessage() + ")");
        }
    }
}
