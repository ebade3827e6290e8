package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Stream handlers (Reader, InputStream) read a message while it arrives: the handler has the
 * first part before the last one is offered, and a connection that closes mid-message fails
 * the stream.
 */
class StreamSinkTest {

    private static final Executor THREADS = r -> new Thread(r, "stream-handler").start();

    @Test
    void handlerReadsTheFirstPartBeforeTheLastIsOffered() throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        CompletableFuture<String> whole = new CompletableFuture<>();
        StreamSink sink = new StreamSink(THREADS, in -> in, message -> {
            try {
                InputStream in = (InputStream) message;
                StringBuilder text = new StringBuilder();
                text.append((char) in.read());
                firstRead.countDown();
                for (int b; (b = in.read()) >= 0;) {
                    text.append((char) b);
                }
                whole.complete(text.toString());
            } catch (IOException e) {
                whole.completeExceptionally(e);
            }
        }, Duration.ofSeconds(5));
        sink.onPart(ByteBuffer.wrap("ab".getBytes()), false);
        // Not streamed would mean the handler never starts before the last part: this would hang.
        assertTrue(firstRead.await(30, TimeUnit.SECONDS));
        sink.onPart(ByteBuffer.wrap("cd".getBytes()), true);
        assertEquals("abcd", whole.getNow("the handler had not returned when the last part was handed over"));
    }

    @Test
    void handlerExceptionIsRethrownAtTheLastPart() {
        IllegalStateException boom = new IllegalStateException("boom");
        StreamSink sink = new StreamSink(THREADS, in -> in, message -> {
            throw boom;
        }, Duration.ofSeconds(5));
        assertThrows(IllegalStateException.class, () -> {
            sink.onPart(ByteBuffer.wrap("ab".getBytes()), false);
            sink.onPart(ByteBuffer.wrap("cd".getBytes()), true); // the handler gave up: dropped, no wait
        });
    }

    @Test
    void closingMidMessageFailsTheStreamWithAnIOException() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        StreamSink sink = new StreamSink(THREADS, in -> in, message -> {
            try {
                InputStream in = (InputStream) message;
                while (in.read() >= 0) {
                    // reads until the stream fails
                }
                seen.complete(null);
            } catch (IOException e) {
                seen.complete(e);
            }
        }, Duration.ofSeconds(5));
        sink.onPart(ByteBuffer.wrap("ab".getBytes()), false);
        sink.abandon();
        assertInstanceOf(IOException.class, seen.get(30, TimeUnit.SECONDS));
    }
}
