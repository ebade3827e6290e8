package dev.switch101.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Seeded benchmark input: UTF-8 text of an exact byte length, mixing 1-, 2- and 3-byte characters. */
final class Payload {

    private static final String[] WIDE = {"\u00e9", "\u20ac", "\u00df", "\u4e2d"};

    private Payload() {
    }

    /** ASCII letters and spaces, {@code length} bytes. */
    static byte[] ascii(int length) {
        SplittableRandom random = new SplittableRandom(101);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (random.nextInt(6) == 0 ? ' ' : 'a' + random.nextInt(26));
        }
        return bytes;
    }

    /** Text of exactly {@code length} UTF-8 bytes, about one character in eight a multi-byte one. */
    static byte[] text(int length) {
        SplittableRandom random = new SplittableRandom(101);
        StringBuilder text = new StringBuilder(length);
        int bytes = 0;
        while (bytes < length) {
            String next = length - bytes >= 3 && random.nextInt(8) == 0 ? WIDE[random.nextInt(WIDE.length)]
                    : String.valueOf((char) ('a' + random.nextInt(26)));
            int size = next.getBytes(StandardCharsets.UTF_8).length;
            if (size > length - bytes) {
                continue;
            }
            text.append(next);
            bytes += size;
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
