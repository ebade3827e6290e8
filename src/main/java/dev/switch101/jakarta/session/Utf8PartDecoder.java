package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text message that arrives in parts, where a part may end inside a multi-byte
 * character (the engine cuts parts at read-buffer boundaries, not character boundaries): the
 * incomplete bytes at the end of a part (three at most) are kept and completed by the next
 * part. One instance per message stream; not thread-safe.
 */
final class Utf8PartDecoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes of a character that the previous part began and did not finish. */
    private final ByteBuffer carry = ByteBuffer.allocate(4);

    /**
     * @param part the next bytes of the message
     * @param last whether they end the message (then no incomplete character may be left)
     * @return the characters the bytes so far complete
     * @throws CharacterCodingException if the bytes are not UTF-8 (the engine validates text,
     *         so this means a bug, not a bad peer)
     */
    String decode(ByteBuffer part, boolean last) throws CharacterCodingException {
        CharBuffer out = CharBuffer.allocate(part.remaining() + 2);
        while (carry.position() > 0 && part.hasRemaining()) {
            carry.put(part.get());
            carry.flip();
            check(decoder.decode(carry, out, false));
            carry.compact();
        }
        check(decoder.decode(part, out, last));
        if (part.hasRemaining()) {
            carry.put(part); // an incomplete character, three bytes at most
        }
        if (last) {
            if (carry.position() > 0) {
                throw new CharacterCodingException();
            }
            check(decoder.flush(out));
            decoder.reset();
        }
        return out.flip().toString();
    }

    private static void check(CoderResult result) throws CharacterCodingException {
        if (result.isError()) {
            result.throwException();
        }
    }
}
