package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.switch101.it.jakarta.fixtures.IdleEndpoint;

/**
 * Errors, limits and closing (Jakarta WebSocket 2.1 §4.5, §4.6, §4.7 maxMessageSize; RFC 6455 §7.4).
 */
public interface ErrorAndCloseChecks extends ApiTarget {

    // §4.5: an exception thrown by @OnMessage goes to @OnError; the session is not closed for it.
    @Test
    default void exceptionFromOnMessageReachesOnErrorAndTheSessionGoesOn() {
        try (ApiClient client = ApiClient.open(base(), "api/throws")) {
            assertEquals("error:IllegalArgumentException:thrown by @OnMessage", client.request("boom"));
            assertEquals("ok:after", client.request("after"));
        }
    }

    // §4.7 maxMessageSize: a text message above it closes the session with 1009 (RFC 6455 §7.4.1).
    @Test
    default void textAboveMaxMessageSizeClosesWith1009() {
        try (ApiClient client = ApiClient.open(base(), "api/max-size")) {
            assertEquals("12345678", client.request("12345678"), "exactly the limit is allowed");
            client.sendText("123456789");
            ApiClient.assertCloseCode(1009, client.nextClose());
        }
    }

    @Test
    default void binaryAboveMaxMessageSizeClosesWith1009() {
        try (ApiClient client = ApiClient.open(base(), "api/max-size")) {
            client.sendBinary(new byte[9]);
            ApiClient.assertCloseCode(1009, client.nextClose());
        }
    }

    // Session.close(CloseReason): the peer gets that code and reason.
    @Test
    default void sessionCloseSendsItsCodeAndReason() {
        try (ApiClient client = ApiClient.open(base(), "api/close")) {
            client.sendText("close:4001:server says bye");
            ApiClient.Closed closed = client.nextClose();
            assertEquals(4001, closed.code(), closed.toString());
            assertEquals("server says bye", closed.reason());
        }
    }

    // §4.6: @OnClose gets the CloseReason of the peer's close frame (code and reason).
    @Test
    default void onCloseGetsThePeersCodeAndReason() throws InterruptedException {
        String name = "peer-close-" + System.nanoTime();
        try (ApiClient client = ApiClient.open(base(), "api/close")) {
            assertEquals("named:" + name, client.request("name:" + name));
            ApiClient.Closed answer = client.closeAndAwait(4002, "client says bye");
            assertEquals(4002, answer.code(), "the server echoes the close code (RFC 6455 §5.5.1)");
        }
        try (ApiClient log = ApiClient.open(base(), "api/close-log")) {
            String recorded = log.request(name);
            long deadline = System.nanoTime() + ApiClient.WAIT.toNanos();
            while (recorded.equals("none") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                recorded = log.request(name);
            }
            assertTrue(recorded.startsWith("4002:client says bye:"), recorded);
        }
    }

    // Session.setMaxIdleTimeout: an inactive session is closed by the container (the code is not
    // specified; what each implementation sends is printed).
    @Test
    default void idleSessionIsClosedByTheContainer() {
        try (ApiClient client = ApiClient.open(base(), "api/idle")) {
            assertEquals("idle:" + IdleEndpoint.IDLE_MILLIS, client.nextText());
            ApiClient.Closed closed = client.nextClose();
            System.out.println("[apitests] idle close on " + base() + ": " + closed);
            assertTrue(closed.code() == 1000 || closed.code() == 1001, closed.toString());
        }
    }
}
