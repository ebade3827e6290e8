package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * Collects a whole text message from its parts, decoding UTF-8 as the parts come, up to a limit
 * in characters (the unit of {@code Session.getMaxTextMessageBufferSize}). Memory stays within
 * the limit plus one part.
 */
final class TextAccumulator {

    private final Utf8PartDecoder decoder = new Utf8PartDecoder();
    private final StringBuilder text = new StringBuilder();
    private final int maxChars;

    TextAccumulator(int maxChars) {
        this.maxChars = maxChars;
    }

    /**
     * @return the whole message once {@code last}, otherwise {@code null}
     * @throws MessageTooBigException as soon as the message is longer than the limit
     */
    String add(ByteBuffer part, boolean last) throws MessageTooBigException, CharacterCodingException {
        text.append(decoder.decode(part, last));
        if (text.length() > maxChars) {
            throw new MessageTooBigException("Text message longer than " + maxChars + " characters");
        }
        return last ? text.toString() : null;
    }
}
