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
 * still enforced as the parts come, by counting the UTF-16 characters their bytes stand for
 * once there are more bytes than the limit allows characters, so memory stays within three
 * bytes per character of the limit plus one part.
 */
final class TextAccumulator {

    private static final byte[] EMPTY = new byte[0];

    private final int maxChars;
    private byte[] bytes = EMPTY;
    private int length;
    /** Whether the message has grown past {@code maxChars} bytes, so that its characters are counted. */
    private boolean counting;
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
        if (length == 0 && last) {
            String text = decode(part);
            if (text.length() > maxChars) {
                throw tooBig();
            }
            return text;
        }
        // A character takes at least one byte: only past maxChars bytes can the limit be crossed,
        // and only then are characters counted (what was collected so far once, then each part).
        if (counting || (long) length + part.remaining() > maxChars) {
            if (!counting) {
                counting = true;
                chars = utf16Length(bytes, 0, length);
            }
            chars += part.hasArray()
                    ? utf16Length(part.array(), part.arrayOffset() + part.position(), part.remaining())
                    : utf16Length(copyOf(part), 0, part.remaining());
            if (chars > maxChars) {
                throw tooBig();
            }
        }
        append(part);
        return last ? new String(bytes, 0, length, StandardCharsets.UTF_8) : null;
    }

    private MessageTooBigException tooBig() {
        return new MessageTooBigException("Text message longer than " + maxChars + " characters");
    }

    /**
     * How many UTF-16 characters the bytes of valid UTF-8 decode to: one per byte that is not a
     * continuation byte, and one more per four-byte sequence (a surrogate pair). Counted by
     * leading bytes, so a part that ends inside a character counts it once.
     */
    static long utf16Length(byte[] utf8, int offset, int length) {
        long count = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = utf8[i];
            if ((b & 0xC0) != 0x80) {
                count++;
            }
            if ((b & 0xF8) == 0xF0) {
                count++;
            }
        }
        return count;
    }

    private static byte[] copyOf(ByteBuffer part) {
        byte[] copy = new byte[part.remaining()];
        part.duplicate().get(copy);
        return copy;
    }

    private static String decode(ByteBuffer part) {
        if (part.hasArray()) {
            return new String(part.array(), part.arrayOffset() + part.position(), part.remaining(),
                    StandardCharsets.UTF_8);
        }
        return new String(copyOf(part), StandardCharsets.UTF_8);
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
