package dev.switch101.extension.deflate;

import static dev.switch101.extension.deflate.DeflateFixture.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switch101.frame.OpCode;
import dev.switch101.frame.ProtocolException;

/**
 * RFC 7692 §7.2.3's examples byte for byte, both ways: what we send for "Hello", and what we
 * make of the RFC's frames (headers included, as the RFC gives them, unmasked).
 */
class Rfc7692ExamplesTest {

    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.UTF_8);
    private static final DeflateConfig TAKEOVER = DeflateConfig.DEFAULT.withThreshold(0).withContextTakeover(true);
    private static final DeflateConfig NO_TAKEOVER = DeflateConfig.DEFAULT.withThreshold(0);

    @Test
    void helloIsSentAsOneCompressedFrameWithRsv1AndTheTailStripped() throws Exception {
        // §7.2.3.1: 0xc1 0x07 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.send(true, OpCode.TEXT, HELLO);
        assertEquals(List.of("c107f248cdc9c90700"), f.sent);
    }

    @Test
    void secondHelloWithContextTakeoverRefersToTheFirst() throws Exception {
        // §7.2.3.2: the second "Hello" is 0xc1 0x05 0xf2 0x00 0x11 0x00 0x00 when the window is kept
        DeflateFixture f = new DeflateFixture("permessage-deflate", TAKEOVER, 16384);
        f.send(true, OpCode.TEXT, HELLO);
        f.send(true, OpCode.TEXT, HELLO);
        assertEquals(List.of("c107f248cdc9c90700", "c105f200110000"), f.sent);
    }

    @Test
    void secondHelloWithoutContextTakeoverIsCompressedAfresh() throws Exception {
        // §7.2.3.2 / §7.1.1.1: with server_no_context_takeover each message starts from an empty window
        DeflateFixture f = new DeflateFixture("permessage-deflate; server_no_context_takeover", TAKEOVER, 16384);
        f.send(true, OpCode.TEXT, HELLO);
        f.send(true, OpCode.TEXT, HELLO);
        assertEquals(List.of("c107f248cdc9c90700", "c107f248cdc9c90700"), f.sent);
        assertEquals(1, f.pool.idle(), "the compressor went back to the pool after each message");
    }

    @Test
    void helloInOneFrameIsInflated() {
        // §7.2.3.1
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.receive(hex("c1 07 f2 48 cd c9 c9 07 00"));
        assertEquals(List.of("fin rsv0 TEXT 48656c6c6f"), f.application.frames);
    }

    @Test
    void helloInTwoFramesIsInflatedAsOneMessage() {
        // §7.2.3.1, fragmented: RSV1 on the first frame only
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.receive(hex("41 03 f2 48 cd 80 04 c9 c9 07 00"));
        assertEquals("Hello", f.application.text());
        assertEquals("fin", f.application.frames.get(f.application.frames.size() - 1).substring(0, 3));
        assertEquals("rsv0 TEXT", f.application.frames.get(0).substring(0, 9).replace("fin ", ""));
    }

    @Test
    void helloInTwoFramesFedOneByteAtATimeIsInflated() {
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        for (byte b : hex("41 03 f2 48 cd 80 04 c9 c9 07 00")) {
            f.receive(new byte[] {b});
        }
        assertEquals("Hello", f.application.text());
    }

    @Test
    void secondHelloReferringToTheFirstIsInflatedWithClientContextTakeover() {
        // §7.2.3.2: the client kept its window (we did not ask for client_no_context_takeover)
        DeflateFixture f = new DeflateFixture("permessage-deflate", TAKEOVER, 16384);
        f.receive(hex("c1 07 f2 48 cd c9 c9 07 00"));
        f.receive(hex("c1 05 f2 00 11 00 00"));
        assertEquals("HelloHello", f.application.text());
    }

    @Test
    void uncompressedDeflateBlockIsInflated() {
        // §7.2.3.3: a DEFLATE block with no compression
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.receive(hex("c1 0b 00 05 00 fa ff 48 65 6c 6c 6f 00"));
        assertEquals(List.of("fin rsv0 TEXT 48656c6c6f"), f.application.frames);
    }

    @Test
    void blockWithBfinalSetIsInflatedAndTheNextMessageStartsAfresh() {
        // §7.2.3.4: BFINAL set; the tail the receiver appends then follows a finished stream
        DeflateFixture f = new DeflateFixture("permessage-deflate", TAKEOVER, 16384);
        f.receive(hex("c1 08 f3 48 cd c9 c9 07 00 00"));
        f.receive(hex("c1 07 f2 48 cd c9 c9 07 00"));
        assertEquals("HelloHello", f.application.text());
    }

    @Test
    void twoDeflateBlocksInOneMessageAreInflated() {
        // §7.2.3.5
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.receive(hex("c1 0d f2 48 05 00 00 00 ff ff ca c9 c9 07 00"));
        assertEquals("Hello", f.application.text());
    }

    @Test
    void uncompressedMessageOnACompressedConnectionPassesThrough() {
        // §6: a message whose first frame has RSV1 clear is not compressed
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.receive(hex("81 05 48 65 6c 6c 6f"));
        assertEquals(List.of("fin rsv0 TEXT 48656c6c6f"), f.application.frames);
    }

    @Test
    void rsv1OnAContinuationFrameFailsWith1002() {
        // §6.1: RSV1 is set on the first frame of a message only
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> f.receive(hex("41 03 f2 48 cd c0 04 c9 c9 07 00")));
        assertEquals(1002, e.closeCode());
    }

    @Test
    void rsv1OnAControlFrameFailsWith1002() {
        // §6.1: control frames are never compressed
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        ProtocolException e = assertThrows(ProtocolException.class, () -> f.receive(hex("c9 00")));
        assertEquals(1002, e.closeCode());
    }

    @Test
    void rsv2IsStillRefusedWith1002() {
        // RFC 6455 §5.2: permessage-deflate owns RSV1 only
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        ProtocolException e = assertThrows(ProtocolException.class, () -> f.receive(hex("a1 00")));
        assertEquals(1002, e.closeCode());
    }

    @Test
    void corruptCompressedDataFailsWith1007() {
        // BTYPE 11 is reserved (RFC 1951 §3.2.3): the payload is not valid DEFLATE data
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        ProtocolException e = assertThrows(ProtocolException.class, () -> f.receive(hex("c1 02 07 00")));
        assertEquals(1007, e.closeCode());
    }

    // DeflateConfig.withLevel: level 0 stores (deflate blocks without compression), and a peer
    // still inflates it; the default level compresses. A level outside -1..9 is refused.
    @Test
    void theLevelIsTheCompressorsLevel() throws Exception {
        byte[] repetitive = "a".repeat(100).getBytes(StandardCharsets.UTF_8);
        DeflateFixture stored = new DeflateFixture("permessage-deflate", NO_TAKEOVER.withLevel(0), 16384);
        stored.send(true, OpCode.TEXT, repetitive);
        DeflateFixture compressed = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        compressed.send(true, OpCode.TEXT, repetitive);
        int storedLength = Integer.parseInt(stored.sent.get(0).substring(2, 4), 16);
        int compressedLength = Integer.parseInt(compressed.sent.get(0).substring(2, 4), 16);
        assertTrue(storedLength >= 100 && compressedLength < 20, storedLength + " and " + compressedLength + " bytes");
        DeflateFixture peer = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        peer.receive(hex(stored.sent.get(0)));
        assertEquals("a".repeat(100), peer.application.text());
        assertThrows(IllegalArgumentException.class, () -> DeflateConfig.DEFAULT.withLevel(10));
    }

    @Test
    void messageBelowTheThresholdIsSentUncompressed() throws Exception {
        // §6: RSV1 clear, payload as is
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER.withThreshold(6), 16384);
        f.send(true, OpCode.TEXT, HELLO);
        assertEquals(List.of("810548656c6c6f"), f.sent);
    }

    @Test
    void messageSentInPartsHasRsv1OnItsFirstFrameOnlyAndInflatesBack() throws Exception {
        DeflateFixture f = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        f.send(false, OpCode.TEXT, "He".getBytes(StandardCharsets.UTF_8));
        f.send(true, OpCode.CONTINUATION, "llo".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, f.sent.size());
        assertEquals("41", f.sent.get(0).substring(0, 2), "first frame: TEXT, RSV1, not FIN");
        assertEquals("80", f.sent.get(1).substring(0, 2), "last frame: CONTINUATION, FIN, RSV1 clear");
        // What we sent, received by a peer that inflates like us (the frames are unmasked).
        DeflateFixture peer = new DeflateFixture("permessage-deflate", NO_TAKEOVER, 16384);
        for (String frame : f.sent) {
            peer.receive(hex(frame));
        }
        assertEquals("Hello", peer.application.text());
    }

    @Test
    void emptyLastPartAfterAFlushedPartEndsInAnEmptyStoredBlockHeaderSoAPeerKeepingItsContextReadsTheNextMessage()
            throws Exception {
        // zlib has nothing to flush after a flush, and the flushed frame's 00 00 ff ff is gone: an
        // empty final frame would leave the peer's appended tail as the start of a stored block
        // that swallows the next message (what the load generator's inflater, kept per connection, met)
        DeflateFixture f = new DeflateFixture("permessage-deflate", TAKEOVER, 16384);
        f.send(false, OpCode.BINARY, HELLO);
        f.send(true, OpCode.CONTINUATION, new byte[0]);
        assertEquals("800100", f.sent.get(1), "a final continuation frame holding one 00 octet");
        f.send(true, OpCode.BINARY, HELLO);
        DeflateFixture peer = new DeflateFixture("permessage-deflate", TAKEOVER, 16384);
        for (String frame : f.sent) {
            peer.receive(hex(frame));
        }
        assertEquals("HelloHello", peer.application.text());
        assertEquals(2, peer.application.frames.stream().filter(frame -> frame.startsWith("fin ")).count(),
                "two whole messages: " + peer.application.frames);
    }
}
