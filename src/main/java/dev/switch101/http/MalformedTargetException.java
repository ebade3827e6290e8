package dev.switch101.http;

/**
 * A request target (RFC 9112 §3.2) that cannot be read: a bad percent-escape, an encoded
 * {@code /}, a path that is not UTF-8. The message is a short, one-line reason fit to send to the
 * client and to log; it never quotes the offending input.
 */
public final class MalformedTargetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason a one-line reason, e.g. {@code "bad percent-escape in the query"}
     */
    public MalformedTargetException(String reason) {
        super(reason);
    }
}
