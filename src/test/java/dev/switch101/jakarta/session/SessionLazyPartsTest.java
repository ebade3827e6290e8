package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import dev.switch101.session.CoreSession;
import dev.switch101.session.HandshakeInfo;
import dev.switch101.session.Limits;
import dev.switch101.session.Transport;

/**
 * The parts of a session made on first use, not at open (an idle connection should not hold
 * them): the async remote and the user properties. Whoever asks first, and however many ask at
 * once, every caller gets the one object for the session's life.
 */
class SessionLazyPartsTest {

    private static final int RACERS = 8;

    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void racingFirstCallersOfGetAsyncRemoteAllGetOneRemote() throws Exception {
        for (int round = 0; round < 200; round++) {
            Session session = open(new HashMap<>());
            List<RemoteEndpoint.Async> seen = race(session::getAsyncRemote);
            seen.forEach(remote -> assertSame(seen.get(0), remote));
            assertSame(seen.get(0), session.getAsyncRemote());
        }
    }

    @Test
    void racingFirstCallersOfGetUserPropertiesAllGetOneMapAndKeepWhatIsPut() throws Exception {
        for (int round = 0; round < 200; round++) {
            Session session = open(new HashMap<>());
            List<Map<String, Object>> seen = race(session::getUserProperties);
            seen.forEach(map -> assertSame(seen.get(0), map));
            session.getUserProperties().put("k", "v");
            assertEquals("v", session.getUserProperties().get("k"));
        }
    }

    @Test
    void theHandshakesPropertiesAreACopyTheSessionStartsWith() {
        Map<String, Object> configured = new HashMap<>(Map.of("from-handshake", 1));
        configured.put("null-valued", null);
        Session session = open(configured);
        assertEquals(Map.of("from-handshake", 1), session.getUserProperties());
        session.getUserProperties().put("later", 2);
        assertEquals(2, configured.size(), "the config's own map is not the session's");
    }

    @Test
    void theIdIsTheSameTextOnEveryCallAndDiffersBetweenSessions() {
        Session a = open(new HashMap<>());
        Session b = open(new HashMap<>());
        assertEquals(a.getId(), a.getId());
        assertNotEquals(a.getId(), b.getId());
    }

    private <T> List<T> race(Callable<T> first) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return first.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    /** A Jakarta session on an engine session whose transport drops what is sent. */
    private static Session open(Map<String, Object> userProperties) {
        Session[] opened = new Session[1];
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                opened[0] = session;
            }
        };
        SessionSetup setup = new SessionSetup(endpoint, new TestConfig(List.of(), List.of(), userProperties),
                container(), Map.of(), new OpenSessions(), Runnable::run);
        HandshakeInfo info = new HandshakeInfo("ws://localhost/x", Map.of(), null, Map.of(), Map.of(), "",
                List.of(), null, null, false);
        new CoreSession(new EndpointFrameHandler(setup), info, Limits.DEFAULT, new DroppingTransport(),
                Runnable::run).start();
        assertNotNull(opened[0], "onOpen ran");
        return opened[0];
    }

    /** A container with the API's defaults: no timeouts, 8 KiB buffers. */
    private static WebSocketContainer container() {
        return (WebSocketContainer) Proxy.newProxyInstance(SessionLazyPartsTest.class.getClassLoader(),
                new Class<?>[] {WebSocketContainer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDefaultAsyncSendTimeout", "getDefaultMaxSessionIdleTimeout" -> 0L;
                    case "getDefaultMaxTextMessageBufferSize", "getDefaultMaxBinaryMessageBufferSize" -> 8192;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class DroppingTransport implements Transport {
        @Override
        public void writeData(byte[] frame, long deadline) {
        }

        @Override
        public void flush() {
        }

        @Override
        public boolean writeControl(byte[] frame) {
            return true;
        }

        @Override
        public void writeClose(byte[] frame) {
        }

        @Override
        public void closeAfterFlush() {
        }

        @Override
        public void abort() {
        }

        @Override
        public void demand() {
        }
    }
}
