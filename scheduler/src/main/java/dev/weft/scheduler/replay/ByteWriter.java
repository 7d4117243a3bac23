package dev.weft.scheduler.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends unsigned LEB128 varints, zigzag varints and length-prefixed bytes to a growing array. */
final class ByteWriter {

    private byte[] bytes = new byte[64];
    private int size;

    void writeByte(int value) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) value;
    }

    /** Unsigned varint: 7 bits a byte, high bit set on all but the last. */
    void writeVarint(long value) {
        while ((value & ~0x7fL) != 0) {
            writeByte((int) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        writeByte((int) value);
    }

    /** Zigzag varint: small magnitudes of either sign stay short. */
    void writeSigned(long value) {
        writeVarint((value << 1) ^ (value >> 63));
    }

    void writeBytes(byte[] value) {
        writeVarint(value.length);
        for (byte b : value) {
            writeByte(b);
        }
    }

    void writeString(String value) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
