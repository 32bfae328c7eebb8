package io.volvault.app.keeper;

import io.volvault.greeks.realized.PriceBars;
import io.volvault.strategy.Action;
import io.volvault.strategy.PortfolioState;
import io.volvault.strategy.StrategyConfig;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * What the keeper commits to in KeeperLog.sol when it opens a round: the inputs its decision was
 * made from (code version, configuration, decision time, implied vol, the vault's portfolio and
 * every oracle price the forecast read) and the strategy's decision, each as canonical text
 * (one fact a line, doubles in Java's round-trip form) and its keccak-256 hash. Anyone holding the
 * text can check it against the chain and run {@code Strategy.decide} on it again.
 */
public record DecisionRecord(String inputs, String decision) {

    /**
     * @param codeVersion what identifies the decision code that ran (see {@link #codeVersion()})
     */
    public static DecisionRecord of(String codeVersion, StrategyConfig config, long decisionTime, double impliedVol,
                                    PortfolioState portfolio, PriceBars bars, Action.Write write) {
        StringBuilder in = new StringBuilder()
            .append("code ").append(codeVersion).append('\n')
            .append("config ").append(config).append('\n')
            .append("time ").append(decisionTime).append('\n')
            .append("implied_vol ").append(impliedVol).append('\n')
            .append("portfolio ").append(portfolio).append('\n')
            .append("oracle_prices ").append(bars.size()).append('\n');
        for (int i = 0; i < bars.size(); i++) {
            in.append(bars.epochSeconds()[i]).append(',').append(bars.close()[i]).append('\n');
        }
        return new DecisionRecord(in.toString(), write.toString());
    }

    public byte[] inputsHash() {
        return Hash.sha3(inputs.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] decisionHash() {
        return Hash.sha3(decision.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The decision code's version: the keccak-256 of the class files of {@code Strategy} (which
     * decides) and {@code Keeper} (which turns the decision into transactions), as loaded.
     */
    public static String codeVersion() {
        try (var strategy = io.volvault.strategy.Strategy.class.getResourceAsStream("Strategy.class");
             var keeper = Keeper.class.getResourceAsStream("Keeper.class")) {
            if (strategy == null || keeper == null) {
                throw new IllegalStateException("the Strategy or Keeper class file is not readable from the class path");
            }
            byte[] a = strategy.readAllBytes();
            byte[] b = keeper.readAllBytes();
            byte[] both = new byte[a.length + b.length];
            System.arraycopy(a, 0, both, 0, a.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return "classes " + Numeric.toHexString(Hash.sha3(both));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading the decision code's class files: " + e.getMessage(), e);
        }
    }
}
