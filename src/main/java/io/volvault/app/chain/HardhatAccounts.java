package io.volvault.app.chain;

import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The 20 accounts every Hardhat node funds, derived from Hardhat's public test mnemonic. Their keys
 * are published, so they are fine for the local chain and a loss anywhere else.
 */
public final class HardhatAccounts {

    /** Hardhat's chain id: the only chain on which the well-known keys are accepted. */
    public static final long CHAIN_ID = 31337;
    public static final int COUNT = 20;

    private static final String MNEMONIC = "test test test test test test test test test test test junk";
    private static final List<Credentials> ACCOUNTS = derive();

    private HardhatAccounts() {}

    /** Account {@code index} (0..19), at BIP-44 path m/44'/60'/0'/0/index. */
    public static Credentials account(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("Hardhat account index must be 0.." + (COUNT - 1) + ", was " + index);
        }
        return ACCOUNTS.get(index);
    }

    /** True if these credentials are one of the published Hardhat test keys. */
    public static boolean isWellKnown(Credentials credentials) {
        return ACCOUNTS.stream().anyMatch(a -> a.getAddress().equalsIgnoreCase(credentials.getAddress()));
    }

    private static List<Credentials> derive() {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        return IntStream.range(0, COUNT)
            .mapToObj(i -> Credentials.create(Bip32ECKeyPair.deriveKeyPair(
                master, new int[] {44 | hardened, 60 | hardened, hardened, 0, i})))
            .toList();
    }
}
