package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 6455 §5.2 framing, checked against the §5.7 examples byte for byte. */
class FrameWriterTest {

    private static final ByteBuffer HELLO = ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));

    private static byte[] header(boolean fin, int rsv, OpCode opCode, long length) {
        ByteBuffer out = ByteBuffer.allocate(FrameWriter.MAX_HEADER_LENGTH);
        FrameWriter.writeHeader(out, fin, rsv, opCode, length);
        return Bytes.toArray(out.flip());
    }

    /** §5.7: a single-frame unmasked text message. */
    @Test
    void singleFrameUnmaskedTextMatchesRfcExample() {
        assertArrayEquals(Bytes.of(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
                Bytes.toArray(FrameWriter.frame(true, 0, OpCode.TEXT, HELLO)));
    }

    /** §5.7: a single-frame masked text message. */
    @Test
    void singleFrameMaskedTextMatchesRfcExample() {
        assertArrayEquals(Bytes.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                Bytes.toArray(FrameWriter.maskedFrame(true, 0, OpCode.TEXT, HELLO, 0x37fa213d)));
        assertEquals(0, HELLO.position(), "payload not consumed");
        assertEquals('H', HELLO.get(0), "payload not masked in place");
    }

    /** §5.7: a fragmented unmasked text message. */
    @Test
    void fragmentedTextMatchesRfcExample() {
        assertArrayEquals(Bytes.of(0x01, 0x03, 0x48, 0x65, 0x6c),
                Bytes.toArray(FrameWriter.frame(false, 0, OpCode.TEXT, ByteBuffer.wrap(Bytes.of(0x48, 0x65, 0x6c)))));
        assertArrayEquals(Bytes.of(0x80, 0x02, 0x6c, 0x6f),
                Bytes.toArray(FrameWriter.frame(true, 0, OpCode.CONTINUATION, ByteBuffer.wrap(Bytes.of(0x6c, 0x6f)))));
    }

    /** §5.7: unmasked ping, masked pong. */
    @Test
    void pingAndPongMatchRfcExample() {
        assertArrayEquals(Bytes.of(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f),
                Bytes.toArray(FrameWriter.frame(true, 0, OpCode.PING, HELLO)));
        assertArrayEquals(Bytes.of(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                Bytes.toArray(FrameWriter.maskedFrame(true, 0, OpCode.PONG, HELLO, 0x37fa213d)));
    }

    /** §5.7: 256 bytes use the 16-bit length form. */
    @Test
    void sixteenBitLengthMatchesRfcExample() {
        byte[] data = Bytes.random(1, 256);
        byte[] frame = Bytes.toArray(FrameWriter.frame(true, 0, OpCode.BINARY, ByteBuffer.wrap(data)));
        assertArrayEquals(Bytes.concat(Bytes.of(0x82, 0x7E, 0x01, 0x00), data), frame);
    }

    /** §5.7: 64 KiB uses the 64-bit length form. */
    @Test
    void sixtyFourBitLengthMatchesRfcExample() {
        assertArrayEquals(Bytes.of(0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00),
                header(true, 0, OpCode.BINARY, 65536));
    }

    /** §5.2: "the minimal number of bytes MUST be used to encode the length". */
    @Test
    void lengthUsesTheMinimalEncodingAtEachBoundary() {
        assertArrayEquals(Bytes.of(0x82, 0x00), header(true, 0, OpCode.BINARY, 0));
        assertArrayEquals(Bytes.of(0x82, 0x7D), header(true, 0, OpCode.BINARY, 125));
        assertArrayEquals(Bytes.of(0x82, 0x7E, 0x00, 0x7E), header(true, 0, OpCode.BINARY, 126));
        assertArrayEquals(Bytes.of(0x82, 0x7E, 0xFF, 0xFF), header(true, 0, OpCode.BINARY, 65535));
        assertArrayEquals(Bytes.of(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), header(true, 0, OpCode.BINARY, 65536));
        assertArrayEquals(Bytes.of(0x82, 0x7F, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF),
                header(true, 0, OpCode.BINARY, Long.MAX_VALUE));
        for (long length : new long[] {0, 125, 126, 65535, 65536, Long.MAX_VALUE}) {
            assertEquals(header(true, 0, OpCode.BINARY, length).length, FrameWriter.headerLength(length, false));
            assertEquals(header(true, 0, OpCode.BINARY, length).length + 4, FrameWriter.headerLength(length, true));
        }
    }

    @Test
    void longestHeaderIsFourteenBytes() {
        ByteBuffer out = ByteBuffer.allocate(FrameWriter.MAX_HEADER_LENGTH);
        FrameWriter.writeMaskedHeader(out, false, 7, OpCode.CONTINUATION, 1L << 40, 0xa1b2c3d4);
        assertEquals(14, out.position());
        assertArrayEquals(Bytes.of(0x70, 0xFF, 0, 0, 0x01, 0, 0, 0, 0, 0, 0xa1, 0xb2, 0xc3, 0xd4), out.array());
    }

    /** §5.2: FIN, RSV1-3 and opcode share the first byte. */
    @Test
    void finRsvAndOpcodeBitsAreInPlace() {
        assertArrayEquals(Bytes.of(0xC1, 0x00), header(true, FrameHeader.RSV1, OpCode.TEXT, 0));
        assertArrayEquals(Bytes.of(0x22, 0x00), header(false, FrameHeader.RSV2, OpCode.BINARY, 0));
        assertArrayEquals(Bytes.of(0x10, 0x00), header(false, FrameHeader.RSV3, OpCode.CONTINUATION, 0));
        assertArrayEquals(Bytes.of(0x88, 0x00), header(true, 0, OpCode.CLOSE, 0));
    }

    @Test
    void headerIsNetworkOrderWhateverTheBufferOrder() {
        ByteBuffer out = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        FrameWriter.writeMaskedHeader(out, true, 0, OpCode.BINARY, 256, 0x01020304);
        assertArrayEquals(Bytes.of(0x82, 0xFE, 0x01, 0x00, 0x01, 0x02, 0x03, 0x04), Bytes.toArray(out.flip()));
    }

    /** §5.5: control frames MUST NOT be fragmented. */
    @Test
    void fragmentedControlFrameIsRefused() {
        for (OpCode op : List.of(OpCode.CLOSE, OpCode.PING, OpCode.PONG)) {
            assertThrows(IllegalArgumentException.class, () -> header(false, 0, op, 0), op.name());
        }
    }

    /** §5.5: control frame payloads are at most 125 bytes. */
    @Test
    void controlFramePayloadOver125IsRefused() {
        assertEquals(2, header(true, 0, OpCode.PING, 125).length);
        assertThrows(IllegalArgumentException.class, () -> header(true, 0, OpCode.PING, 126));
        assertThrows(IllegalArgumentException.class,
                () -> FrameWriter.frame(true, 0, OpCode.CLOSE, ByteBuffer.allocate(126)));
    }

    @Test
    void invalidRsvOrLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> header(true, 8, OpCode.TEXT, 0));
        assertThrows(IllegalArgumentException.class, () -> header(true, -1, OpCode.TEXT, 0));
        assertThrows(IllegalArgumentException.class, () -> header(true, 0, OpCode.TEXT, -1));
    }

    @Test
    void tooSmallBufferIsLeftUntouched() {
        ByteBuffer out = ByteBuffer.allocate(3);
        assertThrows(BufferOverflowException.class, () -> FrameWriter.writeHeader(out, true, 0, OpCode.BINARY, 126));
        assertEquals(0, out.position());
        assertArrayEquals(new byte[3], out.array());
    }

    /** Writer and parser agree, for the masked client form too. */
    @Test
    void parserReadsWhatTheWriterWrites() {
        byte[] data = Bytes.random(2, 70_000);
        ByteBuffer frame = FrameWriter.maskedFrame(false, 0, OpCode.BINARY, ByteBuffer.wrap(data), 0x0badf00d);
        RecordingListener listener = new RecordingListener();
        new FrameParser(FrameParserConfig.server(100_000), listener).parse(frame);
        assertEquals(List.of(RecordingListener.header(false, 0, OpCode.BINARY, 70_000, true),
                RecordingListener.payload(data), "end"), listener.events());
    }
}
