package dev.switch101.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Message content for the load generator. Every message starts with its sequence number on the
 * connection as 16 ASCII hex digits, so an echo is checked for content and for order (a server
 * that answers with a cached or reordered message fails); the rest is seeded filler, fixed per
 * connection. Text filler mixes 1-, 2- and 3-byte UTF-8 characters, so that the server's UTF-8
 * handling does real work.
 */
final class Payloads {

    /** Bytes at the start of each message that carry its sequence number. */
    static final int SEQUENCE_LENGTH = 16;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String[] WIDE = {"\u00e9", "\u00df", "\u20ac", "\u4e2d", "\u00f8"};

    private Payloads() {
    }

    /** Text of exactly {@code length} UTF-8 bytes (at least {@link #SEQUENCE_LENGTH}). */
    static byte[] text(int length, long seed) {
        checkLength(length);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(length);
        text.append("0".repeat(SEQUENCE_LENGTH));
        int bytes = SEQUENCE_LENGTH;
        while (bytes < length) {
            int left = length - bytes;
            if (left >= 3 && random.nextInt(8) == 0) {
                String wide = WIDE[random.nextInt(WIDE.length)];
                int size = wide.getBytes(StandardCharsets.UTF_8).length;
                if (size <= left) {
                    text.append(wide);
                    bytes += size;
                    continue;
                }
            }
            text.append((char) ('a' + random.nextInt(26)));
            bytes++;
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        if (utf8.length != length) {
            throw new IllegalStateException("text of " + utf8.length + " bytes, wanted " + length);
        }
        return utf8;
    }

    /** Random bytes, {@code length} of them (at least {@link #SEQUENCE_LENGTH}). */
    static byte[] binary(int length, long seed) {
        checkLength(length);
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** Compressible text (JSON-like lines), for the permessage-deflate row. */
    static byte[] compressibleText(int length, long seed) {
        checkLength(length);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(length + 64);
        while (text.length() < length) {
            text.append("{\"id\":").append(random.nextInt(100_000))
                    .append(",\"name\":\"sensor-").append(random.nextInt(64))
                    .append("\",\"value\":").append(random.nextInt(1000)).append("}\n");
        }
        text.setLength(length);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code index}th of the 16 hex digits of {@code sequence}, most significant first. */
    static byte sequenceDigit(long sequence, int index) {
        return HEX[(int) (sequence >>> (60 - 4 * index)) & 0xf];
    }

    private static void checkLength(int length) {
        if (length < SEQUENCE_LENGTH) {
            throw new IllegalArgumentException("messages are at least " + SEQUENCE_LENGTH + " bytes");
        }
    }
}
