package dev.switch101.jakarta.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.MessageHandler;

/**
 * A message for a handler that reads it as a stream — a {@code Reader}, an {@code InputStream},
 * or a {@code Decoder.TextStream}/{@code BinaryStream} — while it arrives. At the first part the
 * handler is started on another thread (the stream executor) reading a {@link PartPipe}; the
 * engine's thread feeds the pipe part by part (waiting while the reader is a part behind, which
 * pauses reading from the peer) and, at the last part, waits for the handler to return, so
 * messages stay in order and a session's handlers never run at the same time. Not limited by
 * the buffer size: nothing is buffered beyond two parts.
 */
final class StreamSink implements MessageSink {

    /** Opens what the handler takes on the message's bytes. */
    @FunctionalInterface
    interface Opener {
        Object open(InputStream message) throws Exception;
    }

    private final PartPipe pipe = new PartPipe();
    private final CountDownLatch handlerDone = new CountDownLatch(1);
    private final Executor executor;
    private final Opener opener;
    private final MessageHandler.Whole<Object> handler;
    private final Duration abandonWait;
    private volatile Exception failure;
    private boolean started;

    /**
     * @param abandonWait how long a closing connection waits for the handler to give up a message
     *                    that will never end (its stream fails with an IOException)
     */
    StreamSink(Executor executor, Opener opener, MessageHandler.Whole<Object> handler, Duration abandonWait) {
        this.executor = executor;
        this.opener = opener;
        this.handler = handler;
        this.abandonWait = abandonWait;
    }

    @Override
    public void onPart(ByteBuffer part, boolean last) throws Exception {
        if (!started) {
            executor.execute(this::runHandler); // a refusal fails this message only (→ onError)
            started = true;
        }
        pipe.offer(part, last);
        if (last) {
            handlerDone.await();
            Exception e = failure;
            if (e != null) {
                throw e;
            }
        }
    }

    @Override
    public void abandon() {
        pipe.fail(new IOException("The connection closed before the end of the message"));
        if (!started) {
            return;
        }
        try {
            handlerDone.await(abandonWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runHandler() {
        try {
            handler.onMessage(opener.open(pipe));
        } catch (Exception e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("The message handler failed", e);
        } finally {
            pipe.readerDone();
            handlerDone.countDown();
        }
    }
}
