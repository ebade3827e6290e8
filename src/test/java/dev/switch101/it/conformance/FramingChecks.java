package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.RawWebSocket.Message;

/** RFC 6455 §5.1-§5.3 and §5.6-§5.7: the base framing protocol, masking, and message size limits. */
public abstract class FramingChecks extends EchoConformance {

    private static final int SIXTEEN_MIB = 16 << 20;
    private static final int ONE_MIB = 1 << 20;
    private static final int PIPELINED_MESSAGES = 1000;

    // §5.2: payload lengths 0-125 in 7 bits, 126-65535 behind marker 126, larger behind marker 127.
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536})
    public void textOfEveryLengthEncodingIsEchoed(int length) throws IOException {
        String text = text(length);
        assertEchoed(OpCode.TEXT, utf8(text), Frame.text(text));
    }

    // §5.2, §5.6: binary data is echoed untouched, at every length encoding.
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536})
    public void binaryOfEveryLengthEncodingIsEchoed(int length) throws IOException {
        byte[] payload = bytes(length);
        assertEchoed(OpCode.BINARY, payload, Frame.binary(payload));
    }

    // §5.2: a frame is a byte stream; TCP may deliver any header field or payload one byte at a time.
    @Test
    public void framesWrittenOneBytePerWriteAreUnderstood() throws IOException {
        byte[] ping = utf8("chopped ping");
        byte[] binary = bytes(300);
        try (RawWebSocket ws = connect()) {
            ws.sendChopped(Frame.text("chopped text"), Frame.ping(ping), Frame.binary(binary));
            Message text = ws.readMessage();
            Message echoed = ws.readMessage();
            assertEquals("chopped text", text.text());
            assertMessage(OpCode.BINARY, binary, echoed);
            // The pong comes "as soon as practical" (§5.5.2): before or after the first echo.
            List<Frame> pongs = new ArrayList<>(text.controlFrames());
            pongs.addAll(echoed.controlFrames());
            assertEquals(1, pongs.size(), "one pong: " + pongs);
            assertArrayEquals(ping, pongs.get(0).payload(), "pong payload");
            ws.sendChopped(Frame.close(NORMAL, "bye"));
            ws.expectClose(NORMAL);
        }
    }

    // §5.2: "RSV1, RSV2, RSV3: MUST be 0 unless an extension is negotiated"; otherwise fail the connection.
    @ParameterizedTest(name = "rsv={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    public void rsvBitsWithoutExtensionFailWith1002(int rsv) throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.text("rsv").withRsv(rsv));
    }

    // §5.2: RSV bits on a control frame are just as illegal.
    @Test
    public void rsvBitsOnAPingFailWith1002() throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.ping(utf8("rsv")).withRsv(4));
    }

    // §5.2: "If an unknown opcode is received, the receiving endpoint MUST _Fail the WebSocket Connection_."
    @ParameterizedTest(name = "opcode 0x{0}")
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    public void reservedOpcodeFailsWith1002(int opCode) throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.text("reserved").withOpCode(opCode));
    }

    // §5.2: a reserved opcode fails a connection that was working fine until then.
    @Test
    public void reservedOpcodeAfterAValidMessageFailsWith1002() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("before"));
            assertEquals("before", ws.readText());
            ws.send(Frame.text("x").withOpCode(0x5));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // §5.1: "The server MUST close the connection upon receiving a frame that is not masked."
    @Test
    public void unmaskedClientFrameFailsWith1002() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendUnmasked(Frame.text("not masked"));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // §5.1: an unmasked control frame is no exception.
    @Test
    public void unmaskedPingFailsWith1002() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendUnmasked(Frame.ping(utf8("not masked")));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // §5.1: "A server MUST NOT mask any frames that it sends to the client." RawWebSocket's parser
    // (client mode) rejects masked server frames; this pins it on a frame of every length encoding.
    @Test
    public void serverFramesAreNeverMasked() throws IOException {
        try (RawWebSocket ws = connect()) {
            for (int length : new int[] {5, 200, 70_000}) {
                ws.send(Frame.binary(bytes(length)));
                Frame frame = ws.readFrame();
                assertFalse(frame.isControl(), "an echo frame: " + frame);
            }
        }
    }

    // §5.2: "the most significant bit MUST be 0" in a 64-bit payload length.
    @Test
    public void sixtyFourBitLengthWithHighBitSetFailsWith1002() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(14)
                .put((byte) (0x80 | OpCode.BINARY.code()))
                .put((byte) (0x80 | 127))
                .putLong(Long.MIN_VALUE | 8)
                .putInt(0x12345678);
        try (RawWebSocket ws = connect()) {
            ws.sendRaw(header.array());
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // §5.4, §5.6: a large message (16 MiB, one frame) comes back intact.
    @Test
    public void sixteenMebibyteBinaryMessageIsEchoed() throws Exception {
        byte[] payload = bytes(SIXTEEN_MIB);
        assertLargeEcho(OpCode.BINARY, payload, Frame.binary(payload));
    }

    // §5.4, §5.6: a large text message sent in 1 MiB fragments comes back intact.
    @Test
    public void sixteenMebibyteTextMessageInFragmentsIsEchoed() throws Exception {
        byte[] payload = utf8(text(SIXTEEN_MIB));
        assertLargeEcho(OpCode.TEXT, payload, fragments(OpCode.TEXT, payload, ONE_MIB));
    }

    // Echo contract: messages up to the limit, inclusive, are accepted.
    @Test
    public void messageOfExactlyTheSizeLimitIsEchoed() throws Exception {
        byte[] payload = bytes(MESSAGE_SIZE_LIMIT);
        assertLargeEcho(OpCode.BINARY, payload, Frame.binary(payload));
    }

    // §7.4.1 (1009): "a message that is too big for it to process". Sent in the background: the
    // server may fail the connection as soon as it has read the frame header.
    @Test
    public void frameOverTheSizeLimitFailsWith1009() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendInBackground(Frame.binary(new byte[MESSAGE_SIZE_LIMIT + 1]));
            ws.expectClose(MESSAGE_TOO_BIG);
        }
    }

    // §7.4.1 (1009): the limit is on the message, not the frame: fragments adding up to too much.
    @Test
    public void fragmentedMessageOverTheSizeLimitFailsWith1009() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendInBackground(fragments(OpCode.BINARY, new byte[MESSAGE_SIZE_LIMIT + 1], 4 * ONE_MIB));
            ws.expectClose(MESSAGE_TOO_BIG);
        }
    }

    // §5.4, §6.1: messages are delivered in order; many written at once are all answered, in order.
    @Test
    public void thousandPipelinedMessagesAreEchoedInOrder() throws IOException {
        Frame[] frames = new Frame[PIPELINED_MESSAGES];
        for (int i = 0; i < PIPELINED_MESSAGES; i++) {
            frames[i] = i % 2 == 0 ? Frame.text("message " + i) : Frame.binary(utf8("message " + i));
        }
        try (RawWebSocket ws = connect()) {
            ws.send(frames);
            for (int i = 0; i < PIPELINED_MESSAGES; i++) {
                Message message = ws.readMessage();
                assertEquals(i % 2 == 0 ? OpCode.TEXT : OpCode.BINARY, message.type(), "type of message " + i);
                assertEquals("message " + i, message.text());
            }
        }
    }

    private void assertLargeEcho(OpCode type, byte[] payload, Frame... frames) throws Exception {
        try (RawWebSocket ws = connect()) {
            CompletableFuture<Void> sending = ws.sendInBackground(frames);
            Message echoed = ws.readMessage();
            sending.join();
            assertEquals(type, echoed.type(), "type of the echoed message");
            assertEquals(payload.length, echoed.payload().length, "length of the echoed message");
            assertEquals(sha256(payload), sha256(echoed.payload()), "SHA-256 of the echoed message");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
