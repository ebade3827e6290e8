package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.deflate.DeflateConfig;
import dev.switch101.extension.deflate.DeflatePool;
import dev.switch101.extension.deflate.PerMessageDeflateFactory;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameWriter;
import dev.switch101.frame.OpCode;

/**
 * A session with permessage-deflate: the message size limit applies to the inflated size (a
 * decompression bomb ends with 1009 having delivered no more than the limit), and while the
 * handler is behind, inflation waits with it — the callbacks queued for it stay bounded, and the
 * close behind the message comes after all of it.
 */
class CompressedSessionTest {

    private static final int MASK = 0x2a5f10c3;

    private final Transport transport = new Transport();
    private final Handler handler = new Handler();
    private final Queued executor = new Queued();

    private CoreSession session(Limits limits) {
        Extension deflate = new PerMessageDeflateFactory(DeflateConfig.DEFAULT, new DeflatePool(2))
                .negotiate(new ExtensionOffer("permessage-deflate")).orElseThrow();
        CoreSession s = new CoreSession(handler, new HandshakeInfo("ws://localhost/echo", Map.of(), null,
                Map.of(), Map.of(), "", List.of("permessage-deflate"), null, null, false), limits, transport, executor,
                List.of(deflate));
        s.start();
        return s;
    }

    @Test
    void decompressionBombFailsWith1009AfterAtMostTheLimit() {
        // RFC 6455 §7.4.1 / RFC 7692 §8.2: the limit is on the message, i.e. the inflated size
        Limits limits = Limits.DEFAULT.withMaxMessageSize(64 * 1024, 1 << 20);
        CoreSession s = session(limits);
        byte[] bomb = compress(new byte[4 << 20]); // 4 MiB of zeros, some 4 KiB on the wire
        s.onBytes(compressedFrame(bomb));
        while (!executor.tasks.isEmpty()) {
            executor.runOne();
            if (!transport.demanded.isEmpty()) {
                transport.demanded.clear();
                s.onBytes(ByteBuffer.allocate(0));
            }
        }
        assertEquals(1009, closeCodeSent());
        assertTrue(handler.bytes.size() <= 64 * 1024, "delivered " + handler.bytes.size());
    }

    @Test
    void incompressibleMessageOfTheLimitFitsInOneCompressedFrameThoughItGrew() {
        // Random bytes grow when compressed: the frame is over maxFramePayload, the message is not.
        Limits limits = Limits.DEFAULT.withMaxMessageSize(64 * 1024, 64 * 1024);
        CoreSession s = session(limits);
        byte[] content = new byte[64 * 1024];
        new Random(1).nextBytes(content);
        byte[] compressed = compress(content);
        assertTrue(compressed.length > content.length, "compressed " + compressed.length);
        s.onBytes(compressedFrame(compressed));
        while (!executor.tasks.isEmpty()) {
            executor.runOne();
        }
        assertArrayEquals(content, handler.bytes.toByteArray());
    }

    @Test
    void inflationWaitsForASlowHandlerAndTheCloseBehindComesAfterAllData() {
        long seed = new Random().nextLong();
        System.out.println("CompressedSessionTest seed " + seed);
        Random random = new Random(seed);
        byte[] content = new byte[1 << 20];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + random.nextInt(3));
        }
        Limits limits = Limits.DEFAULT.withMaxMessageSize(8 << 20, 8 << 20);
        CoreSession s = session(limits);
        ByteBuffer wire = concat(compressedFrame(compress(content)),
                FrameWriter.maskedFrame(true, 0, OpCode.PING, ByteBuffer.wrap(new byte[] {7}), MASK),
                FrameWriter.maskedFrame(true, 0, OpCode.CLOSE, new CloseStatus(1000, "").toPayload(), MASK));
        // The reader hands over everything it read in reads of 16 KiB, and reads on only when told.
        // Reading pauses at MAX_BACKLOG_READS reads of unhandled input; inflated parts are one read each.
        int bound = CoreSession.MAX_BACKLOG_READS + 2;
        int largestQueue = 0;
        boolean reading = true;
        while (wire.hasRemaining() || !executor.tasks.isEmpty()) {
            if (reading && wire.hasRemaining()) {
                ByteBuffer read = wire.slice(wire.position(), Math.min(16384, wire.remaining()));
                wire.position(wire.position() + read.remaining());
                reading = s.onBytes(copy(read));
            } else {
                executor.runOne();
                if (!transport.demanded.isEmpty()) {
                    transport.demanded.clear();
                    reading = true;
                }
            }
            largestQueue = Math.max(largestQueue, executor.tasks.size());
            if (!handler.closes.isEmpty()) {
                assertEquals(content.length, handler.bytes.size(), "the close overtook data");
            }
        }
        assertArrayEquals(content, handler.bytes.toByteArray());
        assertTrue(largestQueue <= bound, "callbacks queued: " + largestQueue + ", bound " + bound);
        assertEquals(List.of("close 1000"), handler.closes);
    }

    private int closeCodeSent() {
        byte[] last = transport.sent.get(transport.sent.size() - 1);
        assertEquals(0x88, last[0] & 0xFF, "a close frame");
        return ((last[2] & 0xFF) << 8) | (last[3] & 0xFF);
    }

    private static ByteBuffer compressedFrame(byte[] compressed) {
        return FrameWriter.maskedFrame(true, FrameHeader.RSV1, OpCode.BINARY, ByteBuffer.wrap(compressed), MASK);
    }

    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length);
        deflater.end();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 4);
    }

    private static ByteBuffer copy(ByteBuffer b) {
        return ByteBuffer.allocate(b.remaining()).put(b).flip();
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        int size = 0;
        for (ByteBuffer p : parts) {
            size += p.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (ByteBuffer p : parts) {
            all.put(p);
        }
        return all.flip();
    }

    /** Runs the handler's callbacks only when the test says so; counts what they carry. */
    private final class Queued implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            tasks.poll().run();
        }

    }

    private final class Handler implements FrameHandler {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> closes = new ArrayList<>();

        @Override
        public void onOpen(WebSocketSession session) {
        }

        @Override
        public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            byte[] b = new byte[part.remaining()];
            part.get(b);
            bytes.writeBytes(b);
        }

        @Override
        public void onClose(CloseStatus status) {
            closes.add("close " + status.code());
        }

        @Override
        public void onError(Throwable cause) {
        }
    }

    private final class Transport implements dev.switch101.session.Transport {
        final List<byte[]> sent = new ArrayList<>();
        final List<Boolean> demanded = new ArrayList<>();

        @Override
        public void writeData(byte[] frame, long deadline) {
            sent.add(frame);
        }

        @Override
        public void flush() {
            // frames are recorded as written
        }

        @Override
        public boolean writeControl(byte[] frame) {
            sent.add(frame);
            return true;
        }

        @Override
        public void writeClose(byte[] frame) {
            sent.add(frame);
        }

        @Override
        public void closeAfterFlush() {
        }

        @Override
        public void abort() {
        }

        @Override
        public void demand() {
            demanded.add(true);
        }
    }
}
