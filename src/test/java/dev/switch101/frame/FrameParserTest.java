package dev.switch101.frame;

import static dev.switch101.frame.RecordingListener.header;
import static dev.switch101.frame.RecordingListener.payload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FrameParserTest {

    private static final FrameParserConfig SERVER = FrameParserConfig.server(1 << 24);
    private static final FrameParserConfig CLIENT = FrameParserConfig.client(1 << 24);
    private static final int KEY = 0x37fa213d;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** Parses input in one call and returns the recorded events. */
    static List<String> parse(FrameParserConfig config, byte[] input) {
        RecordingListener listener = new RecordingListener();
        ByteBuffer buffer = ByteBuffer.wrap(input.clone());
        new FrameParser(config, listener).parse(buffer);
        assertFalse(buffer.hasRemaining(), "parse must consume all input");
        return listener.events();
    }

    /** Parses input and expects it to fail the connection; returns the close code. */
    static int failureCode(FrameParserConfig config, byte[] input) {
        FrameParser parser = new FrameParser(config, new RecordingListener());
        return assertThrows(ProtocolException.class, () -> parser.parse(ByteBuffer.wrap(input.clone()))).closeCode();
    }

    static byte[] bytes(ByteBuffer frame) {
        return Bytes.toArray(frame);
    }

    /** RFC 6455 §5.7, byte for byte. */
    @Nested
    class Rfc6455Section5_7Examples {

        @Test
        void singleFrameUnmaskedTextMessage() {
            byte[] wire = Bytes.of(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f);
            assertEquals(List.of(header(true, 0, OpCode.TEXT, 5, false), payload(HELLO), "end"),
                    parse(CLIENT, wire));
        }

        @Test
        void singleFrameMaskedTextMessage() {
            byte[] wire = Bytes.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
            assertEquals(List.of(header(true, 0, OpCode.TEXT, 5, true), payload(HELLO), "end"),
                    parse(SERVER, wire));
        }

        @Test
        void fragmentedUnmaskedTextMessage() {
            byte[] wire = Bytes.of(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f);
            assertEquals(List.of(
                    header(false, 0, OpCode.TEXT, 3, false), payload(Bytes.of(0x48, 0x65, 0x6c)), "end",
                    header(true, 0, OpCode.CONTINUATION, 2, false), payload(Bytes.of(0x6c, 0x6f)), "end"),
                    parse(CLIENT, wire));
        }

        @Test
        void unmaskedPingRequest() {
            byte[] wire = Bytes.of(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f);
            assertEquals(List.of(header(true, 0, OpCode.PING, 5, false), payload(HELLO), "end"),
                    parse(CLIENT, wire));
        }

        @Test
        void maskedPingResponse() {
            byte[] wire = Bytes.of(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
            assertEquals(List.of(header(true, 0, OpCode.PONG, 5, true), payload(HELLO), "end"),
                    parse(SERVER, wire));
        }

        @Test
        void binary256BytesWith16BitLength() {
            byte[] data = Bytes.random(256, 256);
            byte[] wire = Bytes.concat(Bytes.of(0x82, 0x7E, 0x01, 0x00), data);
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 256, false), payload(data), "end"),
                    parse(CLIENT, wire));
        }

        @Test
        void binary64KiBWith64BitLength() {
            byte[] data = Bytes.random(65536, 65536);
            byte[] wire = Bytes.concat(Bytes.of(0x82, 0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00), data);
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 65536, false), payload(data), "end"),
                    parse(CLIENT, wire));
        }
    }

    /** The parser is a state machine: how the input is split must not change the events (§5.2). */
    @Nested
    class InputSplitting {

        /** A conversation exercising every header form: masked, fragmented, interleaved control, empty. */
        private byte[] clientConversation() {
            return Bytes.concat(
                    bytes(FrameWriter.maskedFrame(false, 0, OpCode.TEXT, ByteBuffer.wrap(Bytes.of(0x48, 0x65, 0x6c)), KEY)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.PING, ByteBuffer.allocate(0), 0x01020304)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.CONTINUATION, ByteBuffer.wrap(Bytes.of(0x6c, 0x6f)), KEY)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(Bytes.random(1, 300)), 0xdeadbeef)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(Bytes.random(2, 70000)), 0x80818283)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.CLOSE, ByteBuffer.wrap(Bytes.of(0x03, 0xe8)), 0x7f000001)));
        }

        private List<String> parseSplit(FrameParserConfig config, byte[] wire, int... splitAt) {
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(config, listener);
            byte[] copy = wire.clone();
            int from = 0;
            for (int to : splitAt) {
                ByteBuffer piece = ByteBuffer.wrap(copy, from, to - from);
                parser.parse(piece);
                assertFalse(piece.hasRemaining());
                from = to;
            }
            parser.parse(ByteBuffer.wrap(copy, from, copy.length - from));
            return listener.events();
        }

        @Test
        void everySplitPositionGivesTheSameEvents() {
            List<byte[]> inputs = List.of(
                    Bytes.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(Bytes.random(3, 256)), KEY)),
                    bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(Bytes.random(4, 65536)), KEY)),
                    Bytes.concat(
                            bytes(FrameWriter.maskedFrame(false, 0, OpCode.TEXT, ByteBuffer.wrap(HELLO), KEY)),
                            bytes(FrameWriter.maskedFrame(true, 0, OpCode.PONG, ByteBuffer.wrap(HELLO), 0x11223344)),
                            bytes(FrameWriter.maskedFrame(true, 0, OpCode.CONTINUATION, ByteBuffer.allocate(0), KEY))));
            for (byte[] wire : inputs) {
                List<String> whole = parse(SERVER, wire);
                // Splitting inside a 64 KiB payload is the same code path at every position; the
                // header region and both payload edges are where splitting can go wrong.
                for (int split = 0; split <= wire.length; split++) {
                    if (split > 64 && split < wire.length - 64) {
                        split = wire.length - 64;
                    }
                    assertEquals(whole, parseSplit(SERVER, wire, split), "split at " + split);
                }
            }
        }

        @Test
        void everyPairOfSplitPositionsInAHeaderGivesTheSameEvents() {
            // 64-bit length + mask key: the longest header, 14 bytes, split into three pieces every way.
            byte[] wire = bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(Bytes.random(5, 65536)), KEY));
            List<String> whole = parse(SERVER, wire);
            for (int a = 0; a <= 16; a++) {
                for (int b = a; b <= 16; b++) {
                    assertEquals(whole, parseSplit(SERVER, wire, a, b), "split at " + a + ", " + b);
                }
            }
        }

        @Test
        void oneByteAtATimeGivesTheSameEvents() {
            byte[] wire = clientConversation();
            List<String> whole = parse(SERVER, wire);
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(SERVER, listener);
            for (byte b : wire) {
                parser.parse(ByteBuffer.wrap(new byte[] {b}));
            }
            assertEquals(whole, listener.events());
            // Six headers, five payloads (the ping is empty), six ends.
            assertEquals(17, whole.size(), "events for six frames");
        }

        @Test
        void maskingIsCarriedAcrossChunksWithOddOffsets() {
            byte[] data = Bytes.random(6, 1001);
            byte[] wire = bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(data), 0xa1b2c3d4));
            int[] sizes = {1, 3, 5, 7, 2, 9, 11, 13, 6, 17};
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(SERVER, listener);
            int at = 0;
            for (int i = 0; at < wire.length; i++) {
                int size = Math.min(sizes[i % sizes.length], wire.length - at);
                parser.parse(ByteBuffer.wrap(wire, at, size));
                at += size;
            }
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 1001, true), payload(data), "end"), listener.events());
            assertTrue(listener.chunkCount() > 100, "payload must be delivered as it arrives, in many chunks");
        }

        @Test
        void readOnlyMaskedInputIsUnmaskedWithoutTouchingTheInput() {
            byte[] data = Bytes.random(7, 10_000);
            byte[] wire = bytes(FrameWriter.maskedFrame(true, 0, OpCode.BINARY, ByteBuffer.wrap(data), KEY));
            byte[] original = wire.clone();
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(SERVER, listener);
            parser.parse(ByteBuffer.wrap(wire, 0, 5001).asReadOnlyBuffer());
            parser.parse(ByteBuffer.wrap(wire, 5001, wire.length - 5001).asReadOnlyBuffer());
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 10_000, true), payload(data), "end"), listener.events());
            assertArrayEquals(original, wire);
        }

        @Test
        void inputOfSeveralFramesMayEndMidHeader() {
            byte[] wire = Bytes.of(0x89, 0x00, 0x8a, 0x00, 0x81);
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(CLIENT, listener);
            parser.parse(ByteBuffer.wrap(wire));
            assertEquals(List.of(header(true, 0, OpCode.PING, 0, false), "end",
                    header(true, 0, OpCode.PONG, 0, false), "end"), listener.events());
            parser.parse(ByteBuffer.wrap(Bytes.of(0x01, 0x41)));
            assertEquals(header(true, 0, OpCode.TEXT, 1, false), listener.events().get(4));
            assertEquals("payload 41", listener.events().get(5));
        }
    }

    /** A large frame must stream through: payload delivered as it arrives, never buffered whole. */
    @Nested
    class Streaming {

        @Test
        void sixteenMiBFrameStreamsInChunks() {
            final long total = 16L << 20;
            final int chunkSize = 64 * 1024;
            class CountingListener implements FrameListener {
                long bytes;
                long checksum;
                int largestChunk;
                int ends;

                @Override
                public void onFrameHeader(FrameHeader header) {
                    assertEquals(total, header.payloadLength());
                }

                @Override
                public void onPayload(ByteBuffer chunk) {
                    largestChunk = Math.max(largestChunk, chunk.remaining());
                    while (chunk.hasRemaining()) {
                        checksum = checksum * 31 + (chunk.get() & 0xFF);
                        bytes++;
                    }
                }

                @Override
                public void onFrameEnd() {
                    ends++;
                }
            }
            CountingListener listener = new CountingListener();
            FrameParser parser = new FrameParser(SERVER, listener);

            ByteBuffer head = ByteBuffer.allocate(FrameWriter.MAX_HEADER_LENGTH);
            FrameWriter.writeMaskedHeader(head, true, 0, OpCode.BINARY, total, KEY);
            parser.parse(head.flip());

            byte[] plain = Bytes.random(8, chunkSize);
            long expectedChecksum = 0;
            // The same 64 KiB of plain data masked afresh for each chunk: the test itself never
            // holds the whole frame either. chunkSize is a multiple of 4, so every chunk starts at key offset 0.
            for (long sent = 0; sent < total; sent += chunkSize) {
                ByteBuffer chunk = ByteBuffer.wrap(plain.clone());
                Masker.mask(chunk, KEY, 0);
                parser.parse(chunk);
                for (byte b : plain) {
                    expectedChecksum = expectedChecksum * 31 + (b & 0xFF);
                }
                assertEquals(sent + chunkSize, listener.bytes, "payload must be delivered as soon as it arrives");
            }
            assertEquals(total, listener.bytes);
            assertEquals(expectedChecksum, listener.checksum);
            assertTrue(listener.largestChunk <= chunkSize);
            assertEquals(1, listener.ends);
        }

        @Test
        void payloadChunkIsAViewOfTheInputNotACopy() {
            // Evidence of no buffering: the chunk for a heap input is backed by the same array.
            byte[] wire = Bytes.of(0x82, 0x03, 0x01, 0x02, 0x03);
            List<ByteBuffer> chunks = new ArrayList<>();
            new FrameParser(CLIENT, new FrameListener() {
                @Override
                public void onFrameHeader(FrameHeader header) {
                }

                @Override
                public void onPayload(ByteBuffer chunk) {
                    chunks.add(chunk);
                }

                @Override
                public void onFrameEnd() {
                }
            }).parse(ByteBuffer.wrap(wire));
            assertEquals(1, chunks.size());
            assertTrue(chunks.get(0).array() == wire, "chunk must share the input's array");
        }
    }

    /** Each rule that fails the connection, named after the rule. */
    @Nested
    class Rules {

        /** §5.1: a server MUST close the connection upon receiving a frame that is not masked. */
        @Test
        void unmaskedClientFrameFailsWith1002() {
            assertEquals(1002, failureCode(SERVER, Bytes.of(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        }

        /** §5.1: a client MUST close the connection if it detects a masked frame. */
        @Test
        void maskedServerFrameFailsWith1002() {
            assertEquals(1002, failureCode(CLIENT,
                    Bytes.of(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)));
        }

        /** §5.2: RSV1-3 MUST be 0 unless an extension defines them. */
        @Test
        void rsvBitWithoutExtensionFailsWith1002() {
            for (int rsv = 1; rsv <= 7; rsv++) {
                assertEquals(1002, failureCode(CLIENT, Bytes.of(0x81 | (rsv << 4), 0x00)), "rsv " + rsv);
            }
        }

        /** §5.2 / §9: an extension may claim RSV bits; the others stay forbidden. */
        @Test
        void allowedRsvBitIsAcceptedAndReported() {
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(CLIENT, listener);
            parser.setAllowedRsv(FrameHeader.RSV1);
            parser.parse(ByteBuffer.wrap(Bytes.of(0xC1, 0x00)));
            assertEquals(List.of(header(true, FrameHeader.RSV1, OpCode.TEXT, 0, false), "end"), listener.events());
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> parser.parse(ByteBuffer.wrap(Bytes.of(0xA1, 0x00))));
            assertEquals(1002, e.closeCode());
        }

        /** §5.2: opcodes 0x3-0x7 and 0xB-0xF are reserved. */
        @Test
        void reservedOpcodeFailsWith1002() {
            for (int code : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
                assertEquals(1002, failureCode(CLIENT, Bytes.of(0x80 | code, 0x00)), "opcode " + code);
            }
        }

        /** §5.2: fail fast, on the offending first byte, without waiting for the rest. */
        @Test
        void reservedOpcodeFailsOnTheFirstByte() {
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x83)));
        }

        /** §5.5: control frames MUST NOT be fragmented. */
        @Test
        void fragmentedControlFrameFailsWith1002() {
            for (int op : new int[] {0x8, 0x9, 0xA}) {
                assertEquals(1002, failureCode(CLIENT, Bytes.of(op, 0x00)), "opcode " + op);
            }
        }

        /** §5.5: control frames MUST have a payload length of 125 bytes or less. */
        @Test
        void controlFramePayloadOver125FailsWith1002() {
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x89, 0x7E, 0x00, 0x7E)));
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x88, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x7E)));
            // Even a small length in extended form is refused: the extended forms themselves are
            // what control frames may not use.
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x8A, 0x7E, 0x00, 0x05)));
        }

        /** §5.5: 125 is the inclusive maximum. */
        @Test
        void controlFramePayloadOf125IsAccepted() {
            byte[] data = Bytes.random(9, 125);
            byte[] wire = Bytes.concat(Bytes.of(0x89, 0x7D), data);
            assertEquals(List.of(header(true, 0, OpCode.PING, 125, false), payload(data), "end"), parse(CLIENT, wire));
        }

        /** §5.2: "the most significant bit MUST be 0" in a 64-bit length. */
        @Test
        void sixtyFourBitLengthWithMostSignificantBitSetFailsWith1002() {
            FrameParserConfig unlimited = FrameParserConfig.client(Long.MAX_VALUE);
            assertEquals(1002, failureCode(unlimited, Bytes.of(0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 0x01)));
        }

        /** §5.2: the minimal-length rule binds the sender; the decoded value is unambiguous, so accept. */
        @Test
        void nonMinimalLengthEncodingIsAccepted() {
            List<String> expected = List.of(header(true, 0, OpCode.TEXT, 5, false), payload(HELLO), "end");
            assertEquals(expected, parse(CLIENT, Bytes.concat(Bytes.of(0x81, 0x7E, 0x00, 0x05), HELLO)));
            assertEquals(expected, parse(CLIENT, Bytes.concat(Bytes.of(0x81, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0x05), HELLO)));
        }

        /** §7.4.1 (1009): a too-big frame is refused from its header, before any payload arrives. */
        @Test
        void frameOverMaxSizeFailsWith1009() {
            FrameParserConfig small = FrameParserConfig.client(100);
            RecordingListener listener = new RecordingListener();
            FrameParser parser = new FrameParser(small, listener);
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> parser.parse(ByteBuffer.wrap(Bytes.of(0x82, 0x65))));
            assertEquals(1009, e.closeCode());
            assertEquals(List.of(), listener.events(), "no header event for a refused frame");
            // Continuations count too: each frame is limited.
            assertEquals(1009, failureCode(small, Bytes.of(0x02, 0x00, 0x00, 0x7E, 0x00, 0x65)));
        }

        /** The limit is inclusive. */
        @Test
        void frameAtMaxSizeIsAccepted() {
            byte[] data = Bytes.random(10, 100);
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 100, false), payload(data), "end"),
                    parse(FrameParserConfig.client(100), Bytes.concat(Bytes.of(0x82, 0x64), data)));
        }

        /** Control frames have their own 125-byte limit; maxFramePayload is for data frames. */
        @Test
        void controlFramesAreNotSubjectToMaxFramePayload() {
            assertEquals(List.of(header(true, 0, OpCode.PING, 5, false), payload(HELLO), "end"),
                    parse(FrameParserConfig.client(0), Bytes.concat(Bytes.of(0x89, 0x05), HELLO)));
        }

        /** §5.4: a CONTINUATION frame needs an open fragmented message. */
        @Test
        void continuationWithoutStartFailsWith1002() {
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x80, 0x00)));
            // Also after a message has been completed.
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x81, 0x00, 0x00, 0x00)));
        }

        /** §5.4: the fragments of one message may not be interleaved with another message. */
        @Test
        void dataFrameInsideOpenMessageFailsWith1002() {
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x01, 0x00, 0x81, 0x00)));
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x02, 0x00, 0x02, 0x00)));
            assertEquals(1002, failureCode(CLIENT, Bytes.of(0x01, 0x00, 0x00, 0x00, 0x82, 0x00)));
        }

        /** §5.4: control frames MAY be injected in the middle of a fragmented message. */
        @Test
        void controlFramesMayInterleaveFragments() {
            byte[] wire = Bytes.of(0x01, 0x01, 0x41, 0x89, 0x00, 0x8A, 0x00, 0x80, 0x01, 0x42, 0x88, 0x00);
            assertEquals(List.of(
                    header(false, 0, OpCode.TEXT, 1, false), "payload 41", "end",
                    header(true, 0, OpCode.PING, 0, false), "end",
                    header(true, 0, OpCode.PONG, 0, false), "end",
                    header(true, 0, OpCode.CONTINUATION, 1, false), "payload 42", "end",
                    header(true, 0, OpCode.CLOSE, 0, false), "end"), parse(CLIENT, wire));
        }

        /** §5.4: after the FIN fragment a new message may start. */
        @Test
        void messageOpenStateFollowsFinBits() {
            FrameParser parser = new FrameParser(CLIENT, new RecordingListener());
            assertFalse(parser.isMessageOpen());
            parser.parse(ByteBuffer.wrap(Bytes.of(0x02, 0x00)));
            assertTrue(parser.isMessageOpen());
            parser.parse(ByteBuffer.wrap(Bytes.of(0x89, 0x00)));
            assertTrue(parser.isMessageOpen(), "a control frame does not close the message");
            parser.parse(ByteBuffer.wrap(Bytes.of(0x00, 0x00)));
            assertTrue(parser.isMessageOpen());
            parser.parse(ByteBuffer.wrap(Bytes.of(0x80, 0x00)));
            assertFalse(parser.isMessageOpen());
            parser.parse(ByteBuffer.wrap(Bytes.of(0x81, 0x00)));
            assertFalse(parser.isMessageOpen());
        }

        @Test
        void emptyPayloadGivesHeaderAndEndWithoutPayloadEvents() {
            RecordingListener listener = new RecordingListener();
            new FrameParser(SERVER, listener).parse(ByteBuffer.wrap(Bytes.of(0x82, 0x80, 1, 2, 3, 4)));
            assertEquals(List.of(header(true, 0, OpCode.BINARY, 0, true), "end"), listener.events());
            assertEquals(0, listener.chunkCount());
        }

        @Test
        void listenerProtocolExceptionPropagatesAndParserIsThenUnusable() {
            FrameParser parser = new FrameParser(CLIENT, new RecordingListener() {
                @Override
                public void onPayload(ByteBuffer chunk) {
                    throw new ProtocolException(CloseCodes.INVALID_PAYLOAD, "bad text");
                }
            });
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> parser.parse(ByteBuffer.wrap(Bytes.of(0x81, 0x01, 0xFF))));
            assertEquals(1007, e.closeCode());
            assertThrows(IllegalStateException.class, () -> parser.parse(ByteBuffer.wrap(Bytes.of(0x89, 0x00))));
        }

        @Test
        void parserIsUnusableAfterAProtocolError() {
            FrameParser parser = new FrameParser(CLIENT, new RecordingListener());
            assertThrows(ProtocolException.class, () -> parser.parse(ByteBuffer.wrap(Bytes.of(0x83, 0x00))));
            assertThrows(IllegalStateException.class, () -> parser.parse(ByteBuffer.wrap(Bytes.of(0x89, 0x00))));
        }

        @Test
        void allowedRsvMaskOutsideThreeBitsIsRefused() {
            FrameParser parser = new FrameParser(CLIENT, new RecordingListener());
            assertThrows(IllegalArgumentException.class, () -> parser.setAllowedRsv(8));
            assertThrows(IllegalArgumentException.class, () -> parser.setAllowedRsv(-1));
        }
    }
}
