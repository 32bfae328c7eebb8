package io.volvault.app.dashboard;

import java.util.Map;
import java.util.TreeMap;
import org.web3j.crypto.Hash;

/**
 * The calls the page sends through the visitor's wallet, by name, with their 4-byte selectors
 * (the page ABI-encodes the static arguments itself). Every vault call takes
 * (uint256 amount, address receiver-or-controller, address owner-or-controller), as ERC-7540 and
 * the vault's cancels define them.
 */
final class WalletCalls {

    static final Map<String, String> SELECTORS = selectors(
        "requestDeposit(uint256,address,address)",     // assets, controller, owner
        "requestRedeem(uint256,address,address)",      // shares, controller, owner
        "cancelDepositRequest(uint256,address,address)", // assets, receiver, controller
        "cancelRedeemRequest(uint256,address,address)",  // shares, receiver, controller
        "mint(uint256,address,address)",               // claim shares: shares, receiver, controller
        "withdraw(uint256,address,address)",           // claim assets: assets, receiver, controller
        "approve(address,uint256)",
        "allowance(address,address)");

    private WalletCalls() {}

    private static Map<String, String> selectors(String... signatures) {
        Map<String, String> out = new TreeMap<>();
        for (String signature : signatures) {
            out.put(signature.substring(0, signature.indexOf('(')), Hash.sha3String(signature).substring(0, 10));
        }
        return Map.copyOf(out);
    }
}
