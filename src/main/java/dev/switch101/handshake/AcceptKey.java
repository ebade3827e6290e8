package dev.switch101.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Computes {@code Sec-WebSocket-Accept} (RFC 6455 §4.2.2, step 5.4): the base64 of the SHA-1 of the
 * client's key concatenated with the protocol GUID. It proves to the client that the server read
 * this very handshake as WebSocket, not that anything is secret.
 */
public final class AcceptKey {

    /** The GUID fixed by RFC 6455 §1.3. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private AcceptKey() {
    }

    /**
     * @param secWebSocketKey the client's {@code Sec-WebSocket-Key} value, as sent (trimmed, still base64)
     * @return the {@code Sec-WebSocket-Accept} value
     */
    public static String of(String secWebSocketKey) {
        Objects.requireNonNull(secWebSocketKey, "secWebSocketKey");
        byte[] digest = sha1().digest((secWebSocketKey + GUID).getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(digest);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest Javadoc), so this is a broken JRE.
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
