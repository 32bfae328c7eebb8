package io.volvault.app.index;

import java.math.BigInteger;
import java.util.Map;

/**
 * One contract event as the index keeps it: where it happened and its decoded arguments by name
 * (integers as decimal text, addresses and bytes as lower-case 0x text, booleans as "true"/"false").
 *
 * @param contract  the emitting contract, lower-case 0x address
 * @param timestamp the block's unix time in seconds (chain time)
 */
public record IndexedEvent(long block, int logIndex, String txHash, long timestamp, String contract, String name,
                           Map<String, String> fields) {

    public IndexedEvent {
        fields = Map.copyOf(fields);
    }

    public BigInteger uint(String field) {
        return new BigInteger(field(field));
    }

    public String field(String field) {
        String value = fields.get(field);
        if (value == null) {
            throw new IllegalStateException(name + " event has no field " + field + " (has " + fields.keySet() + ")");
        }
        return value;
    }
}
