package io.volvault.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.volvault.app.index.IndexedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestProofsTest {

    private static final String VAULT = "0x00000000000000000000000000000000000000aa";
    private static final String OTHER_VAULT = "0x00000000000000000000000000000000000000bb";
    private static final String KEEPER = "0x00000000000000000000000000000000000000c1";
    private static final String STRANGER = "0x00000000000000000000000000000000000000d2";

    private static IndexedEvent recorded(long block, String vault, String round, String sender, String inputs) {
        return new IndexedEvent(block, 0, "0xt" + block, 86_400 * block, "0xlog", "DecisionRecorded",
            Map.of("vault", vault, "round", round, "keeper", sender, "inputsHash", inputs, "decisionHash", "0xdd"));
    }

    @Test
    void keepsOnlyTheVaultsKeeperAndCountsTheRest() {
        BacktestProofs.Proofs proofs = BacktestProofs.of(List.of(
            recorded(1, VAULT, "2", KEEPER, "0x01"),
            recorded(2, VAULT, "2", STRANGER, "0x02"),
            recorded(3, OTHER_VAULT, "2", KEEPER, "0x03"),
            recorded(4, VAULT, "3", KEEPER, "0x04"),
            new IndexedEvent(5, 0, "0xt5", 0, "0xlog", "AnswerUpdated", Map.of())), VAULT, KEEPER);

        assertEquals(List.of(
            new BacktestProofs.Proof(2, "0x01", "0xdd", KEEPER, "1970-01-02T00:00:00Z", "0xt1", null),
            new BacktestProofs.Proof(3, "0x04", "0xdd", KEEPER, "1970-01-05T00:00:00Z", "0xt4", null)), proofs.trusted());
        assertEquals(1, proofs.ignored());
    }
}
