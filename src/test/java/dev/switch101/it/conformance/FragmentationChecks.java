package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.RawWebSocket.Message;

/** RFC 6455 §5.4: fragmentation, and control frames in the middle of a fragmented message. */
public abstract class FragmentationChecks extends EchoConformance {

    private static final int TINY_FRAGMENTS = 1000;

    // §5.4: a message in several fragments is one message.
    @ParameterizedTest
    @EnumSource(value = OpCode.class, names = {"TEXT", "BINARY"})
    public void fragmentedMessageIsEchoedWhole(OpCode type) throws IOException {
        byte[] payload = utf8(text(300));
        assertEchoed(type, payload, fragments(type, payload, 100));
    }

    // §5.4: fragments may be of any size, down to one byte.
    @Test
    public void manyOneByteFragmentsAreReassembled() throws IOException {
        byte[] payload = utf8(text(TINY_FRAGMENTS));
        assertEchoed(OpCode.TEXT, payload, fragments(OpCode.TEXT, payload, 1));
    }

    // §5.4: empty fragments, first, middle and last, are legal and add nothing.
    @Test
    public void emptyFragmentsAreAllowed() throws IOException {
        assertEchoed(OpCode.TEXT, utf8("abcd"),
                Frame.text("").withFin(false),
                Frame.continuation("ab", false),
                Frame.continuation("", false),
                Frame.continuation("cd", false),
                Frame.continuation("", true));
    }

    // §5.4: a message made only of empty fragments is an empty message.
    @Test
    public void messageOfEmptyFragmentsIsAnEmptyMessage() throws IOException {
        assertEchoed(OpCode.BINARY, new byte[0],
                Frame.binary(new byte[0]).withFin(false),
                Frame.continuation(new byte[0], false),
                Frame.continuation(new byte[0], true));
    }

    // §5.4: a continuation frame must continue something; one without a message open is a protocol error.
    @Test
    public void continuationWithoutStartFailsWith1002() throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.continuation("orphan", true));
    }

    // §5.4: the same for a non-final orphan continuation.
    @Test
    public void nonFinalContinuationWithoutStartFailsWith1002() throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.continuation("orphan", false));
    }

    // §5.4: after a complete message there is no message to continue.
    @Test
    public void continuationAfterACompleteMessageFailsWith1002() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("complete"));
            assertEquals("complete", ws.readText());
            ws.send(Frame.continuation("more", true));
            ws.expectClose(PROTOCOL_ERROR);
        }
    }

    // §5.4: "a message ... MUST NOT be interleaved" - a new TEXT or BINARY frame inside an open message.
    @ParameterizedTest
    @EnumSource(value = OpCode.class, names = {"TEXT", "BINARY"})
    public void newDataFrameInsideAnOpenMessageFailsWith1002(OpCode second) throws IOException {
        assertFailsWith(PROTOCOL_ERROR, Frame.text("open").withFin(false), Frame.of(second, utf8("second")));
    }

    // §5.4: "Control frames MAY be injected in the middle of a fragmented message." The pong must
    // carry the ping's payload; the message is unaffected.
    @Test
    public void pingBetweenFragmentsIsAnsweredAndTheMessageIsIntact() throws IOException {
        byte[] ping = utf8("in the middle");
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("first ").withFin(false),
                    Frame.ping(ping),
                    Frame.continuation("second", true));
            Message message = ws.readMessage();
            assertMessage(OpCode.TEXT, utf8("first second"), message);
            assertEquals(1, message.controlFrames().size(), "one pong: " + message.controlFrames());
            Frame pong = message.controlFrames().get(0);
            assertEquals(OpCode.PONG.code(), pong.opCode(), "a pong");
            assertArrayEquals(ping, pong.payload(), "pong payload");
        }
    }

    // §5.4, §5.5.3: an unsolicited pong between fragments is ignored.
    @Test
    public void pongBetweenFragmentsIsIgnored() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.binary(utf8("first ")).withFin(false),
                    Frame.pong(utf8("unsolicited")),
                    Frame.continuation("second", true));
            Message message = ws.readMessage();
            assertMessage(OpCode.BINARY, utf8("first second"), message);
            assertTrue(message.controlFrames().isEmpty(), "no answer to a pong: " + message.controlFrames());
        }
    }

    // §5.4, §5.5.1: a close may come between fragments; the server answers it as any close.
    @Test
    public void closeBetweenFragmentsIsAnsweredWithClose() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("never ").withFin(false), Frame.close(NORMAL, ""));
            ws.expectClose(NORMAL);
        }
    }

    // §5.4: several fragmented messages in a row, each with control frames inside, stay separate.
    @Test
    public void consecutiveFragmentedMessagesStaySeparate() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("a").withFin(false), Frame.ping(utf8("1")), Frame.continuation("b", true),
                    Frame.binary(utf8("c")).withFin(false), Frame.continuation("d", false),
                    Frame.pong(utf8("x")), Frame.continuation("e", true),
                    Frame.text("f"));
            assertEquals("ab", ws.readMessage().text());
            assertMessage(OpCode.BINARY, utf8("cde"), ws.readMessage());
            assertEquals("f", ws.readText());
        }
    }
}
