package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** RFC 6455 §5.3: {@code transformed[i] = original[i] XOR key[i mod 4]}. */
class MaskerTest {

    /** The definition, one byte at a time, as the reference. */
    private static int naiveMask(byte[] data, int from, int to, int maskKey, int maskOffset) {
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        int j = maskOffset;
        for (int i = from; i < to; i++, j = (j + 1) & 3) {
            data[i] ^= key[j];
        }
        return j;
    }

    /** RFC 6455 §5.7: "Hello" masked with 37 fa 21 3d. */
    @Test
    void rfcExampleMasksHelloByteForByte() {
        ByteBuffer hello = ByteBuffer.wrap("Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int next = Masker.mask(hello, 0x37fa213d, 0);
        assertArrayEquals(Bytes.of(0x7f, 0x9f, 0x4d, 0x51, 0x58), hello.array());
        assertEquals(1, next);
        assertEquals(0, hello.position(), "position unchanged");
    }

    @Test
    void matchesNaiveByteLoopOnRandomDataOffsetsAndBounds() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            int length = random.nextInt(80);
            byte[] data = new byte[length + 10];
            random.nextBytes(data);
            int from = random.nextInt(5);
            int to = from + length;
            int key = random.nextInt();
            int offset = random.nextInt(4);
            ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            boolean direct = random.nextBoolean();

            byte[] expected = data.clone();
            int expectedOffset = naiveMask(expected, from, to, key, offset);

            ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length);
            buffer.put(data).clear().position(from).limit(to);
            buffer.order(order);
            int actualOffset = Masker.mask(buffer, key, offset);

            String context = "round " + round + " len " + length + " offset " + offset + " " + order
                    + (direct ? " direct" : " heap");
            assertEquals(expectedOffset, actualOffset, context);
            assertEquals(from, buffer.position(), context);
            assertEquals(to, buffer.limit(), context);
            byte[] actual = new byte[data.length];
            buffer.clear().get(actual);
            assertArrayEquals(expected, actual, context + ": bytes outside [position, limit) must not change");
        }
    }

    @Test
    void maskingInChunksWithCarriedOffsetEqualsMaskingAtOnce() {
        byte[] data = Bytes.random(7, 1000);
        int key = 0xcafebabe;
        byte[] whole = data.clone();
        Masker.mask(ByteBuffer.wrap(whole), key, 0);

        byte[] chunked = data.clone();
        int offset = 0;
        int[] sizes = {1, 3, 5, 7, 11, 2, 9, 13};
        for (int at = 0, i = 0; at < chunked.length; i++) {
            int size = Math.min(sizes[i % sizes.length], chunked.length - at);
            offset = Masker.mask(ByteBuffer.wrap(chunked, at, size), key, offset);
            at += size;
        }
        assertArrayEquals(whole, chunked);
        assertEquals(1000 & 3, offset);
    }

    @Test
    void maskingTwiceRestoresTheData() {
        byte[] data = Bytes.random(8, 333);
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        Masker.mask(buffer, 0x12345678, 3);
        Masker.mask(buffer, 0x12345678, 3);
        assertArrayEquals(data, buffer.array());
    }

    @Test
    void emptyRangeReturnsTheSameOffset() {
        assertEquals(2, Masker.mask(ByteBuffer.allocate(0), 0x01020304, 2));
    }

    @Test
    void offsetOutsideZeroToThreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Masker.mask(ByteBuffer.allocate(4), 1, 4));
        assertThrows(IllegalArgumentException.class, () -> Masker.mask(ByteBuffer.allocate(4), 1, -1));
    }

    @Test
    void readOnlyBufferIsRefused() {
        ByteBuffer readOnly = ByteBuffer.allocate(16).asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> Masker.mask(readOnly, 1, 0));
    }
}
