package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects a whole binary message from its parts, up to a limit in bytes
 * ({@code Session.getMaxBinaryMessageBufferSize}). The array grows by doubling, never past
 * the limit.
 */
final class BinaryAccumulator {

    private final int maxBytes;
    private byte[] bytes = new byte[0];
    private int length;

    BinaryAccumulator(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @return the whole message once {@code last}, otherwise {@code null}
     * @throws MessageTooBigException as soon as the message is larger than the limit
     */
    byte[] add(ByteBuffer part, boolean last) throws MessageTooBigException {
        int n = part.remaining();
        if ((long) length + n > maxBytes) {
            throw new MessageTooBigException("Binary message larger than " + maxBytes + " bytes");
        }
        if (length + n > bytes.length) {
            long grown = Math.max((long) length + n, Math.max(1024L, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, maxBytes));
        }
        part.get(bytes, length, n);
        length += n;
        if (!last) {
            return null;
        }
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
