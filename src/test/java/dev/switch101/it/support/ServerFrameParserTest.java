package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The stress test's own parser of server frames: what it accepts and what it refuses. */
class ServerFrameParserTest {

    private final List<String> events = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final ServerFrameParser parser = new ServerFrameParser(new ServerFrameParser.Listener() {
        @Override
        public void onMessageStart(boolean text) {
            events.add(text ? "text" : "binary");
        }

        @Override
        public void onMessageData(byte[] bytes, int offset, int length) {
            data.write(bytes, offset, length);
        }

        @Override
        public void onMessageEnd() {
            events.add("end " + data.size());
        }

        @Override
        public void onControl(int opCode, byte[] payload) {
            events.add("control " + opCode + " " + payload.length);
        }
    });

    @Test
    void fragmentsWithControlFramesBetweenThemFedOneByteAtATime() throws Exception {
        byte[] wire = concat(frame(0x01, 3), frame(0x89, 2), frame(0x00, 200), frame(0x80, 70_000), frame(0x88, 2));
        for (int i = 0; i < wire.length; i++) {
            parser.feed(wire, i, 1);
        }
        assertEquals(List.of("text", "control 9 2", "end 70203", "control 8 2"), events);
    }

    @Test
    void whatAServerMustNotSendIsRefused() {
        assertRefused(new byte[] {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 5}); // masked
        assertRefused(new byte[] {(byte) 0xC2, 0}); // RSV1
        assertRefused(new byte[] {(byte) 0x83, 0}); // reserved opcode
        assertRefused(new byte[] {(byte) 0x80, 0}); // continuation without a message
        assertRefused(new byte[] {0x01, 0, 0x02, 0}); // new message inside one
        assertRefused(new byte[] {0x09, 0}); // fragmented ping
        assertRefused(new byte[] {(byte) 0x82, 126, 0, 125}); // 16-bit length for 125
        assertRefused(new byte[] {(byte) 0x82, 127, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF}); // 64-bit for 65535
        assertRefused(new byte[] {(byte) 0x88, 0, (byte) 0x82, 0}); // a frame after the close
    }

    private void assertRefused(byte[] wire) {
        ServerFrameParser fresh = new ServerFrameParser(new ServerFrameParser.Listener() {
            @Override
            public void onMessageStart(boolean text) {
            }

            @Override
            public void onMessageData(byte[] bytes, int offset, int length) {
            }

            @Override
            public void onMessageEnd() {
            }

            @Override
            public void onControl(int opCode, byte[] payload) {
            }
        });
        assertThrows(ServerFrameParser.Violation.class, () -> fresh.feed(wire, 0, wire.length));
    }

    /** An unmasked frame with the first header byte given and a payload of zeros. */
    private static byte[] frame(int firstByte, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        if (length < 126) {
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(126);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >> shift));
            }
        }
        out.writeBytes(new byte[length]);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
