package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.DeflateCodec;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.RawWebSocket.Handshake;

/**
 * RFC 7692 permessage-deflate on the wire, with the raw client: negotiation in the 101, compressed
 * messages in one and in several frames, uncompressed messages beside them, RSV1 where it must not
 * be (1002), invalid compressed data (1007) and a decompression bomb (1009).
 */
public abstract class DeflateChecks extends EchoConformance {

    /** An echo endpoint with the default 1 MiB message limit. */
    static final String SMALL_ECHO_PATH = "echo-1mib";
    /** An echo endpoint with permessage-deflate off. */
    static final String NO_DEFLATE_PATH = "echo-no-deflate";

    private static final String DEFAULT_ANSWER =
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
    private static final int RSV1 = 4;

    private RawWebSocket connectCompressed(String path) throws IOException {
        RawWebSocket ws = RawWebSocket.connect(base(), Handshake.to(base(), path)
                .add("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"));
        assertEquals(List.of(DEFAULT_ANSWER), ws.handshakeResponse().headers("Sec-WebSocket-Extensions"));
        return ws;
    }

    /** Reads one message frame by frame: its payload inflated if its first frame has RSV1 (RSV1 elsewhere fails). */
    private static Received readMessage(RawWebSocket ws) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Boolean compressed = null;
        OpCode type = null;
        int frames = 0;
        int pongs = 0;
        while (true) {
            Frame frame = ws.readFrame();
            if (frame.isControl()) {
                assertEquals(0, frame.rsv(), "RSV bits on a control frame (RFC 7692 §6.1)");
                pongs += frame.opCode() == OpCode.PONG.code() ? 1 : 0;
                continue;
            }
            frames++;
            if (compressed == null) {
                compressed = (frame.rsv() & RSV1) != 0;
                type = OpCode.of(frame.opCode());
            } else {
                assertEquals(0, frame.rsv(), "RSV1 on a continuation frame (RFC 7692 §6.1)");
            }
            payload.writeBytes(frame.payload());
            if (frame.fin()) {
                byte[] bytes = payload.toByteArray();
                return new Received(type, compressed, frames, pongs,
                        compressed ? DeflateCodec.inflate(bytes) : bytes);
            }
        }
    }

    /** A message read, with the pongs that came before or between its frames. */
    private record Received(OpCode type, boolean compressed, int frames, int pongs, byte[] content) {
    }

    // §7.1: the offer is accepted; the default policy asks for no context takeover both ways.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate | " + DEFAULT_ANSWER,
        "permessage-deflate; client_max_window_bits=10 | " + DEFAULT_ANSWER,
        "permessage-deflate; server_max_window_bits=10, permessage-deflate; server_max_window_bits=15 | "
                + DEFAULT_ANSWER + "; server_max_window_bits=15",
        "permessage-deflate; server_max_window_bits=10, permessage-deflate; unknown, permessage-deflate | "
                + DEFAULT_ANSWER,
    })
    public void offersAreNegotiatedInTheClientsOrder(String offer, String answer) throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), Handshake.to(base(), ECHO_PATH)
                .add("Sec-WebSocket-Extensions", offer))) {
            assertEquals(List.of(answer), ws.handshakeResponse().headers("Sec-WebSocket-Extensions"));
        }
    }

    // §7.1: an offer with invalid parameters is declined, never the handshake.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate; server_max_window_bits=8",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover=yes",
        "permessage-deflate; mystery",
    })
    public void invalidOffersAreDeclinedAndTheConnectionStillOpens(String offer) throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), Handshake.to(base(), ECHO_PATH)
                .add("Sec-WebSocket-Extensions", offer))) {
            assertEquals(List.of(), ws.handshakeResponse().headers("Sec-WebSocket-Extensions"));
            ws.sendText("still works");
            assertEquals("still works", ws.readText());
        }
    }

    @Test
    public void endpointWithDeflateOffDeclinesIt() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), Handshake.to(base(), NO_DEFLATE_PATH)
                .add("Sec-WebSocket-Extensions", "permessage-deflate"))) {
            assertEquals(List.of(), ws.handshakeResponse().headers("Sec-WebSocket-Extensions"));
        }
    }

    // §7.2.3.1: "Hello" compressed in one frame; the echo, under the threshold, comes back uncompressed.
    @Test
    public void rfcHelloInOneFrameIsInflated() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.TEXT.code(), hex("f2 48 cd c9 c9 07 00")));
            Received echo = readMessage(ws);
            assertEquals("Hello", new String(echo.content(), StandardCharsets.UTF_8));
            assertEquals(false, echo.compressed(), "5 bytes are under the compression threshold");
        }
    }

    // §7.2.3.1, fragmented; a ping between the fragments is answered and does not disturb the message.
    @Test
    public void rfcHelloInTwoFramesWithAPingBetweenIsInflated() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(false, RSV1, OpCode.TEXT.code(), hex("f2 48 cd")),
                    Frame.ping("p".getBytes(StandardCharsets.UTF_8)),
                    new Frame(true, 0, OpCode.CONTINUATION.code(), hex("c9 c9 07 00")));
            // The echo of the first part may overtake the pong, never the last part: the pong is
            // queued when the ping is read, before the last frame is.
            Received echo = readMessage(ws);
            assertEquals("Hello", new String(echo.content(), StandardCharsets.UTF_8));
            assertEquals(1, echo.pongs(), "the pong for the ping between the fragments");
        }
    }

    // §7.2.3.3: a DEFLATE block with no compression.
    @Test
    public void rfcUncompressedDeflateBlockIsInflated() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.TEXT.code(), hex("00 05 00 fa ff 48 65 6c 6c 6f 00")));
            assertEquals("Hello", new String(readMessage(ws).content(), StandardCharsets.UTF_8));
        }
    }

    // Large messages both ways: ours in many frames chopped to one byte per write, the echo compressed.
    @Test
    public void largeCompressedMessageInManyFramesIsEchoedCompressed() throws IOException {
        byte[] content = text(300_000).getBytes(StandardCharsets.UTF_8);
        byte[] compressed = DeflateCodec.compress(content);
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            int third = compressed.length / 3;
            ws.sendChopped(new Frame(false, RSV1, OpCode.TEXT.code(), java.util.Arrays.copyOfRange(compressed, 0, third)),
                    Frame.continuation(java.util.Arrays.copyOfRange(compressed, third, 2 * third), false),
                    Frame.continuation(java.util.Arrays.copyOfRange(compressed, 2 * third, compressed.length), true));
            Received echo = readMessage(ws);
            assertEquals(OpCode.TEXT, echo.type());
            assertTrue(echo.compressed(), "the echo of a 300 KB message is compressed");
            assertArrayEquals(content, echo.content());
        }
    }

    // §6: uncompressed messages (RSV1 clear) are allowed on a compressed connection, between compressed ones.
    @Test
    public void uncompressedAndCompressedMessagesInterleave() throws IOException {
        byte[] binary = bytes(70_000);
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(Frame.binary(binary),
                    new Frame(true, RSV1, OpCode.BINARY.code(), DeflateCodec.compress(binary)),
                    Frame.text("plain"));
            assertArrayEquals(binary, readMessage(ws).content());
            assertArrayEquals(binary, readMessage(ws).content());
            assertEquals("plain", new String(readMessage(ws).content(), StandardCharsets.UTF_8));
        }
    }

    // §6.1: RSV1 on a continuation frame or a control frame fails the connection.
    @Test
    public void rsv1OnAContinuationFrameFailsWith1002() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(false, RSV1, OpCode.TEXT.code(), hex("f2 48 cd")),
                    new Frame(true, RSV1, OpCode.CONTINUATION.code(), hex("c9 c9 07 00")));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    @Test
    public void rsv1OnAPingFailsWith1002() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.PING.code(), new byte[0]));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // RFC 6455 §5.2: permessage-deflate gives RSV1 a meaning, not RSV2 or RSV3.
    @ParameterizedTest(name = "rsv {0}")
    @CsvSource({"2", "1", "6"})
    public void otherRsvBitsStillFailWith1002(int rsv) throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, rsv, OpCode.TEXT.code(), hex("f2 48 cd c9 c9 07 00")));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // Without the extension negotiated, RSV1 stays a protocol error (RFC 6455 §5.2).
    @Test
    public void rsv1WithoutNegotiationFailsWith1002() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(new Frame(true, RSV1, OpCode.TEXT.code(), hex("f2 48 cd c9 c9 07 00")));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // Data that is not DEFLATE (BTYPE 11 is reserved) is not what the message claims to be.
    @Test
    public void invalidCompressedDataFailsWith1007() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.BINARY.code(), hex("07 00")));
            ws.expectClose(INVALID_PAYLOAD);
        }
    }

    // RFC 7692 §8.2 / RFC 6455 §7.4.1: the message limit applies to the inflated size. 64 MiB of zeros
    // in some 64 KB on the wire, against a 1 MiB limit: 1009, and the server lives on.
    @Test
    public void decompressionBombFailsWith1009() throws IOException {
        byte[] bomb = DeflateCodec.compress(new byte[64 << 20]);
        assertTrue(bomb.length < 100_000, "the bomb is " + bomb.length + " bytes");
        try (RawWebSocket ws = connectCompressed(SMALL_ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.BINARY.code(), bomb));
            ws.expectClose(MESSAGE_TOO_BIG);
        }
        try (RawWebSocket ws = connectCompressed(SMALL_ECHO_PATH)) {
            ws.sendText("after the bomb");
            assertEquals("after the bomb", new String(readMessage(ws).content(), StandardCharsets.UTF_8));
        }
    }

    // Invalid UTF-8 found after inflation still fails with 1007 (RFC 6455 §8.1).
    @Test
    public void invalidUtf8InsideACompressedTextFailsWith1007() throws IOException {
        try (RawWebSocket ws = connectCompressed(ECHO_PATH)) {
            ws.send(new Frame(true, RSV1, OpCode.TEXT.code(),
                    DeflateCodec.compress(new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF})));
            ws.expectClose(INVALID_PAYLOAD);
        }
    }
}
