package io.volvault.app.keeper;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.volvault.greeks.realized.PriceBars;
import io.volvault.greeks.surface.SviSlice;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.StrategyConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Hash;

/**
 * What the keeper commits to in KeeperLog.sol when it opens a round: the inputs its decision was
 * made from and the strategy's decision, each with its keccak-256 hash. The inputs are canonical
 * JSON (record components in declaration order, doubles in their shortest round-trip form), so
 * anyone holding the text can check it against the chain and run the decision again
 * ({@link Keeper#decide}).
 *
 * @param decision the strategy's write, as {@code Action.Write.toString()}
 */
public record DecisionRecord(Inputs inputs, String decision) {

    /**
     * @param code       what identifies the decision code that ran ({@link #codeVersion()})
     * @param time       the oracle time the decision was made at (unix seconds)
     * @param spot       the oracle's price then
     * @param impliedVol the implied vol the keeper read
     * @param smile      the smile it struck and marked on, when its source observed one (a recorded
     *                   chain's fitted slices); empty: the model's smile around {@code impliedVol}
     * @param bars       every oracle price the forecast read
     */
    public record Inputs(String code, StrategyConfig config, long time, double spot, double impliedVol,
                         List<SviSlice> smile, PortfolioState portfolio, PriceBars bars) {
        public Inputs {
            smile = smile == null ? List.of() : List.copyOf(smile);
        }
    }

    /** Record components only (their fields), never a derived getter such as {@code PriceBars.size()}. */
    private static final ObjectMapper JSON = JsonMapper.builder()
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    public static DecisionRecord of(Inputs inputs, Action.Write write) {
        return new DecisionRecord(inputs, write.toString());
    }

    /** The canonical text of the inputs: what is hashed and kept. */
    public String inputsJson() {
        return json(inputs);
    }

    public byte[] inputsHash() {
        return keccak(inputsJson());
    }

    public byte[] decisionHash() {
        return keccak(decision);
    }

    static String json(Inputs inputs) {
        try {
            return JSON.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the decision inputs do not serialize: " + e.getMessage(), e);
        }
    }

    /** Reads inputs written by {@link #inputsJson()}; a text that is not such inputs is an IllegalArgumentException. */
    public static Inputs parse(String json) {
        try {
            return JSON.readValue(json, Inputs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not decision inputs: " + e.getOriginalMessage(), e);
        }
    }

    /** keccak-256 of the UTF-8 text, as on chain. */
    public static byte[] keccak(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The decision code's version ({@link CodeVersion}): every class the decision depends on, computed once. */
    public static String codeVersion() {
        return CodeVersion.current().id();
    }
}
