package io.stave.decoder.model;

/** Element type of a session's key/value cache. */
public enum KvType {
    F32(4),
    F16(2);

    private final int bytes;

    KvType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
