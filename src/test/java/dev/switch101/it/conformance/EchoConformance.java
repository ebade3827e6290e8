package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.RawWebSocket.Message;

/**
 * Base of the RFC 6455 conformance checks. The checks only need the URL of a deployment serving the
 * echo endpoint at {@value #ECHO_PATH} (in the demo, the engine-level streaming echo): the
 * {@code *IT} subclasses get it from Arquillian (our engine in WildFly and Tomcat), the reference
 * test from a Tyrus server, so the same checks run against any peer.
 *
 * <p>The echo contract: text is echoed as text and binary as binary, whole messages up to
 * {@link #MESSAGE_SIZE_LIMIT}; a message may come back fragmented differently, so checks compare the
 * reassembled message, never the framing.
 */
public abstract class EchoConformance extends DeployedTarget {

    /** The echo endpoint, relative to the deployment URL. */
    public static final String ECHO_PATH = "stream-echo";

    /** The echo endpoint's message size limit: larger messages fail with 1009. */
    public static final int MESSAGE_SIZE_LIMIT = 32 << 20;

    protected static final int PROTOCOL_ERROR = 1002;
    protected static final int INVALID_PAYLOAD = 1007;
    protected static final int MESSAGE_TOO_BIG = 1009;
    protected static final int NORMAL = 1000;

    /** Opens a connection to the echo endpoint. */
    protected RawWebSocket connect() throws IOException {
        return RawWebSocket.connect(base(), ECHO_PATH);
    }

    /** Sends the frames on a new connection and asserts the server fails it with {@code code}. */
    protected void assertFailsWith(int code, Frame... frames) throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(frames);
            ws.expectClose(code);
        }
    }

    /** Sends the frames (one message) on a new connection and asserts the message comes back. */
    protected void assertEchoed(OpCode type, byte[] content, Frame... frames) throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(frames);
            assertMessage(type, content, ws.readMessage());
        }
    }

    protected static void assertMessage(OpCode type, byte[] content, Message message) {
        assertEquals(type, message.type(), "type of the echoed message");
        assertEquals(content.length, message.payload().length, "length of the echoed message");
        assertArrayEquals(content, message.payload(), "content of the echoed message");
    }

    /** ASCII text of the given length, not a repeated single character so misplaced bytes show. */
    protected static String text(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + i % 26);
        }
        return new String(chars);
    }

    /** Deterministic pseudo-random bytes covering all 256 values. */
    protected static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes written in hex, e.g. "ce ba e1". */
    protected static byte[] hex(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    protected static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Splits a message's payload into fragments of {@code size} bytes: first frame, continuations. */
    protected static Frame[] fragments(OpCode type, byte[] payload, int size) {
        int count = Math.max(1, (payload.length + size - 1) / size);
        Frame[] frames = new Frame[count];
        for (int i = 0; i < count; i++) {
            byte[] part = Arrays.copyOfRange(payload, i * size, Math.min(payload.length, (i + 1) * size));
            boolean fin = i == count - 1;
            frames[i] = i == 0 ? Frame.of(type, part).withFin(fin) : Frame.continuation(part, fin);
        }
        return frames;
    }
}
