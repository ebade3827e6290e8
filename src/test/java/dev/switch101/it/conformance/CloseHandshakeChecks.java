package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;

/** RFC 6455 §5.5.1, §7.1-§7.4: the closing handshake and close status codes. */
public abstract class CloseHandshakeChecks extends EchoConformance {

    private static final int NO_STATUS = 1005;
    /** The longest reason that fits a control frame: 125 - 2 bytes of code. */
    private static final int MAX_REASON = 123;

    // §5.5.1: "If an endpoint receives a Close frame and did not previously send a Close frame, the
    // endpoint MUST send a Close frame in response"; §7.1.1: the server then closes the TCP connection.
    @Test
    public void close1000IsAnsweredWithClose1000AndTcpClose() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendClose(NORMAL, "done");
            ws.expectClose(NORMAL);
        }
    }

    // §5.5.1: a close frame may have no body; the answer then has none either, or says 1000.
    @Test
    public void emptyCloseIsAnsweredWithEmptyCloseOr1000() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.closeWithPayload(new byte[0]));
            int code = ws.readCloseFrame().closeCode();
            assertTrue(code == NO_STATUS || code == NORMAL, "empty close or 1000, was " + code);
            ws.assertTcpClosed();
        }
    }

    // §7.4.1 and §7.4.2: the codes defined by RFC 6455 that an endpoint may send, and the
    // registered (3000-3999) and private (4000-4999) ranges; the echo endpoint echoes the code.
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    public void validCloseCodeIsEchoed(int code) throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.sendClose(code, "");
            ws.expectClose(code);
        }
    }

    // §7.4.1: 1004, 1005, 1006 and 1015 are reserved and MUST NOT be sent; §7.4.2: 0-999 are unused,
    // 1016-2999 reserved for the protocol, and nothing above 4999 is defined. Receiving one is a
    // protocol error.
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535})
    public void invalidCloseCodeFailsWith1002(int code) throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.close(code, ""));
    }

    // §5.5.1: "If there is a body, the first two bytes of the body MUST be a 2-byte unsigned integer".
    @Test
    public void oneByteClosePayloadFailsWith1002() throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.closeWithPayload(new byte[] {0x03}));
    }

    // §5.5.1: the reason "is not guaranteed to be human readable" but is UTF-8; §8.1 makes invalid UTF-8 a 1007.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff", "ed a0 80", "c0 af", "ce"})
    public void invalidUtf8CloseReasonFailsWith1007(String invalidHex) throws IOException {
        assertFailsWith(INVALID_PAYLOAD, Frame.close(NORMAL, concat(utf8("reason "), hex(invalidHex))));
    }

    // §5.5: a close payload of exactly 125 bytes (2 + 123-byte UTF-8 reason) is legal.
    @Test
    public void longestCloseReasonIsAccepted() throws IOException {
        String reason = "\u20ac".repeat(MAX_REASON / 3);
        assertEquals(MAX_REASON, utf8(reason).length);
        try (RawWebSocket ws = connect()) {
            ws.sendClose(NORMAL, reason);
            ws.expectClose(NORMAL);
        }
    }

    // §5.5.1: "after sending a Close frame, the endpoint MUST NOT send any further data frames";
    // what the server receives after the client's close is ignored: no echo, no pong, no error.
    @Test
    public void framesAfterTheClientsCloseAreIgnored() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.close(NORMAL, ""), Frame.text("ignored"), Frame.ping(utf8("ignored")),
                    Frame.text("x").withOpCode(0x5));
            Frame close = ws.readFrame();
            assertEquals(OpCode.CLOSE.code(), close.opCode(), "the first frame back is the close: " + close);
            assertEquals(NORMAL, close.closeCode(), "close code");
            ws.assertTcpClosed();
        }
    }

    // §5.5.1: a close right behind a message may be answered at once ("MAY delay sending a Close
    // frame until its current message is sent" - or not): the echo may come before the close
    // frame, never after it, and the close is answered either way.
    @Test
    public void closeRightBehindAMessageIsAnsweredAndNothingFollowsIt() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("last words"), Frame.close(NORMAL, ""));
            Frame frame = ws.readFrame();
            if (frame.opCode() == OpCode.TEXT.code()) {
                assertEquals("last words", new String(frame.payload(), StandardCharsets.UTF_8));
                frame = ws.readFrame();
            }
            assertEquals(NORMAL, frame.closeCode(), "close code");
            ws.assertTcpClosed();
        }
    }
}
