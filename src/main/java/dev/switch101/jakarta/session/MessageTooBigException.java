package dev.switch101.jakarta.session;

/**
 * A whole message outgrew the session's buffer size ({@code Session.setMaxTextMessageBufferSize}
 * / {@code setMaxBinaryMessageBufferSize}): the session closes with 1009 (RFC 6455 §7.4.1).
 */
final class MessageTooBigException extends Exception {

    private static final long serialVersionUID = 1L;

    MessageTooBigException(String message) {
        super(message);
    }
}
