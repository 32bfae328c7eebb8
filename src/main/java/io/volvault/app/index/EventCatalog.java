package io.volvault.app.index;

import io.volvault.app.chain.contracts.KeeperLog;
import io.volvault.app.chain.contracts.OptionVault;
import io.volvault.app.chain.contracts.Options;
import io.volvault.app.chain.contracts.PushPriceOracle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.Contract;
import org.web3j.utils.Numeric;

/**
 * The events the dashboard's history is rebuilt from, with their argument names in declaration
 * order (the ABI carries the types; the names come from vault-contracts/interfaces).
 */
final class EventCatalog {

    private record Spec(Event event, List<String> names) {}

    private static final List<Spec> SPECS = List.of(
        new Spec(OptionVault.DEPOSITREQUEST_EVENT, List.of("controller", "owner", "requestId", "sender", "assets")),
        new Spec(OptionVault.DEPOSITREQUESTCANCELLED_EVENT, List.of("controller", "receiver", "assets")),
        new Spec(OptionVault.REDEEMREQUEST_EVENT, List.of("controller", "owner", "requestId", "sender", "shares")),
        new Spec(OptionVault.REDEEMREQUESTCANCELLED_EVENT, List.of("controller", "receiver", "shares")),
        new Spec(OptionVault.DEPOSIT_EVENT, List.of("sender", "owner", "assets", "shares")),
        new Spec(OptionVault.WITHDRAW_EVENT, List.of("sender", "receiver", "owner", "assets", "shares")),
        new Spec(OptionVault.ROUNDCLOSED_EVENT, List.of("round", "navBeforeFees", "managementFee", "performanceFee",
            "totalAssets", "totalSupply", "pricePerShare", "premiumCollected", "optionsSold", "collateralReturned",
            "depositsProcessed", "sharesMinted", "sharesRedeemed", "assetsReserved")),
        new Spec(OptionVault.ROUNDOPENED_EVENT, List.of("round", "seriesId", "isCall", "strike", "expiry", "size",
            "startPremium", "floorPremium", "fairPremium", "impliedVol", "spotPrice", "auctionEnd")),
        new Spec(OptionVault.ROUNDRISK_EVENT, List.of("round", "vaultDelta", "vaultVega", "nav")),
        new Spec(OptionVault.AUCTIONCANCELLED_EVENT, List.of("round", "unsoldSize")),
        new Spec(OptionVault.OPTIONSSOLD_EVENT, List.of("round", "seriesId", "buyer", "size", "premiumPerOption", "premium")),
        new Spec(OptionVault.REBALANCED_EVENT, List.of("assetToOther", "venue", "amountIn", "amountOut", "minAmountOut", "oraclePrice")),
        new Spec(OptionVault.FEESCLAIMED_EVENT, List.of("recipient", "assets")),
        new Spec(OptionVault.TRANSFER_EVENT, List.of("from", "to", "value")),
        new Spec(Options.SERIESSETTLED_EVENT, List.of("seriesId", "settlementPrice", "holdersPayout", "oracleRoundId")),
        new Spec(PushPriceOracle.ANSWERUPDATED_EVENT, List.of("current", "roundId", "updatedAt")),
        new Spec(KeeperLog.DECISIONRECORDED_EVENT, List.of("vault", "round", "keeper", "inputsHash", "decisionHash")));

    private static final Map<String, Spec> BY_TOPIC = SPECS.stream()
        .collect(Collectors.toUnmodifiableMap(s -> EventEncoder.encode(s.event()), Function.identity()));

    private EventCatalog() {}

    /** The topic-0 hashes of every catalogued event (an eth_getLogs filter). */
    static List<String> topics() {
        return List.copyOf(BY_TOPIC.keySet());
    }

    /** The event's name and named arguments, or empty for an event the index does not keep. */
    static Optional<Decoded> decode(Log log) {
        if (log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        Spec spec = BY_TOPIC.get(log.getTopics().get(0));
        if (spec == null) {
            return Optional.empty();
        }
        // Indexed arguments come from the topics, the others from the data, each in declaration order.
        var values = Contract.staticExtractEventParameters(spec.event(), log);
        var indexed = values.getIndexedValues().iterator();
        var plain = values.getNonIndexedValues().iterator();
        Map<String, String> fields = new LinkedHashMap<>();
        List<TypeReference<Type>> parameters = spec.event().getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            Type<?> value = parameters.get(i).isIndexed() ? indexed.next() : plain.next();
            fields.put(spec.names().get(i), text(value));
        }
        return Optional.of(new Decoded(spec.event().getName(), fields));
    }

    record Decoded(String name, Map<String, String> fields) {}

    private static String text(Type<?> value) {
        Object v = value.getValue();
        if (v instanceof byte[] bytes) {
            return Numeric.toHexString(bytes);
        }
        return v instanceof String s ? s.toLowerCase() : String.valueOf(v);
    }
}
