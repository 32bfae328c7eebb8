package io.volvault.app.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

class HardhatAccountsTest {

    /** Addresses and keys as `npx hardhat node` prints them. */
    @Test
    void derivesTheAccountsHardhatPrints() {
        assertAccount(0, "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        assertAccount(1, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
        assertAccount(19, "0x8626f6940e2eb28930efb4cef49b2d1f2c9c1199",
            "0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e");
    }

    @Test
    void recognisesOnlyThePublishedKeys() {
        assertTrue(HardhatAccounts.isWellKnown(Credentials.create(
            "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a")));
        assertFalse(HardhatAccounts.isWellKnown(Credentials.create(
            "0x1111111111111111111111111111111111111111111111111111111111111111")));
    }

    @Test
    void rejectsAnIndexOutsideTheTwenty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HardhatAccounts.account(20));
        assertEquals("Hardhat account index must be 0..19, was 20", e.getMessage());
    }

    private static void assertAccount(int index, String address, String key) {
        Credentials account = HardhatAccounts.account(index);
        assertEquals(address, account.getAddress());
        assertEquals(key, Numeric.toHexStringWithPrefixZeroPadded(account.getEcKeyPair().getPrivateKey(), 64));
    }
}
