package dev.switch101.frame;

/**
 * Signals that the WebSocket connection must be failed (RFC 6455 §7.1.7) and which close status
 * code to send while doing so, e.g. {@link CloseCodes#PROTOCOL_ERROR 1002},
 * {@link CloseCodes#INVALID_PAYLOAD 1007} or {@link CloseCodes#MESSAGE_TOO_BIG 1009}.
 *
 * <p>Unchecked because it is raised deep inside parsing callbacks and the only sensible handling is
 * at the connection level, where the close frame is sent and the transport is torn down.
 */
public class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The close status code to fail the connection with. */
    private final int closeCode;

    /**
     * @param closeCode the close status code to send when failing the connection
     * @param message   a human-readable description, suitable for logs (and, truncated, for the
     *                  close reason)
     */
    public ProtocolException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    /** @return the close status code to send when failing the connection */
    public int closeCode() {
        return closeCode;
    }
}
