package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** RFC 3629 well-formedness, as RFC 6455 §5.6 and §8.1 require for text. */
class Utf8ValidatorTest {

    /** One- to four-byte sequences, including the edges of each range and around the surrogates. */
    private static final String MIXED = "Hello-\u00b5@\u00df\u00f6\u00e4\u00fc\u00e0\u00e1-UTF-8!! "
            + "\u03ba\u1f79\u03c3\u03bc\u03b5 \u20ac \u0080\u07ff\u0800\ud7ff\ue000\uffff "
            + new String(Character.toChars(0x1D11E)) + new String(Character.toChars(0x10000))
            + new String(Character.toChars(0x10FFFF)) + " end of text, long enough for the word loop";

    private static final byte[] MIXED_BYTES = MIXED.getBytes(StandardCharsets.UTF_8);

    /** Feeds the bytes one at a time; returns the index of the byte where feed said false, or -1. */
    private static int failureIndex(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (!validator.feed(ByteBuffer.wrap(bytes, i, 1))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean strictJdkAccepts(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Long text goes through in 4096-byte slices of 8-byte words: a bad byte at every position
     * around a slice boundary and at each offset of a word is found, in a heap buffer and in a
     * direct one (which takes the byte-at-a-time path). Seeded; the seed is printed.
     */
    @Test
    void aBadByteAnywhereInLongTextIsFoundAcrossWordsAndSlices() {
        long seed = 20261202L;
        System.out.println("Utf8ValidatorTest seed " + seed);
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < 3 * 4096) {
            text.append(random.nextInt(8) == 0 ? List.of("\u00e9", "\u20ac", "\uD83D\uDE00").get(random.nextInt(3)) : "a");
        }
        byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8Validator.isValid(valid));
        for (int at = 4096 - 12; at < 4096 + 12; at++) {
            byte[] bad = valid.clone();
            bad[at] = (byte) 0xFF; // never valid in UTF-8
            assertFalse(Utf8Validator.isValid(bad), "0xFF at " + at);
            Utf8Validator direct = new Utf8Validator();
            ByteBuffer buffer = ByteBuffer.allocateDirect(bad.length).put(bad).flip();
            assertFalse(direct.feed(buffer) && direct.isComplete(), "0xFF at " + at + ", direct buffer");
        }
        ByteBuffer whole = ByteBuffer.allocateDirect(valid.length).put(valid).flip();
        Utf8Validator direct = new Utf8Validator();
        assertTrue(direct.feed(whole) && direct.isComplete(), "the valid text in a direct buffer");
    }

    @Test
    void validMultiByteTextIsValidAsAWhole() {
        assertTrue(Utf8Validator.isValid(MIXED_BYTES));
        assertTrue(Utf8Validator.isValid(new byte[0]));
    }

    @Test
    void validMultiByteTextSplitAtEveryPositionIsValid() {
        for (int split = 0; split <= MIXED_BYTES.length; split++) {
            Utf8Validator validator = new Utf8Validator();
            assertTrue(validator.feed(ByteBuffer.wrap(MIXED_BYTES, 0, split)), "split " + split);
            assertTrue(validator.feed(ByteBuffer.wrap(MIXED_BYTES, split, MIXED_BYTES.length - split)), "split " + split);
            assertTrue(validator.isComplete(), "split " + split);
        }
    }

    @Test
    void validTextFedOneByteAtATimeIsValid() {
        assertEquals(-1, failureIndex(MIXED_BYTES));
    }

    @Test
    void incompleteCodePointIsReportedAtEverySplitInsideIt() {
        // isComplete must be false exactly when the split falls inside a multi-byte sequence.
        for (int split = 0; split <= MIXED_BYTES.length; split++) {
            Utf8Validator validator = new Utf8Validator();
            validator.feed(ByteBuffer.wrap(MIXED_BYTES, 0, split));
            boolean onBoundary = split == MIXED_BYTES.length || (MIXED_BYTES[split] & 0xC0) != 0x80;
            assertEquals(onBoundary, validator.isComplete(), "split " + split);
        }
    }

    @Test
    void feedDoesNotConsumeTheBuffer() {
        ByteBuffer buffer = ByteBuffer.wrap(MIXED_BYTES, 3, 20);
        new Utf8Validator().feed(buffer);
        assertEquals(3, buffer.position());
        assertEquals(23, buffer.limit());
    }

    @Test
    void directBuffersAreValidatedToo() {
        ByteBuffer direct = ByteBuffer.allocateDirect(MIXED_BYTES.length).put(MIXED_BYTES).flip();
        Utf8Validator validator = new Utf8Validator();
        assertTrue(validator.feed(direct));
        assertTrue(validator.isComplete());
        ByteBuffer bad = ByteBuffer.allocateDirect(20).put("0123456789abcd".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0xC0).put((byte) 0xAF).flip();
        assertFalse(new Utf8Validator().feed(bad));
    }

    /** Each invalid sequence is rejected, at the first byte that makes it invalid (fail fast). */
    @Test
    void invalidSequencesFailAtTheOffendingByte() {
        record Case(String name, byte[] bytes, int failsAt) {
        }
        List<Case> cases = List.of(
                new Case("overlong '/' C0 AF", Bytes.of(0xC0, 0xAF), 0),
                new Case("overlong C1 BF", Bytes.of(0xC1, 0xBF), 0),
                new Case("overlong E0 80 AF", Bytes.of(0xE0, 0x80, 0xAF), 1),
                new Case("overlong E0 9F BF", Bytes.of(0xE0, 0x9F, 0xBF), 1),
                new Case("overlong F0 8F BF BF", Bytes.of(0xF0, 0x8F, 0xBF, 0xBF), 1),
                new Case("surrogate U+D800 ED A0 80", Bytes.of(0xED, 0xA0, 0x80), 1),
                new Case("surrogate U+DFFF ED BF BF", Bytes.of(0xED, 0xBF, 0xBF), 1),
                new Case("CESU pair ED A0 80 ED B0 80", Bytes.of(0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80), 1),
                new Case("U+110000 F4 90 80 80", Bytes.of(0xF4, 0x90, 0x80, 0x80), 1),
                new Case("F5 lead", Bytes.of(0xF5, 0x80, 0x80, 0x80), 0),
                new Case("FE", Bytes.of(0xFE), 0),
                new Case("FF", Bytes.of(0xFF), 0),
                new Case("lone continuation 80", Bytes.of(0x80), 0),
                new Case("lone continuation BF after ASCII", Bytes.of(0x41, 0xBF), 1),
                new Case("lead then ASCII", Bytes.of(0xC3, 0x41), 1),
                new Case("3-byte lead cut by ASCII", Bytes.of(0xE2, 0x82, 0x41), 2),
                new Case("4-byte lead cut by lead", Bytes.of(0xF0, 0x9D, 0x84, 0xF0), 3),
                new Case("too many continuations", Bytes.of(0xC3, 0xA9, 0xA9), 2));
        for (Case c : cases) {
            assertFalse(Utf8Validator.isValid(c.bytes()), c.name());
            assertEquals(c.failsAt(), failureIndex(c.bytes()), c.name());
        }
    }

    @Test
    void truncatedSequenceAtEndIsIncomplete() {
        for (byte[] truncated : List.of(Bytes.of(0xC3), Bytes.of(0xE2, 0x82), Bytes.of(0xF0, 0x9D, 0x84),
                Bytes.of(0x41, 0x42, 0xF4, 0x8F))) {
            Utf8Validator validator = new Utf8Validator();
            assertTrue(validator.feed(ByteBuffer.wrap(truncated)), "a prefix of valid UTF-8 is not an error yet");
            assertFalse(validator.isComplete());
            assertFalse(Utf8Validator.isValid(truncated));
        }
    }

    /** §8.1: fail as soon as invalid data is seen, before the rest of the message arrives. */
    @Test
    void invalidByteInFirstChunkFailsBeforeMoreArrives() {
        Utf8Validator validator = new Utf8Validator();
        assertFalse(validator.feed(ByteBuffer.wrap(Bytes.of(0x61, 0x62, 0x63, 0xC0))));
        assertFalse(validator.feed(ByteBuffer.wrap(Bytes.of(0x61))), "rejection is sticky");
        assertFalse(validator.isComplete());
        validator.reset();
        assertTrue(validator.feed(ByteBuffer.wrap(Bytes.of(0x61))));
        assertTrue(validator.isComplete());
    }

    @Test
    void invalidByteIsFoundAtEveryPositionOfAsciiRuns() {
        // Exercises the eight-bytes-at-a-time ASCII path at every alignment.
        for (int length = 1; length <= 40; length++) {
            for (int bad = 0; bad < length; bad++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'x');
                bytes[bad] = (byte) 0x80;
                assertFalse(Utf8Validator.isValid(bytes), "length " + length + " bad " + bad);
                bytes[bad] = (byte) 0xC3;
                // A lead byte followed by ASCII is invalid; as the last byte it is merely incomplete.
                assertEquals(bad == length - 1, new Utf8Validator().feed(ByteBuffer.wrap(bytes)),
                        "length " + length + " lead at " + bad);
            }
        }
    }

    @Test
    void agreesWithTheStrictJdkDecoderOnRandomInput() {
        Random random = new Random(6455);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly interesting bytes: leads, continuations and the invalid ones, some ASCII.
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            assertEquals(strictJdkAccepts(bytes), Utf8Validator.isValid(bytes), () -> java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void everyCodePointEncodedByTheJdkIsValid() {
        StringBuilder text = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp += (cp < 0x800 ? 1 : 7)) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                text.appendCodePoint(cp);
            }
        }
        text.appendCodePoint(0x10FFFF);
        assertTrue(Utf8Validator.isValid(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
