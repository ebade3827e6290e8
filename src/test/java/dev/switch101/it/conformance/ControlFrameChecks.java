package dev.switch101.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;
import dev.switch101.it.support.RawWebSocket.Message;

/** RFC 6455 §5.5: control frames (ping, pong; the close rules are in {@link CloseHandshakeChecks}). */
public abstract class ControlFrameChecks extends EchoConformance {

    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int PINGS_IN_A_ROW = 10;

    // §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response";
    // §5.5.3: "A Pong frame sent in response to a Ping frame must have identical Application data".
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 10, MAX_CONTROL_PAYLOAD})
    public void pingIsAnsweredWithPongOfTheSamePayload(int length) throws IOException {
        byte[] payload = bytes(length);
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.ping(payload));
            assertPong(payload, ws.readFrame());
        }
    }

    // §5.5: "All control frames MUST have a payload length of 125 bytes or less".
    @ParameterizedTest
    @EnumSource(value = OpCode.class, names = {"PING", "PONG", "CLOSE"})
    public void controlFrameOf126BytesFailsWith1002(OpCode opCode) throws IOException {
        byte[] payload = opCode == OpCode.CLOSE ? Frame.close(NORMAL, text(124)).payload() : bytes(126);
        assertFailsWith(PROTOCOL_ERROR, Frame.of(opCode, payload));
    }

    // §5.5: "All control frames ... MUST NOT be fragmented."
    @ParameterizedTest
    @EnumSource(value = OpCode.class, names = {"PING", "PONG", "CLOSE"})
    public void fragmentedControlFrameFailsWith1002(OpCode opCode) throws IOException {
        byte[] payload = opCode == OpCode.CLOSE ? Frame.close(NORMAL, "").payload() : utf8("fragment");
        assertFailsWith(PROTOCOL_ERROR, Frame.of(opCode, payload).withFin(false));
    }

    // §5.5.3: "A response to an unsolicited Pong frame is not expected": it is ignored, and the
    // connection goes on. The text sent after it must be the next thing back.
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, MAX_CONTROL_PAYLOAD})
    public void unsolicitedPongIsIgnored(int length) throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.pong(bytes(length)), Frame.text("after pong"));
            Message message = ws.readMessage();
            assertEquals("after pong", message.text());
            assertTrue(message.controlFrames().isEmpty(), "nothing in answer to a pong: " + message.controlFrames());
        }
    }

    // §5.5.2: pings in a row. An endpoint MAY answer only the most recent of several pending pings,
    // so every pong must answer one of them, in order, and the last ping must be answered.
    @Test
    public void pingsInARowAreAnsweredInOrder() throws IOException {
        Frame[] frames = new Frame[PINGS_IN_A_ROW + 1];
        for (int i = 0; i < PINGS_IN_A_ROW; i++) {
            frames[i] = Frame.ping(utf8("ping " + i));
        }
        frames[PINGS_IN_A_ROW] = Frame.text("after pings");
        try (RawWebSocket ws = connect()) {
            ws.send(frames);
            Message message = ws.readMessage();
            assertEquals("after pings", message.text());
            List<Integer> answered = new ArrayList<>();
            for (Frame pong : message.controlFrames()) {
                assertEquals(OpCode.PONG.code(), pong.opCode(), "only pongs: " + pong);
                answered.add(Integer.parseInt(new String(pong.payload()).substring("ping ".length())));
            }
            assertFalse(answered.isEmpty(), "no pong");
            assertEquals(PINGS_IN_A_ROW - 1, answered.get(answered.size() - 1), "the last ping is answered: " + answered);
            assertEquals(answered.stream().sorted().distinct().toList(), answered, "pongs in order, no repeats");
        }
    }

    // §5.5.2: a ping between data messages does not disturb them.
    @Test
    public void pingBetweenMessagesIsAnswered() throws IOException {
        byte[] ping = utf8("between");
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.text("one"), Frame.ping(ping), Frame.text("two"));
            // The pong may come before or after the first echo: "as soon as practical" (§5.5.2).
            Message first = ws.readMessage();
            Message second = ws.readMessage();
            assertEquals("one", first.text());
            assertEquals("two", second.text());
            List<Frame> pongs = new ArrayList<>(first.controlFrames());
            pongs.addAll(second.controlFrames());
            assertEquals(1, pongs.size(), "one pong: " + pongs);
            assertPong(ping, pongs.get(0));
        }
    }

    private static void assertPong(byte[] payload, Frame frame) {
        assertEquals(OpCode.PONG.code(), frame.opCode(), "a pong: " + frame);
        assertArrayEquals(payload, frame.payload(), "pong payload");
    }
}
