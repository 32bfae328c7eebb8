package io.volvault.app.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeeperServiceTest {

    @Test
    void eventLinesAreLogfmtWithValuesQuotedOnlyWhenNeeded() {
        assertEquals("event=skip vault=covered-call reason=stale-oracle detail=\"oracle answer is 9 s old\"",
            KeeperService.keyValues("skip", "vault", "covered-call", "reason", "stale-oracle", "detail", "oracle answer is 9 s old"));
        assertEquals("event=action action=\"roll:0xab:round=2\" tx=\"\" detail=\"say \\\"no\\\" \\\\ twice\"",
            KeeperService.keyValues("action", "action", "roll:0xab:round=2", "tx", null, "detail", "say \"no\" \\ twice"));
    }
}
