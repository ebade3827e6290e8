package dev.switch101.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import org.apache.tomcat.util.net.SocketEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseStatus;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.MessageType;
import dev.switch101.session.Sessions;
import dev.switch101.session.WebSocketSession;

/**
 * Reading with Tomcat's rules ({@link ReadResumption#PARK_CALLBACK_THREAD}), through the real
 * upgrade handler, with a container double that behaves as Tomcat does where it matters: input it
 * has already pulled into its own buffer is announced by no socket event, and only a read event
 * asked for with {@code processSocket(OPEN_READ)} calls the reader again.
 */
class InboundReaderTest {

    private static final int MESSAGE = 12 * 1024;
    private static final int MESSAGES = 10;

    private final Sessions sessions = new Sessions();
    private final Queue<Runnable> appTasks = new ArrayDeque<>();
    private final ContainerInput in = new ContainerInput(masked(MESSAGES, MESSAGE));
    private boolean peerReading;
    /** The socket towards a peer that reads nothing until {@link #peerReads()}. */
    private final ScriptedOutput out = new ScriptedOutput(() -> this.peerReading);
    private final CountingHandler handler = new CountingHandler();

    @AfterEach
    void stopTimer() {
        sessions.close();
    }

    @Test
    void inputTheContainerHoldsIsReadWhenThePauseEndsAfterTheReaderHadToReturnForAStalledOutput() throws IOException {
        // The peer reads nothing for now: the output waits for the container's write event.
        new WebSocketUpgradeHandler(handler, info(), Limits.DEFAULT, appTasks::add, false, sessions,
                ReadResumption.PARK_CALLBACK_THREAD, List.of()).init(new TestConnection(in, out));
        runAppTasks(); // onOpen sends, and the output stalls
        // While the output is stalled the reader returns after each read, and is called again
        // while it reads something, until the application's backlog pauses reading.
        int before;
        do {
            before = in.remaining();
            in.listener.onDataAvailable();
        } while (in.remaining() != before);
        assertTrue(in.remaining() > 0, "reading paused with input left in the container's buffer");
        assertTrue(in.socketWrapper.events.isEmpty());

        // The application catches up. No socket event will announce the buffered input, and no
        // write event comes while the peer does not read: the reader must be called back.
        runAppTasks();
        assertEquals(List.of(SocketEvent.OPEN_READ), in.socketWrapper.events, "a read event is asked for");
        int left = in.remaining();
        in.listener.onDataAvailable();
        assertTrue(in.remaining() < left, "the reader read on");

        peerReads(); // the write event: the reader reads the rest in it
        runAppTasks();
        assertEquals(0, in.remaining(), "all input was read");
        assertEquals("hello", out.written.toString(StandardCharsets.UTF_8).substring(2));
        assertEquals(MESSAGES, handler.messages, "every message was delivered");
    }

    @Test
    void aReaderThatNeverPausedAsksForNoReadEvent() throws IOException {
        new WebSocketUpgradeHandler(handler, info(), Limits.DEFAULT, Runnable::run, false, sessions,
                ReadResumption.PARK_CALLBACK_THREAD, List.of()).init(new TestConnection(in, new ScriptedOutput(() -> true)));
        in.listener.onDataAvailable();
        assertEquals(0, in.remaining());
        assertEquals(MESSAGES, handler.messages);
        assertTrue(in.socketWrapper.events.isEmpty(), "no read event asked for: " + in.socketWrapper.events);
    }

    // Where the application's thread reads too (APPLICATION_THREAD, the default on containers
    // other than Tomcat and WildFly): the container announced input just as a reader left
    // (isReady() had said no), found it still reading, and nobody read that input.
    @Test
    void inputAnnouncedWhileTheReaderLeavesIsReadBeforeItLeaves() throws IOException {
        LateInput late = new LateInput(masked(1, 100));
        new WebSocketUpgradeHandler(handler, info(), Limits.DEFAULT, Runnable::run, false, sessions,
                ReadResumption.APPLICATION_THREAD, List.of()).init(new TestConnection(late, new ScriptedOutput(() -> true)));
        late.listener.onDataAvailable();
        assertEquals(0, late.remaining(), "the input was read");
        assertEquals(1, handler.messages);
    }

    /** The peer reads: the container's write event comes. */
    private void peerReads() throws IOException {
        peerReading = true;
        out.listener.onWritePossible();
    }

    private void runAppTasks() {
        Runnable task;
        while ((task = appTasks.poll()) != null) {
            task.run();
        }
    }

    private static HandshakeInfo info() {
        return new HandshakeInfo("ws://localhost/echo", Map.of(), null, Map.of(), Map.of(),
                "", List.of(), null, null, false);
    }

    /** {@code count} binary messages of {@code size} bytes, one frame each, masked with a zero key. */
    private static byte[] masked(int count, int size) {
        ByteBuffer all = ByteBuffer.allocate(count * (size + 8));
        for (int i = 0; i < count; i++) {
            all.put((byte) 0x82).put((byte) (0x80 | 126)).putShort((short) size).putInt(0);
            for (int b = 0; b < size; b++) {
                all.put((byte) (i + b));
            }
        }
        return all.array();
    }

    /** Counts whole messages; sends one text message when opened. */
    private static final class CountingHandler implements FrameHandler {
        int messages;

        @Override
        public void onOpen(WebSocketSession session) {
            try {
                session.sendText("hello");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onMessagePart(MessageType type, ByteBuffer part, boolean last) {
            if (last) {
                messages++;
            }
        }

        @Override
        public void onClose(CloseStatus status) {
        }
    }

    /** Tomcat's socket wrapper as far as the engine reaches it: records the events asked for. */
    public static final class SocketWrapper {
        final List<SocketEvent> events = new ArrayList<>();

        public void processSocket(SocketEvent event, boolean dispatch) {
            events.add(event);
        }
    }

    /**
     * Input that arrives at the moment the reader is told there is none: the first {@code isReady()}
     * says no and, before it returns, the container announces the input (a nested
     * {@code onDataAvailable}), as another thread could at that moment.
     */
    private static final class LateInput extends ContainerInput {
        private boolean arrived;

        LateInput(byte[] data) {
            super(data);
        }

        @Override
        public boolean isReady() {
            if (!arrived) {
                arrived = true;
                try {
                    listener.onDataAvailable();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return false;
            }
            return super.isReady();
        }
    }

    /** Input already in the container's buffer: ready while any is left, and no event announces it. */
    private static class ContainerInput extends ServletInputStream {
        /** Reached by its name, as Tomcat's is. */
        final SocketWrapper socketWrapper = new SocketWrapper();
        private final ByteBuffer data;
        ReadListener listener;

        ContainerInput(byte[] data) {
            this.data = ByteBuffer.wrap(data);
        }

        int remaining() {
            return data.remaining();
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return data.hasRemaining();
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            this.listener = readListener;
        }

        @Override
        public int read() {
            return data.hasRemaining() ? data.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, data.remaining());
            data.get(b, off, n);
            return n;
        }
    }
}
