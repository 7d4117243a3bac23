package dev.weft.scheduler.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link ByteWriter} wrote, from {@code bytes[position, end)}; any overrun or oversized
 * value throws {@link IllegalArgumentException} with a lowercase message, never reads past the end.
 */
final class ByteReader {

    private final byte[] bytes;
    private final int end;
    private int position;

    ByteReader(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.position = start;
        this.end = end;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position == end;
    }

    int remaining() {
        return end - position;
    }

    int readByte() {
        if (position >= end) {
            throw new IllegalArgumentException("unexpected end of data at byte " + position);
        }
        return bytes[position++] & 0xff;
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes at byte " + position);
    }

    long readSigned() {
        long raw = readVarint();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A varint that must lie in {@code [0, max]}; {@code what} names it in the error. */
    int readInt(String what, int max) {
        long value = readVarint();
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range: " + Long.toUnsignedString(value));
        }
        return (int) value;
    }

    byte[] readBytes(String what) {
        int length = readInt(what + " length", remaining());
        byte[] value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String readString(String what) {
        return new String(readBytes(what), StandardCharsets.UTF_8);
    }
}
