package dev.switch101.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encoding (RFC 3986 §2.1): strict decoding of one path segment, the check that every
 * {@code %} starts an escape, and the escaping of characters a URI may not carry raw. Pure and
 * thread-safe.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The characters a URI path or query may carry unescaped (RFC 3986 §3.3, §3.4: pchar, "/" and
     * "?"), besides {@code %} itself.
     */
    private static final String URI_CHARS = "-._~!$&'()*+,;=:@/?";

    private PercentEncoding() {
    }

    /**
     * Decodes a segment once: each {@code %HH} becomes the byte HH, and the bytes must be UTF-8.
     * Nothing is decoded twice, so {@code %252e} is the three characters {@code %2e}.
     *
     * @param segment the raw segment, without {@code /}
     * @param where   the part of the target it comes from, for the reason, e.g. {@code "the path"}
     * @return the decoded text
     * @throws MalformedTargetException if a {@code %} is not followed by two hex digits, or the
     *                                  decoded bytes are not UTF-8
     */
    public static String decode(String segment, String where) {
        Objects.requireNonNull(segment, "segment");
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int value = escapeAt(segment, i);
                if (value < 0) {
                    throw new MalformedTargetException("bad percent-escape in " + where);
                }
                bytes.write(value);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException notUtf8) {
            // Exactly the condition reported; the decoder's position adds nothing for the client.
            throw new MalformedTargetException(where + " is not UTF-8");
        }
    }

    /**
     * Checks that every {@code %} in {@code text} starts a {@code %HH} escape.
     *
     * @param text  a raw path or query
     * @param where the part of the target, for the reason
     * @throws MalformedTargetException if one does not
     */
    public static void checkEscapes(String text, String where) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
            if (escapeAt(text, i) < 0) {
                throw new MalformedTargetException("bad percent-escape in " + where);
            }
        }
    }

    /**
     * Escapes, as UTF-8 {@code %HH}, every character a URI path or query may not carry raw
     * (spaces, {@code "<>\^`{|}}, controls, non-ASCII), so that a target a lenient container
     * accepted still makes a {@link java.net.URI}. A {@code %} is kept: call
     * {@link #checkEscapes} first.
     *
     * @param text a raw path or query
     * @return the text with only URI characters
     */
    public static String escapeForUri(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '%' || URI_CHARS.indexOf(c) >= 0;
            if (allowed) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out == null ? text : out.toString();
    }

    /** @return the byte of the escape at {@code i}, or -1 if there is none */
    private static int escapeAt(String text, int i) {
        if (i + 2 >= text.length()) {
            return -1;
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        // Character.digit takes non-ASCII digits too: an escape is ASCII hex only (RFC 3986 HEXDIG).
        if (high < 0 || low < 0 || text.charAt(i + 1) > 'f' || text.charAt(i + 2) > 'f') {
            return -1;
        }
        return (high << 4) | low;
    }
}
