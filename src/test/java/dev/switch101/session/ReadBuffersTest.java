package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The shared read buffers: reused, bounded, and never mixed up across sizes. */
class ReadBuffersTest {

    @Test
    void aReturnedBufferIsLentAgain() {
        ReadBuffers buffers = new ReadBuffers(1024, 2);
        byte[] first = buffers.acquire(1024);
        buffers.release(first);
        assertSame(first, buffers.acquire(1024));
    }

    @Test
    void atMostCapacityBuffersAreKept() {
        ReadBuffers buffers = new ReadBuffers(1024, 2);
        byte[] a = buffers.acquire(1024);
        byte[] b = buffers.acquire(1024);
        byte[] c = buffers.acquire(1024);
        buffers.release(a);
        buffers.release(b);
        buffers.release(c);
        assertEquals(2, buffers.kept(), "the pool is bounded");
    }

    @Test
    void capacityZeroAllocatesForEveryRead() {
        ReadBuffers buffers = new ReadBuffers(1024, 0);
        byte[] first = buffers.acquire(1024);
        buffers.release(first);
        assertEquals(0, buffers.kept());
        assertNotSame(first, buffers.acquire(1024));
    }

    @Test
    void otherSizesAreAllocatedAndNeverKept() {
        ReadBuffers buffers = new ReadBuffers(1024, 2);
        byte[] other = buffers.acquire(512);
        assertEquals(512, other.length);
        buffers.release(other);
        assertEquals(0, buffers.kept());
        assertEquals(1024, buffers.acquire(1024).length);
    }
}
