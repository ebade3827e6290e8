package dev.switch101.frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Applies the RFC 6455 §5.3 masking transform: {@code octet[i] ^= key[i % 4]}.
 *
 * <p>The transform is its own inverse, so the same method masks (client side) and unmasks (server
 * side). Because a frame's payload can arrive in chunks of any size, the position within the 4-byte
 * key is carried from one call to the next as a "mask offset".
 */
public final class Masker {

    private Masker() {
    }

    /**
     * XORs {@code [buf.position(), buf.limit())} in place with the masking key. The buffer's
     * position and limit are unchanged.
     *
     * <p>The bulk is processed eight bytes at a time with {@link ByteBuffer#getLong(int)} and
     * {@link ByteBuffer#putLong(int, long)}; only the trailing bytes use a byte loop.
     *
     * @param buf        the bytes to transform; must be writable
     * @param maskKey    the four key bytes as a big-endian int ({@code key[0]} is the high byte),
     *                   i.e. in the order they appear on the wire
     * @param maskOffset which key byte applies to {@code buf.position()}, 0..3
     * @return the key offset for the byte following {@code buf.limit()}, to pass to the next call
     * @throws IllegalArgumentException if {@code maskOffset} is not 0..3
     * @throws java.nio.ReadOnlyBufferException if {@code buf} is read-only
     */
    public static int mask(ByteBuffer buf, int maskKey, int maskOffset) {
        if (maskOffset < 0 || maskOffset > 3) {
            throw new IllegalArgumentException("maskOffset must be 0..3, was " + maskOffset);
        }
        int start = buf.position();
        int limit = buf.limit();
        // Rotating the key brings key[maskOffset] to the high byte, so the bulk loop can always
        // start at key byte 0 of the rotated key.
        int rotated = Integer.rotateLeft(maskKey, 8 * maskOffset);
        long wordMask = ((long) rotated << 32) | (rotated & 0xFFFF_FFFFL);
        // getLong/putLong honour the buffer's byte order; the key bytes must line up with buffer
        // bytes, so a little-endian buffer needs the mask's bytes reversed.
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
            wordMask = Long.reverseBytes(wordMask);
        }
        int i = start;
        for (int end = limit - Long.BYTES; i <= end; i += Long.BYTES) {
            buf.putLong(i, buf.getLong(i) ^ wordMask);
        }
        // Bytes processed so far are a multiple of 8, hence of 4: the tail starts at rotated key byte 0.
        for (int k = 0; i < limit; i++, k++) {
            int keyByte = rotated >>> (24 - 8 * (k & 3));
            buf.put(i, (byte) (buf.get(i) ^ keyByte));
        }
        return (maskOffset + (limit - start)) & 3;
    }
}
