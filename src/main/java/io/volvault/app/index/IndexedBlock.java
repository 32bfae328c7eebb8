package io.volvault.app.index;

/** A block the index has seen: its hash tells a later pass whether the chain still has it. */
public record IndexedBlock(long number, String hash, long timestamp) {}
