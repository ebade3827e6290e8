package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;

/**
 * Differential fuzzing of {@link FrameParser} (RFC 6455 §5.2-§5.5) against
 * {@link ReferenceFrameDecoder}: the same bytes, fed to the parser split at random points (heap,
 * direct, read-only and offset buffers, down to one byte per call), must give the same frames,
 * the same payload bytes and the same close code as the reference decoding them whole. Inputs are
 * frame streams that are mostly well-formed (so the deep states — fragmented messages with
 * control frames between, every length encoding, masking — are reached) with random RSV bits,
 * reserved opcodes, wrong MASK bits, lengths at every boundary, truncations and byte mutations,
 * plus plain random bytes. The parser may throw nothing but {@link ProtocolException}, and after
 * it has thrown, only {@link IllegalStateException}.
 */
class FrameParserFuzzTest {

    /** Inputs in the short run of {@code mvn verify}; {@code -Dfuzz.scale} multiplies it. */
    static final long INPUTS = 30_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void incrementalParserAgreesWithWholeBufferReference() {
        FuzzRun.run("FrameParser", INPUTS, FrameParserFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        boolean requireMasked = random.nextBoolean();
        long max = random.nextInt(4) == 0 ? random.nextInt(300) : 1 << 20;
        int allowedRsv = random.nextInt(3) == 0 ? random.nextInt(8) : 0;
        byte[] stream = FrameStreams.next(random, requireMasked);

        List<String> expected = ReferenceFrameDecoder.decode(stream, requireMasked, max, allowedRsv);
        List<String> actual = parseSplit(stream, random, new FrameParserConfig(requireMasked, max), allowedRsv);
        assertEquals(expected, actual, () -> "input " + HexFormat.of().formatHex(stream) + " masked=" + requireMasked
                + " max=" + max + " rsv=" + allowedRsv);
    }

    /** Feeds the parser the stream in random pieces and records its events, merged per frame. */
    static List<String> parseSplit(byte[] stream, SplittableRandom random, FrameParserConfig config, int allowedRsv) {
        Recorder recorder = new Recorder();
        FrameParser parser = new FrameParser(config, recorder);
        parser.setAllowedRsv(allowedRsv);
        boolean oneByteAtATime = random.nextInt(8) == 0;
        int at = 0;
        while (at < stream.length) {
            int n = oneByteAtATime ? 1 : 1 + random.nextInt(stream.length - at);
            ByteBuffer chunk = wrap(stream, at, n, random);
            at += n;
            try {
                parser.parse(chunk);
            } catch (ProtocolException e) {
                recorder.flush();
                recorder.events.add("X " + e.closeCode());
                // The stream position is lost: the parser must refuse to go on.
                assertThrows(IllegalStateException.class, () -> parser.parse(ByteBuffer.allocate(1)));
                return recorder.events;
            }
            assertFalse(chunk.hasRemaining(), "parse consumes all of its input");
        }
        recorder.flush();
        assertEquals(recorder.openMessage, parser.isMessageOpen(), "isMessageOpen");
        return recorder.events;
    }

    /** A copy of {@code stream[at, at + n)} in one of the buffer kinds a container may hand us. */
    private static ByteBuffer wrap(byte[] stream, int at, int n, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0: {
                ByteBuffer direct = ByteBuffer.allocateDirect(n);
                direct.put(stream, at, n).flip();
                return direct;
            }
            case 1:
                return ByteBuffer.wrap(java.util.Arrays.copyOfRange(stream, at, at + n)).asReadOnlyBuffer();
            case 2: {
                // Room before and after the bytes: the parser must respect position and limit.
                byte[] padded = new byte[n + 6];
                System.arraycopy(stream, at, padded, 3, n);
                return ByteBuffer.wrap(padded, 3, n);
            }
            default:
                return ByteBuffer.wrap(java.util.Arrays.copyOfRange(stream, at, at + n));
        }
    }

    /** Records events in the reference's notation, one payload entry per frame. */
    private static final class Recorder implements FrameListener {
        final List<String> events = new ArrayList<>();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        boolean openMessage;
        private boolean inFrame;

        @Override
        public void onFrameHeader(FrameHeader header) {
            assertFalse(inFrame, "a header while a frame is unfinished");
            inFrame = true;
            if (header.opCode().isData()) {
                openMessage = !header.fin();
            }
            events.add(ReferenceFrameDecoder.header(header.fin(), header.rsv(), header.opCode().code(),
                    header.payloadLength(), header.masked()));
        }

        @Override
        public void onPayload(ByteBuffer chunk) {
            assertTrue(inFrame, "payload outside a frame");
            assertTrue(chunk.hasRemaining(), "an empty payload chunk");
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            payload.writeBytes(bytes);
        }

        @Override
        public void onFrameEnd() {
            assertTrue(inFrame, "a frame end outside a frame");
            flush();
            events.add("E");
            inFrame = false;
        }

        void flush() {
            if (payload.size() > 0) {
                events.add(ReferenceFrameDecoder.payload(payload.toByteArray()));
                payload.reset();
            }
        }
    }
}
