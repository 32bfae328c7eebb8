package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AddressesAndAmountsTest {

    @Test
    void addressesAreCheckedAndLowerCased() {
        // Hardhat account #0, with its EIP-55 checksum.
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            Addresses.parse("account", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            Addresses.parse("account", "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"));
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
            () -> Addresses.parse("account address", "0x123"));
        assertEquals("account address must be 0x followed by 40 hex digits, was '0x123'", malformed.getMessage());
        IllegalArgumentException checksum = assertThrows(IllegalArgumentException.class,
            () -> Addresses.parse("account", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        assertEquals("account '0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266' fails its EIP-55 checksum (expected "
            + "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)", checksum.getMessage());
    }

    @Test
    void amountsAreExact() {
        assertEquals("1.5 USDC", Amount.of(BigInteger.valueOf(1_500_000), 6, "USDC").toString());
        assertEquals("1", Amount.of(BigInteger.TEN.pow(21), 21, "vv").value().toPlainString());
        assertEquals("0.000000000000000001", Amount.of(BigInteger.ONE, 18, "WETH").value().toPlainString());
        assertEquals("0", Amount.of(BigInteger.ZERO, 18, "WETH").value().toPlainString());
        assertEquals("123456789012345678901234567890",
            Amount.of(new BigInteger("123456789012345678901234567890"), 0, "wei").value().toPlainString());
    }
}
