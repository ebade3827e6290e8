package dev.switch101.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One selector thread driving many {@link EchoConnection}s without blocking. Other threads talk
 * to it only through {@link #execute} and the counters, which they read while it runs.
 * In the handshake row it keeps a fixed number of connections in their lifecycle and replaces
 * each one that finished by a new one, up to a limit.
 */
final class EventLoop implements Runnable {

    private final Row row;
    private final Target target;
    private final InetSocketAddress address;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<EchoConnection> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<EchoConnection> all = new ArrayList<>();
    private long seed;

    private final AtomicLong echoedMessages = new AtomicLong();
    private final AtomicLong echoedBytes = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private volatile boolean sending;
    private volatile boolean stopped;
    private volatile long handshakeLimit;
    private long started;
    private volatile RuntimeException failure;
    private volatile String notApplicable;

    EventLoop(Row row, Target target, long seed, String name) throws IOException {
        this.row = row;
        this.target = target;
        this.address = new InetSocketAddress(target.host(), target.port());
        this.seed = seed;
        this.selector = Selector.open();
        this.thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Runs {@code task} on the loop's thread. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Opens {@code count} connections (each keeps going until closed). */
    void open(int count) {
        execute(() -> {
            for (int i = 0; i < count; i++) {
                openOne();
            }
        });
    }

    /** Handshake row: lets the loop start connections until {@code limit} have been started. */
    void handshakeLimit(long limit) {
        this.handshakeLimit = limit;
    }

    void sending(boolean on) {
        sending = on;
        if (on) {
            execute(() -> each(EchoConnection::topUp));
        }
    }

    boolean sending() {
        return sending;
    }

    void closeAll() {
        execute(() -> each(EchoConnection::close));
    }

    /** Stops the loop and drops whatever is still open. */
    void stop() throws InterruptedException {
        stopped = true;
        selector.wakeup();
        thread.join(10_000);
        for (EchoConnection c : List.copyOf(live)) {
            c.abort();
        }
        try {
            selector.close();
        } catch (IOException e) {
            note("closing the selector: " + e);
        }
    }

    long echoedMessages() {
        return echoedMessages.get();
    }

    long echoedBytes() {
        return echoedBytes.get();
    }

    long inFlight() {
        return inFlight.get();
    }

    int opened() {
        return opened.get();
    }

    int closed() {
        return closed.get();
    }

    RuntimeException failure() {
        return failure;
    }

    String notApplicable() {
        return notApplicable;
    }

    // ---- called by connections, on the loop's thread ----

    void sent(int messages) {
        inFlight.addAndGet(messages);
    }

    void echoed(int bytes) {
        inFlight.decrementAndGet();
        echoedBytes.addAndGet(bytes);
        echoedMessages.incrementAndGet();
    }

    void opened(EchoConnection connection) throws IOException {
        opened.incrementAndGet();
        if (row.handshakes()) {
            connection.close();
        } else if (sending) {
            connection.topUp();
        }
    }

    void closed(EchoConnection connection) {
        live.remove(connection);
        closed.incrementAndGet();
        if (row.handshakes() && started < handshakeLimit && !stopped) {
            openOne();
        }
    }

    void notApplicable(String why) {
        notApplicable = why;
    }

    void note(String message) {
        System.err.println("[load] " + message);
    }

    // ---- the loop ----

    @Override
    public void run() {
        try {
            while (!stopped) {
                selector.select(100);
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    dispatch(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            fail(null, e);
        }
    }

    private void dispatch(SelectionKey key) {
        EchoConnection connection = (EchoConnection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                connection.onConnectable();
            }
            if (key.isValid() && key.isWritable()) {
                connection.onWritable();
            }
            if (key.isValid() && key.isReadable()) {
                connection.onReadable();
            }
        } catch (IOException | RuntimeException e) {
            fail(connection, e);
        }
    }

    private void openOne() {
        EchoConnection connection = new EchoConnection(this, row, target, seed++);
        started++;
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(address);
            SelectionKey key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT,
                    connection);
            live.add(connection);
            if (!row.handshakes()) {
                all.add(connection);
            }
            connection.start(channel, key, connected);
        } catch (IOException | RuntimeException e) {
            fail(connection, e);
        }
    }

    private void each(IoAction action) {
        for (EchoConnection c : all) {
            if (c.isDone()) {
                continue;
            }
            try {
                action.run(c);
            } catch (IOException | RuntimeException e) {
                fail(c, e);
            }
        }
    }

    private void fail(EchoConnection connection, Throwable e) {
        if (failure == null) {
            failure = e instanceof BenchFailure b ? b
                    : new BenchFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (connection != null) {
            live.remove(connection);
            connection.abort();
        }
    }

    private interface IoAction {
        void run(EchoConnection connection) throws IOException;
    }
}
