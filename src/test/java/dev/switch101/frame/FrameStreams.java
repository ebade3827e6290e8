package dev.switch101.frame;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

/**
 * Frame streams for {@link FrameParserFuzzTest}: mostly well-formed sequences (so fragmented
 * messages, interleaved control frames and every length encoding are reached), each frame with a
 * small chance of a protocol violation, then a chance of byte-level mutation or truncation; and
 * sometimes plain random bytes.
 */
final class FrameStreams {

    private static final int[] DATA_OPS = {1, 2};
    private static final int[] CONTROL_OPS = {8, 9, 10};

    private FrameStreams() {
    }

    static byte[] next(SplittableRandom random, boolean masked) {
        if (random.nextInt(12) == 0) {
            byte[] noise = new byte[random.nextInt(48)];
            random.nextBytes(noise);
            return noise;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean open = false;
        int frames = 1 + random.nextInt(6);
        for (int i = 0; i < frames; i++) {
            int op;
            if (random.nextInt(25) == 0) {
                op = random.nextInt(16);
            } else if (random.nextInt(4) == 0) {
                op = CONTROL_OPS[random.nextInt(3)];
            } else {
                op = open ? 0 : DATA_OPS[random.nextInt(2)];
                if (random.nextInt(30) == 0) {
                    op = open ? DATA_OPS[random.nextInt(2)] : 0; // out of sequence
                }
            }
            boolean control = op >= 8;
            boolean fin = control ? random.nextInt(30) != 0 : random.nextInt(3) != 0;
            if (!control && op <= 2) {
                open = !fin;
            }
            int rsv = random.nextInt(12) == 0 ? random.nextInt(8) : 0;
            boolean mask = random.nextInt(30) == 0 ? !masked : masked;
            long length = length(random, control);
            writeFrame(out, random, fin, rsv, op, mask, length);
        }
        byte[] stream = out.toByteArray();
        return random.nextInt(3) == 0 ? mutate(stream, random) : stream;
    }

    private static long length(SplittableRandom random, boolean control) {
        switch (random.nextInt(control ? 3 : 8)) {
            case 0:
                return 0;
            case 1:
            case 2:
                return random.nextInt(random.nextInt(10) == 0 ? 130 : 126);
            case 3:
                return 125 + random.nextInt(4);
            case 4:
                return random.nextInt(400);
            case 5:
                return 65_534 + random.nextInt(4);
            case 6:
                return (1L << 20) - 2 + random.nextInt(4); // around the default limit
            default:
                return random.nextLong(1, Long.MAX_VALUE);
        }
    }

    private static void writeFrame(ByteArrayOutputStream out, SplittableRandom random, boolean fin, int rsv, int op,
            boolean mask, long length) {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | op);
        int maskBit = mask ? 0x80 : 0;
        // Minimal length encodings mostly; sometimes a longer one (legal, see FrameParser), or a
        // 64-bit one with the top bit set.
        int form = length <= 125 ? 0 : length <= 0xFFFF ? 1 : 2;
        if (random.nextInt(10) == 0) {
            form = Math.min(2, form + 1 + random.nextInt(2));
        }
        if (form == 0) {
            out.write(maskBit | (int) length);
        } else if (form == 1) {
            out.write(maskBit | 126);
            out.write((int) (length >> 8) & 0xFF);
            out.write((int) length & 0xFF);
        } else {
            out.write(maskBit | 127);
            long written = random.nextInt(40) == 0 ? length | Long.MIN_VALUE : length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (written >> shift) & 0xFF);
            }
        }
        byte[] key = new byte[4];
        if (mask) {
            random.nextBytes(key);
            out.write(key, 0, 4);
        }
        // Long payloads are cut short: the stream then ends inside the frame.
        int present = (int) Math.min(length, 300 + random.nextInt(200));
        for (int i = 0; i < present; i++) {
            out.write((random.nextInt(256)) ^ key[i % 4]);
        }
    }

    private static byte[] mutate(byte[] stream, SplittableRandom random) {
        if (stream.length == 0) {
            return stream;
        }
        byte[] copy = stream.clone();
        switch (random.nextInt(3)) {
            case 0: {
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return copy;
            }
            case 1:
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            default: {
                int at = random.nextInt(copy.length + 1);
                byte[] longer = new byte[copy.length + 1];
                System.arraycopy(copy, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(copy, at, longer, at + 1, copy.length - at);
                return longer;
            }
        }
    }
}
