package dev.switch101.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The per-peer queue policy of the chat and ticker examples: one send at a time, bounded, and a peer that cannot keep up ends its own outbox only. */
class BoundedOutboxTest {

    /** A transport whose sends complete only when the test says so, as a peer that reads slowly. */
    private static final class ManualTransport implements BoundedOutbox.Transport<String> {
        final List<String> started = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        int inFlight;
        int maxInFlight;

        @Override
        public void send(String message, Consumer<Throwable> done) {
            started.add(message);
            pending.add(done);
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }

        void completeNext(Throwable failure) {
            inFlight--;
            pending.remove(0).accept(failure);
        }
    }

    private final List<BoundedOutbox.Ending> endings = new ArrayList<>();

    @Test
    void sendsInOrderOneAtATime() {
        ManualTransport transport = new ManualTransport();
        BoundedOutbox<String> outbox = new BoundedOutbox<>(4, transport, endings::add);
        for (String m : List.of("a", "b", "c")) {
            assertTrue(outbox.offer(m));
        }
        assertEquals(List.of("a"), transport.started, "only the first is in flight");
        assertEquals(2, outbox.waiting());
        transport.completeNext(null);
        transport.completeNext(null);
        transport.completeNext(null);
        assertEquals(List.of("a", "b", "c"), transport.started);
        assertEquals(1, transport.maxInFlight);
        assertTrue(outbox.isIdle());
        assertEquals(List.of(), endings);
    }

    @Test
    void aPeerThatCannotKeepUpOverflowsOnceAndIsRefusedAfterwards() {
        ManualTransport transport = new ManualTransport();
        BoundedOutbox<String> outbox = new BoundedOutbox<>(3, transport, endings::add);
        assertTrue(outbox.offer("in flight"));
        for (int i = 0; i < 3; i++) {
            assertTrue(outbox.offer("waiting " + i));
        }
        assertFalse(outbox.offer("one too many"), "capacity 3 behind the one in flight");
        assertFalse(outbox.offer("after the end"));
        assertEquals(List.of(BoundedOutbox.Ending.OVERFLOW), endings, "the overflow action runs once");
        assertEquals(0, outbox.waiting(), "what waited is dropped");
        transport.completeNext(null);
        assertEquals(List.of("in flight"), transport.started, "nothing is sent after the end");
    }

    @Test
    void aFailedSendEndsTheOutboxAndDropsWhatWaits() {
        ManualTransport transport = new ManualTransport();
        BoundedOutbox<String> outbox = new BoundedOutbox<>(3, transport, endings::add);
        outbox.offer("a");
        outbox.offer("b");
        transport.completeNext(new IOException("gone"));
        assertEquals(List.of(BoundedOutbox.Ending.SEND_FAILED), endings);
        assertFalse(outbox.isOpen());
        assertEquals(List.of("a"), transport.started);
    }

    @Test
    void aTransportThatCompletesAtOnceDrainsEverything() {
        List<String> sent = new ArrayList<>();
        BoundedOutbox<String> outbox = new BoundedOutbox<>(2, (m, done) -> {
            sent.add(m);
            done.accept(null);
        }, endings::add);
        for (int i = 0; i < 100; i++) {
            assertTrue(outbox.offer("m" + i));
        }
        assertEquals(100, sent.size());
        assertEquals(List.of(), endings);
    }

    @Test
    void closeByTheOwnerIsNoEnding() {
        ManualTransport transport = new ManualTransport();
        BoundedOutbox<String> outbox = new BoundedOutbox<>(1, transport, endings::add);
        outbox.offer("a");
        outbox.offer("b");
        outbox.close();
        transport.completeNext(null);
        assertEquals(List.of("a"), transport.started);
        assertEquals(List.of(), endings);
        assertFalse(outbox.offer("c"));
    }
}
