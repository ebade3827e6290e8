package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switch101.it.support.MessageContent.TextStyle;

/** The stress test's payloads are what it claims: valid UTF-8, reproducible, hashed right. */
class MessageContentTest {

    private static final long[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 65_537, 1 << 20};

    @ParameterizedTest
    @EnumSource(TextStyle.class)
    void textIsValidUtf8OfExactlyTheLengthAskedForHoweverItIsCut(TextStyle style) throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        for (long length : LENGTHS) {
            byte[] bytes = produce(MessageContent.text(length, style, 7), random);
            assertDoesNotThrow(() -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)), style + " " + length);
        }
    }

    @Test
    void theLimitItselfIsValidUtf8() throws Exception {
        byte[] bytes = produce(MessageContent.text(32 << 20, TextStyle.MIXED, 3), new SplittableRandom(3));
        assertDoesNotThrow(() -> StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)));
    }

    @Test
    void everyByteDependsOnlyOnTheSeedAndItsPosition() throws Exception {
        for (long length : LENGTHS) {
            assertArrayEquals(produce(MessageContent.binary(length, 5), new SplittableRandom(1)),
                    produce(MessageContent.binary(length, 5).replay(), new SplittableRandom(2)), "binary " + length);
            for (TextStyle style : TextStyle.values()) {
                assertArrayEquals(produce(MessageContent.text(length, style, 5), new SplittableRandom(1)),
                        produce(MessageContent.text(length, style, 5), new SplittableRandom(2)), style + " " + length);
            }
        }
    }

    @Test
    void theHashIsTheSha256OfTheBytesProduced() throws Exception {
        for (long length : LENGTHS) {
            MessageContent content = MessageContent.binary(length, 9);
            byte[] bytes = produce(content, new SplittableRandom(4));
            assertArrayEquals(MessageContent.sha256().digest(bytes), content.hash().getNow(null), "length " + length);
        }
    }

    /** All of the content, asked for in slices of random sizes (1 byte to 70,000). */
    private static byte[] produce(MessageContent content, SplittableRandom random) {
        byte[] all = new byte[(int) content.length()];
        int at = 0;
        while (at < all.length) {
            int n = (int) Math.min(all.length - at, random.nextInt(4) == 0 ? 1 + random.nextInt(9) : 1 + random.nextInt(70_000));
            content.next(all, at, n);
            at += n;
        }
        return all;
    }
}
