package dev.switch101.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The client side of the opening handshake (RFC 6455 §4.1): the request, and the checks on the
 * server's answer — status 101, {@code Upgrade: websocket} and the {@code Sec-WebSocket-Accept}
 * that belongs to our key (computed here, independently of the engine's own code).
 */
final class ClientHandshake {

    /** The most a 101 response may take, headers included. */
    static final int MAX_RESPONSE = 8192;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final String DEFLATE_OFFER = "permessage-deflate; client_no_context_takeover";

    private final byte[] request;
    private final String expectedAccept;

    ClientHandshake(String host, int port, String path, boolean offerDeflate, SplittableRandom random) {
        byte[] nonce = new byte[16];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) random.nextInt(256);
        }
        String key = Base64.getEncoder().encodeToString(nonce);
        this.expectedAccept = accept(key);
        String text = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + (offerDeflate ? "Sec-WebSocket-Extensions: " + DEFLATE_OFFER + "\r\n" : "")
                + "\r\n";
        this.request = text.getBytes(StandardCharsets.US_ASCII);
    }

    ByteBuffer request() {
        return ByteBuffer.wrap(request);
    }

    static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    /**
     * Reads the response head from {@code in} (flipped) if it is complete: returns the value of
     * {@code Sec-WebSocket-Extensions} ("" if none), leaving {@code in} after the head; returns
     * null (and {@code in} as it was) if more bytes are needed.
     *
     * @throws BenchFailure if the answer is not a valid 101 for our key
     */
    String readResponse(ByteBuffer in) {
        int end = headEnd(in);
        if (end < 0) {
            if (in.remaining() >= MAX_RESPONSE) {
                throw new BenchFailure("handshake response longer than " + MAX_RESPONSE + " bytes");
            }
            return null;
        }
        byte[] head = new byte[end - in.position()];
        in.get(head);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        if (!lines[0].startsWith("HTTP/1.1 101")) {
            throw new BenchFailure("handshake refused: " + lines[0]);
        }
        String accept = null;
        String upgrade = null;
        StringBuilder extensions = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "sec-websocket-accept" -> accept = value;
                case "upgrade" -> upgrade = value;
                case "sec-websocket-extensions" -> extensions.append(extensions.length() == 0 ? "" : ", ").append(value);
                default -> { }
            }
        }
        if (!expectedAccept.equals(accept)) {
            throw new BenchFailure("Sec-WebSocket-Accept " + accept + ", expected " + expectedAccept);
        }
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            throw new BenchFailure("101 without Upgrade: websocket (" + upgrade + ")");
        }
        return extensions.toString();
    }

    /** The index just past CRLFCRLF in {@code in}, or -1. */
    private static int headEnd(ByteBuffer in) {
        for (int i = in.position() + 3; i < in.limit(); i++) {
            if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }
}
