package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * {@code Session.setMaxTextMessageBufferSize} / {@code setMaxBinaryMessageBufferSize}: a whole
 * message up to the size is delivered, one unit larger is refused (→ close 1009, RFC 6455 §7.4.1).
 */
class AccumulatorsTest {

    @Test
    void textUpToTheLimitInCharactersIsWholeEvenWhenItHasMoreBytes() throws Exception {
        String text = "€€€€"; // 4 characters, 12 bytes
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextAccumulator accumulator = new TextAccumulator(4);
        assertNull(accumulator.add(ByteBuffer.wrap(bytes, 0, 5), false));
        assertEquals(text, accumulator.add(ByteBuffer.wrap(bytes, 5, 7), true));
    }

    @Test
    void textOneCharacterOverTheLimitIsTooBig() throws Exception {
        TextAccumulator accumulator = new TextAccumulator(4);
        accumulator.add(ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8)), false);
        assertThrows(MessageTooBigException.class,
                () -> accumulator.add(ByteBuffer.wrap("de".getBytes(StandardCharsets.UTF_8)), true));
    }

    @Test
    void surrogatePairsCountAsTwoCharactersEvenWhenAPartEndsInsideOne() throws Exception {
        String text = "a\uD83D\uDE00b"; // 4 characters: a, an emoji (a surrogate pair, 4 bytes), b
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextAccumulator exact = new TextAccumulator(4);
        assertNull(exact.add(ByteBuffer.wrap(bytes, 0, 3), false)); // ends two bytes into the emoji
        assertEquals(text, exact.add(ByteBuffer.wrap(bytes, 3, bytes.length - 3), true));

        TextAccumulator over = new TextAccumulator(3);
        assertThrows(MessageTooBigException.class, () -> over.add(ByteBuffer.wrap(bytes), true));
    }

    @Test
    void aMessageInOnePartIsDecodedWithoutBeingCollectedAndLeavesThePartAsItWas() throws Exception {
        byte[] bytes = "xx€ü".getBytes(StandardCharsets.UTF_8);
        ByteBuffer part = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        assertEquals("€ü", new TextAccumulator(2).add(part, true));
        assertEquals(2, part.position());
        assertThrows(MessageTooBigException.class, () -> new TextAccumulator(1).add(part, true));
    }

    @Test
    void binaryUpToTheLimitIsWholeAndOneByteMoreIsTooBig() throws Exception {
        BinaryAccumulator exact = new BinaryAccumulator(5);
        assertNull(exact.add(ByteBuffer.wrap(new byte[] {1, 2, 3}), false));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, exact.add(ByteBuffer.wrap(new byte[] {4, 5}), true));

        BinaryAccumulator over = new BinaryAccumulator(5);
        over.add(ByteBuffer.wrap(new byte[] {1, 2, 3}), false);
        assertThrows(MessageTooBigException.class, () -> over.add(ByteBuffer.wrap(new byte[] {4, 5, 6}), false));
    }

    @Test
    void emptyMessagesAreWhole() throws Exception {
        assertEquals("", new TextAccumulator(1).add(ByteBuffer.allocate(0), true));
        assertArrayEquals(new byte[0], new BinaryAccumulator(1).add(ByteBuffer.allocate(0), true));
    }
}
