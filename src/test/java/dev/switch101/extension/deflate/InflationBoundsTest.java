package dev.switch101.extension.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/**
 * Inflation is streamed in bounded parts and stops while the application is behind: a small
 * compressed frame that inflates to a lot never sits in memory at once, and nothing is lost or
 * reordered across a suspension. Native memory: compressors are given back or ended.
 */
class InflationBoundsTest {

    private static final int PART = 1024;

    @Test
    void oneSmallFrameInflatingToAMegabyteComesOutInPartsOfAtMostThePartSize() {
        byte[] zeros = new byte[1 << 20];
        DeflateFixture f = new DeflateFixture("permessage-deflate", DeflateConfig.DEFAULT, PART);
        byte[] frame = serverFrame(compress(zeros));
        assertTrue(frame.length < 2048, "a bomb: " + frame.length + " bytes on the wire");
        f.receive(frame);
        assertEquals(zeros.length, f.application.message.size());
        assertTrue(f.application.largestPayload <= PART, "largest part " + f.application.largestPayload);
    }

    @Test
    void inflationStopsWhileBackloggedAndResumesWithoutLossOrReordering() {
        long seed = new Random().nextLong();
        System.out.println("InflationBoundsTest seed " + seed);
        Random random = new Random(seed);
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + random.nextInt(4)); // compressible, not trivially
        }
        DeflateFixture f = new DeflateFixture("permessage-deflate", DeflateConfig.DEFAULT, PART);
        byte[] wire = concat(serverFrame(compress(content)), new byte[] {(byte) 0x89, 0x00}); // and a ping behind
        f.backlogged.set(true);
        ByteBuffer rest = f.receive(wire);
        assertTrue(f.stack.isSuspended(), "suspended at the first full part");
        assertEquals(PART, f.application.message.size(), "one part out, then it stopped");
        int resumes = 0;
        while (f.stack.isSuspended()) {
            resumes++;
            f.stack.resume();
        }
        assertTrue(resumes > 100, "it stopped after every part while backlogged: " + resumes);
        f.backlogged.set(false);
        f.parser.parse(rest);
        assertArrayEquals(content, f.application.message.toByteArray());
        assertEquals("fin rsv0 PING ", f.application.frames.get(f.application.frames.size() - 1),
                "the ping behind the message comes after all of it");
    }

    @Test
    void decompressorGoesBackToThePoolAfterEachMessageWithoutContextTakeover() {
        DeflateFixture f = new DeflateFixture("permessage-deflate", DeflateConfig.DEFAULT, PART);
        f.receive(DeflateFixture.hex("c1 07 f2 48 cd c9 c9 07 00"));
        assertEquals(1, f.pool.idle(), "an idle connection holds no decompressor");
    }

    @Test
    void closingEndsWhatTheConnectionHolds() {
        DeflateFixture f = new DeflateFixture("permessage-deflate", DeflateConfig.DEFAULT, PART);
        f.receive(DeflateFixture.hex("41 03 f2 48 cd")); // a message in progress holds its decompressor
        assertEquals(0, f.pool.idle());
        f.stack.close();
        f.pool.close();
        assertEquals(0, f.pool.idle(), "ended, not given back");
        f.receive(DeflateFixture.hex("80 04 c9 c9 07 00")); // late input after the close is dropped
        assertFalse(f.application.text().contains("llo"));
    }

    private static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        deflater.end();
        byte[] all = out.toByteArray();
        byte[] stripped = new byte[all.length - 4];
        System.arraycopy(all, 0, stripped, 0, stripped.length);
        return stripped;
    }

    /** An unmasked BINARY frame with RSV1 set (lengths up to 64 KiB). */
    private static byte[] serverFrame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 4);
        frame.put((byte) 0xC2);
        if (payload.length < 126) {
            frame.put((byte) payload.length);
        } else {
            frame.put((byte) 126).putShort((short) payload.length);
        }
        frame.put(payload);
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
