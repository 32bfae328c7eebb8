package io.volvault.app.dashboard;

import io.volvault.app.index.IndexedEvent;
import io.volvault.app.keeper.DecisionRecord;
import io.volvault.app.keeper.Keeper;
import io.volvault.app.keeper.Keepers;
import io.volvault.strategy.Action;
import io.volvault.strategy.Decision;
import io.volvault.strategy.Strategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.web3j.utils.Numeric;

/**
 * A recorded round replayed: the inputs the keeper kept, checked against the hash it recorded on
 * chain, run through the backtester's decision ({@link Keeper#decide}, which runs
 * {@code Strategy.decide}), next to the round the chain opened, and the tracking error between them.
 */
public final class BacktestReplay {

    /**
     * @param status            "replayed", or why not (inputs not available, not matching the hash, no write decided)
     * @param strikeError       chain strike / backtest strike - 1 (the keeper moves a strike out to the vault's
     *                          minimum distance from spot and rounds it to the oracle's decimals)
     * @param sizeError         chain size / backtest size - 1 (the keeper caps the size at the collateral)
     * @param expiryDifference  chain expiry - backtest expiry, seconds
     * @param code              the code version the recorded inputs carry ({@code CodeVersion}), null without them
     */
    public record Replay(String status, String backtestWrite, Double backtestStrikeUsd, Double backtestSize,
                         String backtestExpiry, BigDecimal chainStrikeUsd, BigDecimal chainSize, String chainExpiry,
                         Double strikeError, Double sizeError, Long expiryDifference, String code) {

        static Replay not(String why, String code) {
            return new Replay(why, null, null, null, null, null, null, null, null, null, null, code);
        }
    }

    private BacktestReplay() {}

    /**
     * @param inputs     the text the keeper kept under {@code inputsHash}, if available
     * @param roundOpened the chain's RoundOpened event of that round, null if none
     */
    public static Replay of(String inputsHash, Optional<String> inputs, IndexedEvent roundOpened, int sizeDecimals,
                            int priceDecimals) {
        if (inputs.isEmpty()) {
            return Replay.not("inputs not available to this dashboard (they are kept in the keeper's journal: --journal)", null);
        }
        if (!Numeric.toHexString(DecisionRecord.keccak(inputs.get())).equals(inputsHash)) {
            return Replay.not("the inputs kept do not hash to the recorded " + inputsHash + ": not replayed", null);
        }
        DecisionRecord.Inputs in = DecisionRecord.parse(inputs.get());
        Decision decision = Keeper.decide(new Strategy(in.config()), Keepers.MARKETS, in).decision();
        Optional<Action.Write> write = decision.actions().stream()
            .filter(Action.Write.class::isInstance).map(Action.Write.class::cast).findFirst();
        if (write.isEmpty()) {
            return Replay.not("the backtester writes no option from these inputs: "
                + decision.actions().stream().map(Action::reason).collect(Collectors.joining("; ")), in.code());
        }
        Action.Write w = write.get();
        String backtestWrite = w.type().name().toLowerCase() + " " + Readable.number(BigDecimal.valueOf(w.strike()))
            + " USD x " + Readable.number(BigDecimal.valueOf(w.size())) + " (" + w.reason() + ")";
        if (roundOpened == null) {
            return new Replay("no round opened on chain", backtestWrite, w.strike(), w.size(),
                Instant.ofEpochSecond(w.expiryEpochSeconds()).toString(), null, null, null, null, null, null, in.code());
        }
        BigDecimal strike = new BigDecimal(roundOpened.uint("strike"), priceDecimals).stripTrailingZeros();
        BigDecimal size = new BigDecimal(roundOpened.uint("size"), sizeDecimals).stripTrailingZeros();
        long expiry = roundOpened.uint("expiry").longValueExact();
        return new Replay("replayed", backtestWrite, w.strike(), w.size(), Instant.ofEpochSecond(w.expiryEpochSeconds()).toString(),
            strike, size, Instant.ofEpochSecond(expiry).toString(), strike.doubleValue() / w.strike() - 1,
            size.doubleValue() / w.size() - 1, expiry - w.expiryEpochSeconds(), in.code());
    }
}
