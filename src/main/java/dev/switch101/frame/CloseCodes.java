package dev.switch101.frame;

/**
 * Close status codes (RFC 6455 §7.4) and the rule for which of them may be sent in a close frame.
 */
public final class CloseCodes {

    /** 1000: normal closure, the purpose of the connection has been fulfilled. */
    public static final int NORMAL = 1000;
    /** 1001: an endpoint is going away (server shutdown, browser navigating away). */
    public static final int GOING_AWAY = 1001;
    /** 1002: the endpoint is terminating the connection due to a protocol error. */
    public static final int PROTOCOL_ERROR = 1002;
    /** 1003: the endpoint received a type of data it cannot accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** 1005: reserved; stands for "no status code was present". Never sent on the wire. */
    public static final int NO_STATUS = 1005;
    /** 1006: reserved; stands for "closed without a close frame". Never sent on the wire. */
    public static final int ABNORMAL = 1006;
    /** 1007: data within a message was not consistent with its type (e.g. invalid UTF-8 text). */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: a message violated the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** 1009: a message was too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** 1010: (client) the server did not negotiate an extension the client required. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** 1011: (server) an unexpected condition prevented the request from being fulfilled. */
    public static final int INTERNAL_ERROR = 1011;
    /** 1015: reserved; stands for "the TLS handshake failed". Never sent on the wire. */
    public static final int TLS_HANDSHAKE = 1015;

    private CloseCodes() {
    }

    /**
     * Whether a code may appear in a close frame on the wire.
     *
     * <p>Valid: 1000-1003 and 1007-1011 (RFC 6455 §7.4.1); 1012-1014, which the IANA "WebSocket
     * Close Code Number Registry" assigned after the RFC was published (service restart, try again
     * later, bad gateway) and which Autobahn|Testsuite accepts; 3000-3999 (registered with IANA) and
     * 4000-4999 (private use) per §7.4.2.
     *
     * <p>Invalid: 0-999 (unused), 1004 (reserved), 1005, 1006 and 1015 (reserved to signal
     * conditions locally, "MUST NOT be set as a status code in a Close control frame"), 1016-2999
     * (reserved for future revisions of the protocol) and 5000 and above (undefined).
     *
     * @param code a close status code
     * @return true if the code may be sent or received in a close frame
     */
    public static boolean isValidOnWire(int code) {
        if (code >= 1000 && code <= 1014) {
            return code != 1004 && code != NO_STATUS && code != ABNORMAL;
        }
        return code >= 3000 && code <= 4999;
    }
}
