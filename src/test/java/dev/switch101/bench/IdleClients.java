package dev.switch101.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Many WebSocket connections on one thread (non-blocking sockets, one selector): each one does
 * the opening handshake (101 expected), sends one masked text message, reads its echo, and then
 * stays open and silent. At most {@link #IN_FLIGHT} handshakes are under way at once, so the
 * server's accept backlog never overflows.
 */
final class IdleClients implements AutoCloseable {

    private static final int IN_FLIGHT = 200;
    private static final byte[] MESSAGE = "hi".getBytes(StandardCharsets.US_ASCII);
    /** The echo of {@link #MESSAGE}: FIN + text, unmasked length 2, the payload. */
    private static final int ECHO_LENGTH = 2 + MESSAGE.length;

    private final List<SocketChannel> open = new ArrayList<>();

    /** Opens {@code count} idle connections to {@code path}; fails if any is refused or its echo is wrong. */
    static IdleClients open(int port, String path, int count, long timeoutMillis) throws IOException {
        IdleClients clients = new IdleClients();
        try {
            clients.connect(port, path, count, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            clients.close();
            throw e;
        }
        return clients;
    }

    int size() {
        return open.size();
    }

    private void connect(int port, String path, int count, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (Selector selector = Selector.open()) {
            int started = 0;
            int inFlight = 0;
            while (open.size() < count) {
                while (inFlight < IN_FLIGHT && started < count) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.connect(address);
                    channel.register(selector, SelectionKey.OP_CONNECT, new Handshake(request));
                    started++;
                    inFlight++;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(open.size() + " of " + count + " connections up when time ran out");
                }
                selector.select(1000);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    Handshake state = (Handshake) key.attachment();
                    if (key.isConnectable()) {
                        channel.finishConnect();
                        channel.write(ByteBuffer.wrap(state.request));
                        key.interestOps(SelectionKey.OP_READ);
                    } else if (key.isReadable() && state.read(channel)) {
                        key.cancel();
                        open.add(channel);
                        inFlight--;
                    }
                }
                selector.selectedKeys().clear();
            }
            selector.selectNow(); // deregisters the cancelled keys before the channels leave the selector
        }
        for (SocketChannel channel : open) {
            channel.configureBlocking(true);
        }
    }

    /** One connection's progress: the response head, then the echo of its message. */
    private static final class Handshake {
        private final byte[] request;
        private final ByteBuffer in = ByteBuffer.allocate(1024);
        private int headEnd = -1;

        Handshake(byte[] request) {
            this.request = request;
        }

        /** Reads what arrived; {@code true} once the echo is complete. */
        boolean read(SocketChannel channel) throws IOException {
            if (channel.read(in) < 0) {
                throw new IOException("the server closed a connection during the handshake: " + text());
            }
            if (headEnd < 0) {
                String text = text();
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    return false;
                }
                if (!text.startsWith("HTTP/1.1 101")) {
                    throw new IOException("handshake refused: " + text.lines().findFirst().orElse(""));
                }
                headEnd = end + 4;
                channel.write(ByteBuffer.wrap(maskedText(MESSAGE)));
            }
            if (in.position() < headEnd + ECHO_LENGTH) {
                return false;
            }
            byte[] echo = new byte[ECHO_LENGTH];
            in.get(headEnd, echo);
            if (echo[0] != (byte) 0x81 || echo[1] != MESSAGE.length || echo[2] != MESSAGE[0] || echo[3] != MESSAGE[1]) {
                throw new IOException("wrong echo");
            }
            return true;
        }

        private String text() {
            return new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] maskedText(byte[] payload) {
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    @Override
    public void close() {
        for (SocketChannel channel : open) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        open.clear();
    }
}
