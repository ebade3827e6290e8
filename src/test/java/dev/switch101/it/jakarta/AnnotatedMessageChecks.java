package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * Annotated endpoints (Jakarta WebSocket 2.1 §4.1–§4.7): {@code @OnOpen} and {@code @OnMessage}
 * with every message form the spec lists, optional parameters in any order, return values.
 */
public interface AnnotatedMessageChecks extends ApiTarget {

    // §4.7: String for whole text, ByteBuffer for whole binary; §4.7 return values are sent back;
    // §4.3: @OnOpen's optional Session and EndpointConfig in any order.
    @Test
    default void wholeTextAndByteBufferAreDeliveredAndReturnValuesSentBack() {
        try (ApiClient client = ApiClient.open(base(), "api/whole")) {
            assertEquals("open:true:true", client.nextText());
            assertEquals("text:héllo", client.request("héllo"));
            client.sendBinary(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {'B', 1, 2, 3}, client.nextBinary());
            assertEquals("text:", client.request(""), "an empty text message is a message");
        }
    }

    // §4.7: byte[] for whole binary, returned byte[] sent as binary.
    @Test
    default void byteArrayIsDeliveredAndReturnedAsBinary() {
        try (ApiClient client = ApiClient.open(base(), "api/bytes")) {
            client.sendBinary(new byte[] {1, 2, 3, 4});
            assertArrayEquals(new byte[] {4, 3, 2, 1}, client.nextBinary());
        }
    }

    // §4.7: partial text (String, boolean last) and partial binary (ByteBuffer, boolean last);
    // fragments sent by the client are joined by the endpoint in order.
    @Test
    default void partialTextAndBinaryArriveInOrderWithLastOnTheFinalPart() {
        try (ApiClient client = ApiClient.open(base(), "api/partial")) {
            client.sendText("frag", false).sendText("men", false).sendText("ted", true);
            assertEquals("text:fragmented:parts>=1=true", client.nextText());
            byte[] whole = new byte[300];
            Arrays.fill(whole, (byte) 7);
            client.sendBinary(Arrays.copyOfRange(whole, 0, 100), false).sendBinary(Arrays.copyOfRange(whole, 100, 300), true);
            assertEquals("binary:300:" + Arrays.hashCode(whole) + ":parts>=1=true", client.nextText());
        }
    }

    // §4.7: a text message as a java.io.Reader, a binary one as a java.io.InputStream (blocking streams).
    @Test
    default void readerAndInputStreamReadTheWholeMessage() {
        String text = "ü".repeat(5000);
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (ApiClient client = ApiClient.open(base(), "api/streams")) {
            assertEquals("reader:5000:" + text.hashCode(), client.request(text));
            client.sendBinary(data);
            assertEquals("stream:70000:" + Arrays.hashCode(data), client.nextText());
        }
    }

    // §4.7 (and §5.x built-in decoders): text to a primitive int and to a boxed Boolean; returned
    // primitives and boxes go back as text.
    @Test
    default void primitivesAndBoxesAreDecodedFromTextAndReturnedAsText() {
        try (ApiClient client = ApiClient.open(base(), "api/int")) {
            assertEquals("42", client.request("21"));
            assertEquals("-8", client.request("-4"));
        }
        try (ApiClient client = ApiClient.open(base(), "api/boxed")) {
            assertEquals("false", client.request("true"));
        }
    }

    // §4.7/§5.x: a text that is no int cannot be decoded: a DecodeException reaches @OnError, and the
    // session stays open.
    @Test
    default void textThatIsNoNumberGivesDecodeExceptionToOnError() {
        try (ApiClient client = ApiClient.open(base(), "api/int")) {
            client.sendText("forty-two");
            String error = client.nextText();
            assertEquals("error:DecodeException", error.substring(0, Math.min(error.length(), "error:DecodeException".length())), error);
            assertEquals("2", client.request("1"), "the session goes on after the error");
        }
    }

    // §4.3/§4.7 and @PathParam javadoc: template variables to String, int and Long, in any
    // position among Session/EndpointConfig, in @OnOpen and @OnMessage.
    @Test
    default void pathParametersReachOnOpenAndOnMessageAsStringIntAndLong() {
        try (ApiClient client = ApiClient.open(base(), "api/chat/lobby/7")) {
            assertEquals("open:lobby:7", client.nextText());
            assertEquals("lobby:8:hi", client.request("hi"));
        }
    }
}
