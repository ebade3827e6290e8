package dev.switch101.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.WebConnection;

import dev.switch101.examples.EchoHandler;
import dev.switch101.io.ReadResumption;
import dev.switch101.io.WebSocketUpgradeHandler;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.Sessions;

/**
 * The engine's own share of an idle connection, without any container: {@code bench.connections}
 * (10,000) {@link WebSocketUpgradeHandler}s initialised on stub streams (no input ready, output
 * ready), the heap after GC before and after, per connection. Twice: with an empty
 * {@link HandshakeInfo}, and with the one {@code WebSocketProtocol} builds for the idle-memory
 * client's request (5 headers, as lists, a URI, no parameters), so that the handshake facts'
 * share shows separately. Run: {@code java -cp <test classpath> dev.switch101.bench.EngineFootprint}.
 */
public final class EngineFootprint {

    private EngineFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.connections", 10_000);
        HandshakeInfo empty = new HandshakeInfo("ws://127.0.0.1/switch101/echo", Map.of(), null, Map.of(),
                Map.of(), "", List.of(), null, null, false);
        measure("engine, empty HandshakeInfo", n, () -> empty);
        measure("engine, HandshakeInfo of the idle-memory client", n, EngineFootprint::clientHandshake);
    }

    /** What WebSocketProtocol keeps for the idle-memory client's request: a fresh copy per connection. */
    private static HandshakeInfo clientHandshake() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", new ArrayList<>(List.of(new String("127.0.0.1:55083"))));
        headers.put("upgrade", new ArrayList<>(List.of(new String("websocket"))));
        headers.put("connection", new ArrayList<>(List.of(new String("Upgrade"))));
        headers.put("sec-websocket-version", new ArrayList<>(List.of(new String("13"))));
        headers.put("sec-websocket-key", new ArrayList<>(List.of(new String("AAAAAAAAAAAAAAAAAAAAAA=="))));
        return new HandshakeInfo(new String("http://127.0.0.1:55083/switch101/echo"), headers, null,
                new LinkedHashMap<>(), new LinkedHashMap<>(), "", new ArrayList<>(), null, null, false);
    }

    private static void measure(String what, int n, java.util.function.Supplier<HandshakeInfo> handshake)
            throws Exception {
        Sessions sessions = new Sessions();
        Executor direct = Runnable::run;
        List<Object> kept = new ArrayList<>(n);
        // Warm-up: classes loaded, lambdas linked.
        for (int i = 0; i < 100; i++) {
            open(handshake.get(), sessions, direct);
        }
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            kept.add(open(handshake.get(), sessions, direct));
        }
        long after = usedAfterGc();
        System.out.printf("[engine-footprint] %s: %.2f KiB per idle connection (%,d connections)%n", what,
                (after - before) / 1024.0 / n, kept.size());
        sessions.close();
    }

    private static Object[] open(HandshakeInfo info, Sessions sessions, Executor executor) {
        WebSocketUpgradeHandler handler = new WebSocketUpgradeHandler(new EchoHandler(), info, Limits.DEFAULT,
                executor, false, sessions, ReadResumption.APPLICATION_THREAD, List.of());
        StubConnection connection = new StubConnection();
        handler.init(connection);
        // The container keeps the handler and its connection's streams (and so the listeners).
        return new Object[] {handler, connection};
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
        }
        return least;
    }

    /** Streams that keep their listeners, as a container does; no input is ready, output always is. */
    private static final class StubConnection implements WebConnection {
        private final ServletInputStream in = new ServletInputStream() {
            private ReadListener listener;

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return false;
            }

            @Override
            public void setReadListener(ReadListener readListener) {
                this.listener = readListener;
            }

            @Override
            public int read() {
                return -1;
            }
        };
        private final ServletOutputStream out = new ServletOutputStream() {
            private WriteListener listener;

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener writeListener) {
                this.listener = writeListener;
            }

            @Override
            public void write(int b) {
            }
        };

        @Override
        public ServletInputStream getInputStream() {
            return in;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
