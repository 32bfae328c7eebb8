package io.volvault.app.dashboard;

import io.volvault.app.UserInputException;
import org.web3j.crypto.Keys;

/** Checks the addresses visitors type in. */
public final class Addresses {

    private Addresses() {}

    /**
     * The address in lower case. Refuses anything but 0x and 40 hex digits, and a mixed-case
     * address whose EIP-55 checksum is wrong (a typo the checksum exists to catch).
     */
    public static String parse(String field, String text) {
        if (text == null || !text.matches("0x[0-9a-fA-F]{40}")) {
            throw new UserInputException(field + " must be 0x followed by 40 hex digits, was '" + text + "'");
        }
        String digits = text.substring(2);
        boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixedCase && !Keys.toChecksumAddress(text).equals(text)) {
            throw new UserInputException(field + " '" + text + "' fails its EIP-55 checksum (expected "
                + Keys.toChecksumAddress(text) + ")");
        }
        return text.toLowerCase();
    }
}
