package dev.switch101.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9110 header grammar helpers.
 *
 * <p>Only the pieces of the grammar the WebSocket opening handshake needs: comma-separated lists
 * (RFC 9110 §5.6.1), tokens (§5.6.2) and quoted-strings (§5.6.4). All methods are pure and
 * thread-safe.
 */
public final class HeaderTokens {

    private static final char DQUOTE = '"';
    private static final char BACKSLASH = '\\';

    private HeaderTokens() {
    }

    /**
     * Splits all values of a (possibly repeated) comma-list header into trimmed elements, ignoring
     * empty elements (RFC 9110 §5.6.1), honouring quoted-strings (commas inside quotes do not split).
     *
     * <p>Repeated header lines are equivalent to one line joined with commas (RFC 9110 §5.3), so the
     * result is the same whichever way the client sent the list.
     *
     * @param headerValues every value of every occurrence of the header, in order
     * @return the non-empty list elements, in order
     */
    public static List<String> elements(List<String> headerValues) {
        Objects.requireNonNull(headerValues, "headerValues");
        List<String> elements = new ArrayList<>();
        for (String value : headerValues) {
            if (value == null) {
                continue;
            }
            for (String piece : splitOutsideQuotes(value, ',')) {
                if (!piece.isEmpty()) {
                    elements.add(piece);
                }
            }
        }
        return elements;
    }

    /**
     * Whether any list element equals {@code token}, case-insensitively, e.g. {@code Connection:
     * keep-alive, Upgrade} contains {@code "upgrade"}.
     *
     * @param headerValues every value of every occurrence of the header
     * @param token the token looked for
     * @return true if some element matches
     */
    public static boolean containsToken(List<String> headerValues, String token) {
        Objects.requireNonNull(token, "token");
        for (String element : elements(headerValues)) {
            if (element.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code s} is an RFC 9110 §5.6.2 token: one or more tchar.
     *
     * @param s the candidate, may be null
     * @return true if non-null, non-empty and made only of tchar
     */
    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Unquotes an RFC 9110 §5.6.4 quoted-string, resolving backslash quoted-pairs.
     *
     * @param quoted the quoted-string including its surrounding double quotes
     * @return the content, or null if {@code quoted} is not exactly one well-formed quoted-string
     */
    public static String unquote(String quoted) {
        Objects.requireNonNull(quoted, "quoted");
        int last = quoted.length() - 1;
        if (last < 1 || quoted.charAt(0) != DQUOTE || quoted.charAt(last) != DQUOTE) {
            return null;
        }
        StringBuilder content = new StringBuilder(last - 1);
        for (int i = 1; i < last; i++) {
            char c = quoted.charAt(i);
            if (c == BACKSLASH) {
                i++;
                // A backslash just before the closing quote would escape it: the string never ends.
                if (i == last || !isQuotedPairChar(quoted.charAt(i))) {
                    return null;
                }
                content.append(quoted.charAt(i));
            } else if (isQdtext(c)) {
                content.append(c);
            } else {
                // An unescaped DQUOTE here means the quoted-string ended early; CTLs are never allowed.
                return null;
            }
        }
        return content.toString();
    }

    /**
     * Writes {@code value} as a quoted-string, escaping {@code "} and {@code \}. The inverse of
     * {@link #unquote(String)}.
     *
     * @param value the content; must not contain control characters other than HTAB
     * @return the quoted-string
     * @throws IllegalArgumentException if {@code value} cannot be carried in a quoted-string
     */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder quoted = new StringBuilder(value.length() + 2).append(DQUOTE);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == DQUOTE || c == BACKSLASH) {
                quoted.append(BACKSLASH).append(c);
            } else if (isQdtext(c)) {
                quoted.append(c);
            } else {
                throw new IllegalArgumentException("Character 0x" + Integer.toHexString(c)
                        + " cannot appear in a quoted-string");
            }
        }
        return quoted.append(DQUOTE).toString();
    }

    /**
     * Returns {@code token} unchanged if it is a token, otherwise as a quoted-string; the form
     * RFC 9110 §5.6.6 recommends for parameter values.
     *
     * @param value the value to write
     * @return a token or a quoted-string
     */
    public static String tokenOrQuoted(String value) {
        return isToken(value) ? value : quote(value);
    }

    /**
     * Splits {@code value} at every {@code delimiter} that is not inside a quoted-string, trimming
     * optional whitespace (SP / HTAB) around each piece. Empty pieces are kept, so callers can tell
     * {@code "a;;b"} from {@code "a;b"}.
     *
     * <p>An unterminated quoted-string extends to the end of the value; the piece containing it then
     * fails whatever stricter parsing the caller applies.
     *
     * @param value one header field value
     * @param delimiter the separator, e.g. {@code ','} or {@code ';'}; must not be {@code "} or {@code \}
     * @return the trimmed pieces, at least one
     */
    public static List<String> splitOutsideQuotes(String value, char delimiter) {
        Objects.requireNonNull(value, "value");
        if (delimiter == DQUOTE || delimiter == BACKSLASH) {
            throw new IllegalArgumentException("Delimiter cannot be a quoting character");
        }
        List<String> pieces = new ArrayList<>();
        boolean inQuotes = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (inQuotes && c == BACKSLASH) {
                i++; // the escaped character can be neither a closing quote nor a delimiter
            } else if (c == DQUOTE) {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == delimiter) {
                pieces.add(trimOws(value.substring(start, i)));
                start = i + 1;
            }
        }
        pieces.add(trimOws(value.substring(Math.min(start, value.length()))));
        return pieces;
    }

    /** Trims RFC 9110 §5.6.3 optional whitespace only (SP and HTAB), not every control character. */
    private static String trimOws(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && isOws(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    /**
     * The value of a short decimal: {@code text} from {@code from} to its end, 1 to
     * {@code maxDigits} ASCII digits (RFC 5234 DIGIT; {@code Character.isDigit} would take any
     * Unicode digit). Leading zeros are the caller's to refuse where a grammar forbids them.
     *
     * @param maxDigits at most 9, so that the value fits in an {@code int}
     * @return the value, or -1 if the text is empty, longer than {@code maxDigits} or not all digits
     */
    public static int decimal(String text, int from, int maxDigits) {
        int length = text.length() - from;
        if (length < 1 || length > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isTchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text */
    private static boolean isQdtext(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E)
                || isObsText(c);
    }

    /** quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ) */
    private static boolean isQuotedPairChar(char c) {
        return c == '\t' || c == ' ' || (c >= 0x21 && c <= 0x7E) || isObsText(c);
    }

    private static boolean isObsText(char c) {
        return c >= 0x80 && c <= 0xFF;
    }
}
