package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * RFC 6455 §5.6 / §8.1: text is UTF-8 over the whole message, and the engine's parts may end
 * inside a character: decoding must carry the incomplete bytes to the next part.
 */
class Utf8PartDecoderTest {

    private static final String TEXT = "aé€𝄞z✓ ünï 😀 end";

    @Test
    void everySplitPointOfEveryCharacterDecodesToTheSameText() throws Exception {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            Utf8PartDecoder decoder = new Utf8PartDecoder();
            String first = decoder.decode(ByteBuffer.wrap(bytes, 0, split), false);
            String second = decoder.decode(ByteBuffer.wrap(bytes, split, bytes.length - split), true);
            assertEquals(TEXT, first + second, "split at byte " + split);
        }
    }

    @Test
    void oneBytePartsDecodeToTheSameText() throws Exception {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        Utf8PartDecoder decoder = new Utf8PartDecoder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            out.append(decoder.decode(ByteBuffer.wrap(bytes, i, 1), i == bytes.length - 1));
        }
        assertEquals(TEXT, out.toString());
    }

    @Test
    void randomPartsOfRandomTextDecodeToTheSameText() throws Exception {
        long seed = System.nanoTime();
        System.out.println("Utf8PartDecoderTest seed " + seed);
        Random random = new Random(seed);
        int[] codePoints = {'a', 0x7F, 0x80, 0x7FF, 0x800, 0xFFFD, 0x10000, 0x1F600, 0x10FFFF};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Utf8PartDecoder decoder = new Utf8PartDecoder();
            StringBuilder out = new StringBuilder();
            int at = 0;
            do {
                int n = Math.min(bytes.length - at, random.nextInt(7));
                out.append(decoder.decode(ByteBuffer.wrap(bytes, at, n), at + n == bytes.length));
                at += n;
            } while (at < bytes.length);
            assertEquals(text.toString(), out.toString(), "seed " + seed + ", round " + round);
        }
    }

    @Test
    void messageEndingInsideACharacterIsAnError() throws Exception {
        Utf8PartDecoder decoder = new Utf8PartDecoder();
        decoder.decode(ByteBuffer.wrap(new byte[] {'a', (byte) 0xE2, (byte) 0x82}), false);
        assertThrows(CharacterCodingException.class, () -> decoder.decode(ByteBuffer.allocate(0), true));
    }

    @Test
    void malformedBytesAreAnError() {
        Utf8PartDecoder decoder = new Utf8PartDecoder();
        assertThrows(CharacterCodingException.class,
                () -> decoder.decode(ByteBuffer.wrap(new byte[] {'a', (byte) 0xC0, (byte) 0x80}), true));
    }
}
