package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects a whole text message from its parts, up to a limit in characters (the unit of
 * {@code Session.getMaxTextMessageBufferSize}), and decodes it once, when it is complete.
 *
 * <p>Why bytes and not characters: the engine has already validated the UTF-8, so one
 * {@code new String(bytes, UTF_8)} at the end (the JDK's fastest decoder, straight into the
 * string's own storage) does the work that a {@code CharsetDecoder} per part, a
 * {@code StringBuilder} and a final copy did before. A message that arrives in one part — most
 * of them — is decoded straight from that part, without being collected at all. The limit is
 * still enforced as the parts come, by counting the UTF-16 characters their bytes stand for, so
 * memory stays within three bytes per character of the limit plus one part.
 */
final class TextAccumulator {

    private static final byte[] EMPTY = new byte[0];

    private final int maxChars;
    private byte[] bytes = EMPTY;
    private int length;
    private long chars;

    TextAccumulator(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * @param part the next bytes of the message: valid UTF-8 once the message is complete (a
     *             part may end inside a character)
     * @return the whole message once {@code last}, otherwise {@code null}
     * @throws MessageTooBigException as soon as the message is longer than the limit
     */
    String add(ByteBuffer part, boolean last) throws MessageTooBigException {
        chars += utf16Length(part);
        if (chars > maxChars) {
            throw new MessageTooBigException("Text message longer than " + maxChars + " characters");
        }
        if (length == 0 && last) {
            return decode(part);
        }
        append(part);
        return last ? new String(bytes, 0, length, StandardCharsets.UTF_8) : null;
    }

    /**
     * How many UTF-16 characters the bytes of valid UTF-8 decode to: one per byte that is not a
     * continuation byte, and one more per four-byte sequence (a surrogate pair). Counted by
     * leading bytes, so a part that ends inside a character counts it once.
     */
    static long utf16Length(ByteBuffer part) {
        long count = 0;
        for (int i = part.position(), end = part.limit(); i < end; i++) {
            int b = part.get(i);
            if ((b & 0xC0) != 0x80) {
                count++;
            }
            if ((b & 0xF8) == 0xF0) {
                count++;
            }
        }
        return count;
    }

    private static String decode(ByteBuffer part) {
        if (part.hasArray()) {
            return new String(part.array(), part.arrayOffset() + part.position(), part.remaining(),
                    StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[part.remaining()];
        part.duplicate().get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private void append(ByteBuffer part) throws MessageTooBigException {
        int n = part.remaining();
        if ((long) length + n > Integer.MAX_VALUE - 8) {
            throw new MessageTooBigException("Text message larger than an array can hold");
        }
        if (length + n > bytes.length) {
            long grown = Math.max((long) length + n, Math.max(1024L, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        part.duplicate().get(bytes, length, n);
        length += n;
    }
}
