package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;

/**
 * Differential fuzzing of {@link Utf8Validator} (RFC 3629 §4; RFC 6455 §8.1 fail-fast) against the
 * JDK's UTF-8 {@link CharsetDecoder} with {@link CodingErrorAction#REPORT}:
 * <ul>
 *   <li>fed in random pieces (heap, direct and offset buffers), the validator accepts exactly the
 *       byte strings the JDK decodes without error;
 *   <li>fed one byte at a time, it rejects at the first byte that no continuation can repair: the
 *       bytes before it are a prefix the JDK does not reject, and with it no completion (of up to
 *       three continuation bytes, one from each class boundary) decodes;
 *   <li>a rejection is sticky, and {@code feed} leaves the buffer untouched.
 * </ul>
 */
class Utf8ValidatorFuzzTest {

    static final long INPUTS = 30_000;

    /** Bytes at the edges of the UTF-8 byte classes. */
    private static final int[] EDGES = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
    private static final int[] CODE_POINT_EDGES = {0x00, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
        0x10000, 0x10FFFF};
    private static final byte[] CONTINUATIONS = {(byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
        (byte) 0xBF};

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void validatorAgreesWithTheJdkDecoder() {
        FuzzRun.run("Utf8Validator", INPUTS, Utf8ValidatorFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        byte[] bytes = input(random);
        String hex = HexFormat.of().formatHex(bytes);
        boolean valid = jdkDecodes(bytes, true);

        assertEquals(valid, feedSplit(bytes, random), () -> "whole-string verdict for " + hex);

        int rejectedAt = rejectionIndex(bytes);
        if (rejectedAt >= 0) {
            assertFalse(valid, () -> "rejected a valid string at " + rejectedAt + ": " + hex);
            assertTrue(jdkDecodes(Arrays.copyOf(bytes, rejectedAt), false),
                    () -> "rejected at " + rejectedAt + " though the JDK accepts the prefix: " + hex);
            assertFalse(completable(Arrays.copyOf(bytes, rejectedAt + 1)),
                    () -> "rejected at " + rejectedAt + " though a completion is valid: " + hex);
        } else if (!valid) {
            // Never rejected byte by byte, yet invalid: only a truncated last sequence may do that.
            Utf8Validator validator = new Utf8Validator();
            assertTrue(validator.feed(ByteBuffer.wrap(bytes)));
            assertFalse(validator.isComplete(), () -> "invalid but complete: " + hex);
            assertTrue(jdkDecodes(bytes, false), () -> "the JDK finds an error the validator missed: " + hex);
        }
    }

    private static boolean feedSplit(byte[] bytes, SplittableRandom random) {
        Utf8Validator validator = new Utf8Validator();
        boolean ok = true;
        int at = 0;
        while (at < bytes.length) {
            int n = 1 + random.nextInt(bytes.length - at);
            ByteBuffer chunk;
            if (random.nextBoolean()) {
                chunk = ByteBuffer.allocateDirect(n).put(bytes, at, n).flip();
            } else {
                byte[] padded = new byte[n + 16];
                Arrays.fill(padded, (byte) 0xFF); // bytes outside position..limit that would be invalid
                System.arraycopy(bytes, at, padded, 8, n);
                chunk = ByteBuffer.wrap(padded, 8, n);
            }
            ByteBuffer before = chunk.duplicate();
            boolean fed = validator.feed(chunk);
            assertEquals(before, chunk, "feed must not move position or limit");
            assertEquals(before.position(), chunk.position());
            if (!ok) {
                assertFalse(fed, "a rejection is sticky");
            }
            ok &= fed;
            at += n;
        }
        return ok && validator.isComplete();
    }

    /** The index of the byte at which byte-by-byte feeding first fails, or -1. */
    private static int rejectionIndex(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (!validator.feed(ByteBuffer.wrap(bytes, i, 1))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the JDK finds no malformed input (at the end of input: also no truncated sequence). */
    private static boolean jdkDecodes(byte[] bytes, boolean endOfInput) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        if (decoder.decode(ByteBuffer.wrap(bytes), out, endOfInput).isError()) {
            return false;
        }
        return !endOfInput || !decoder.flush(out).isError();
    }

    /** Whether some completion of up to three continuation bytes makes {@code prefix} valid. */
    private static boolean completable(byte[] prefix) {
        if (jdkDecodes(prefix, true)) {
            return true;
        }
        if (!jdkDecodes(prefix, false)) {
            return false;
        }
        for (byte a : CONTINUATIONS) {
            for (int length = 1; length <= 3; length++) {
                for (byte b : CONTINUATIONS) {
                    for (byte c : CONTINUATIONS) {
                        byte[] tail = Arrays.copyOf(new byte[] {a, b, c}, length);
                        byte[] candidate = Arrays.copyOf(prefix, prefix.length + length);
                        System.arraycopy(tail, 0, candidate, prefix.length, length);
                        if (jdkDecodes(candidate, true)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static byte[] input(SplittableRandom random) {
        switch (random.nextInt(5)) {
            case 0: {
                byte[] noise = new byte[random.nextInt(24)];
                random.nextBytes(noise);
                return noise;
            }
            case 1:
                return validText(random);
            case 2: {
                byte[] edges = new byte[1 + random.nextInt(8)];
                for (int i = 0; i < edges.length; i++) {
                    edges[i] = (byte) EDGES[random.nextInt(EDGES.length)];
                }
                return edges;
            }
            case 3: {
                // Long ASCII runs (the eight-bytes-at-a-time path) with an edge byte somewhere.
                byte[] ascii = new byte[random.nextInt(64)];
                Arrays.fill(ascii, (byte) 'a');
                if (ascii.length > 0 && random.nextBoolean()) {
                    ascii[random.nextInt(ascii.length)] = (byte) EDGES[random.nextInt(EDGES.length)];
                }
                return ascii;
            }
            default: {
                byte[] text = validText(random);
                if (text.length == 0) {
                    return text;
                }
                text[random.nextInt(text.length)] = (byte) EDGES[random.nextInt(EDGES.length)];
                return text;
            }
        }
    }

    /** Well-formed UTF-8 of random code points, weighted towards the encoding-length edges. */
    private static byte[] validText(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = random.nextInt(10);
        for (int i = 0; i < count; i++) {
            int cp;
            if (random.nextInt(3) == 0) {
                cp = CODE_POINT_EDGES[random.nextInt(CODE_POINT_EDGES.length)];
            } else {
                cp = random.nextInt(0x110000);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 'x';
                }
            }
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
