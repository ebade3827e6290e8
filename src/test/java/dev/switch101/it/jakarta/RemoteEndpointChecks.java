package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** {@code RemoteEndpoint.Basic} and {@code RemoteEndpoint.Async} (their javadoc; Jakarta WebSocket 2.1 §2.1.x). */
public interface RemoteEndpointChecks extends ApiTarget {

    @Test
    default void basicSendsTextBinaryAndPartialMessages() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            assertEquals("basic-text", client.request("text"));
            client.sendText("binary");
            assertArrayEquals(new byte[] {1, 2, 3, 4}, client.nextBinary());
            assertEquals("partial", client.request("partial-text"));
            client.sendText("partial-binary");
            assertArrayEquals(new byte[] {1, 2, 3}, client.nextBinary());
        }
    }

    // getSendStream / getSendWriter: one message, finished by close().
    @Test
    default void basicSendStreamAndSendWriterSendOneMessageEach() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            client.sendText("stream");
            assertArrayEquals(new byte[] {9, 8, 7}, client.nextBinary());
            assertEquals("written", client.request("writer"));
        }
    }

    // sendObject: the endpoint's encoder for Point; the built-in ones for boxed primitives and String.
    @Test
    default void basicSendObjectUsesEncodersAndTheBuiltInConversions() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            assertEquals("(1|2)", client.request("object-point"));
            assertEquals("42", client.request("object-int"));
            assertEquals("plain", client.request("object-string"));
        }
    }

    // sendPing reaches the peer (whose pong comes back to @OnMessage PongMessage); sendPong is an
    // unsolicited pong (RFC 6455 §5.5.3).
    @Test
    default void basicPingAndPongReachThePeerAndItsPongReachesTheEndpoint() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            client.sendText("ping");
            assertArrayEquals(utf8("are-you-there"), client.expect(ApiClient.Ping.class).data());
            assertEquals("pong:are-you-there", client.nextText(), "the JDK's automatic pong reaches @OnMessage(PongMessage)");
            client.sendText("pong");
            assertArrayEquals(utf8("unsolicited"), client.expect(ApiClient.Pong.class).data());
        }
    }

    // @OnMessage(PongMessage) also gets an unsolicited pong from the peer.
    @Test
    default void unsolicitedPongFromThePeerReachesOnMessagePongMessage() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            client.sendPong(utf8("hello-pong"));
            assertEquals("pong:hello-pong", client.nextText());
        }
    }

    // RemoteEndpoint.Basic javadoc: a send while another message is unfinished (here a partial text)
    // throws IllegalStateException; the partial message then completes untouched.
    @Test
    default void basicWholeSendDuringAPartialMessageIsAnIllegalStateException() {
        try (ApiClient client = ApiClient.open(base(), "api/basic")) {
            client.sendText("overlap");
            assertEquals("first-half", client.nextText());
            assertEquals("overlap:IllegalStateException", client.nextText());
        }
    }

    @Test
    default void asyncSendsWithFutureAndSendHandler() {
        try (ApiClient client = ApiClient.open(base(), "api/async")) {
            assertEquals("via-future", client.request("future"));
            assertEquals("future-done:true", client.nextText());
            client.sendText("binary-future");
            assertArrayEquals(new byte[] {5, 6, 7}, client.nextBinary());
            assertEquals("via-handler", client.request("handler"));
            assertEquals("handler-ok:true:null", client.nextText());
            client.sendText("binary-handler");
            assertArrayEquals(new byte[] {8}, client.nextBinary());
            assertEquals("binary-handler-ok:true", client.nextText());
            assertEquals("(3|4)", client.request("object-future"));
            assertEquals("(5|6)", client.request("object-handler"));
            assertEquals("object-handler-ok:true", client.nextText());
        }
    }

    @Test
    default void asyncSendTimeoutIsSettableAndBatchingDeliversEverything() {
        try (ApiClient client = ApiClient.open(base(), "api/async")) {
            assertEquals("send-timeout:true:4321", client.request("timeout"));
            assertEquals("batched-1", client.request("batch"));
            assertEquals("batched-2", client.nextText());
            assertEquals("batching-allowed:false", client.nextText());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
