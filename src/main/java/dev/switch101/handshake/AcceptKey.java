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
    private static final byte[] GUID_BYTES = GUID.getBytes(StandardCharsets.US_ASCII);

    /**
     * A digest to copy: {@code MessageDigest.getInstance} looks the algorithm up among the
     * security providers on every call (some 2 KB of garbage per handshake); a clone is a copy
     * of a few words of state. {@code null} where the provider's digest cannot be cloned.
     */
    private static final MessageDigest PROTOTYPE = cloneableSha1();

    private AcceptKey() {
    }

    /**
     * @param secWebSocketKey the client's {@code Sec-WebSocket-Key} value, as sent (trimmed, still base64)
     * @return the {@code Sec-WebSocket-Accept} value
     */
    public static String of(String secWebSocketKey) {
        Objects.requireNonNull(secWebSocketKey, "secWebSocketKey");
        MessageDigest sha1 = sha1();
        sha1.update(secWebSocketKey.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1.digest(GUID_BYTES));
    }

    private static MessageDigest sha1() {
        if (PROTOTYPE != null) {
            try {
                return (MessageDigest) PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError("cloned once already", e);
            }
        }
        return newSha1();
    }

    private static MessageDigest cloneableSha1() {
        MessageDigest digest = newSha1();
        try {
            digest.clone();
            return digest;
        } catch (CloneNotSupportedException e) {
            return null; // a provider whose digests cannot be copied: one lookup per handshake
        }
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest Javadoc), so this is a broken JRE.
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
