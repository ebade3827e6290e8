package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Decoders and encoders (Jakarta WebSocket 2.1 §4.1.x {@code decoders}/{@code encoders}, the
 * Decoder/Encoder javadoc): every kind, {@code willDecode}, {@code init} before use, and
 * DecodeException/EncodeException routed to {@code @OnError}.
 */
public interface CoderChecks extends ApiTarget {

    // Decoder.Text with willDecode, Encoder.Text for the return value; decode needs init first.
    @Test
    default void textDecoderAndTextEncoderCarryAPoint() {
        try (ApiClient client = ApiClient.open(base(), "api/decode/text")) {
            assertEquals("(4|3)", client.request("3,4"));
        }
    }

    @Test
    default void textStreamDecoderAndEncoderCarryAPoint() {
        try (ApiClient client = ApiClient.open(base(), "api/decode/text-stream")) {
            assertEquals("(-2|1)", client.request("1,-2"));
        }
    }

    @Test
    default void binaryDecoderAndEncoderCarryAPoint() {
        try (ApiClient client = ApiClient.open(base(), "api/decode/binary")) {
            client.sendBinary(point(5, 6));
            assertArrayEquals(point(6, 5), client.nextBinary());
        }
    }

    @Test
    default void binaryStreamDecoderAndEncoderCarryAPoint() {
        try (ApiClient client = ApiClient.open(base(), "api/decode/binary-stream")) {
            client.sendBinary(point(7, 8));
            assertArrayEquals(point(8, 7), client.nextBinary());
        }
    }

    // Decoder.decode throws DecodeException → @OnError (§4.5: errors of message processing); the
    // session stays open.
    @Test
    default void decodeExceptionReachesOnError() {
        try (ApiClient client = ApiClient.open(base(), "api/decode/text")) {
            String error = client.request("a,b");
            assertTrue(error.startsWith("error:DecodeException:"), error);
            assertEquals("(2|1)", client.request("1,2"), "the session goes on after the error");
        }
    }

    // Encoder.encode throws EncodeException while the container sends a return value → @OnError.
    @Test
    default void encodeExceptionOfAReturnValueReachesOnError() {
        try (ApiClient client = ApiClient.open(base(), "api/encode-failure")) {
            String error = client.request("return");
            assertTrue(error.startsWith("error:EncodeException:"), error);
        }
    }

    // RemoteEndpoint.Basic.sendObject throws EncodeException, which leaves @OnMessage → @OnError.
    @Test
    default void encodeExceptionOfSendObjectReachesOnError() {
        try (ApiClient client = ApiClient.open(base(), "api/encode-failure")) {
            String error = client.request("send");
            assertTrue(error.startsWith("error:EncodeException:"), error);
        }
    }

    // Decoder/Encoder javadoc: init(EndpointConfig) when put into service, destroy() when taken out
    // of service; a closed session's coders are out of service.
    @Test
    default void codersAreInitializedAndDestroyedWithTheirSession() throws InterruptedException {
        int destroysBefore;
        try (ApiClient probe = ApiClient.open(base(), "api/coder-lifecycle")) {
            destroysBefore = destroys(probe.request("?"));
            try (ApiClient client = ApiClient.open(base(), "api/decode/text")) {
                assertEquals("(9|8)", client.request("8,9"));
                client.closeAndAwait(1000, "done");
            }
            long deadline = System.nanoTime() + ApiClient.WAIT.toNanos();
            int destroys;
            do {
                Thread.sleep(50);
                destroys = destroys(probe.request("?"));
            } while (destroys <= destroysBefore && System.nanoTime() < deadline);
            assertTrue(destroys > destroysBefore, "no coder destroyed after the session closed");
        }
    }

    private static int destroys(String counts) {
        Matcher matcher = Pattern.compile("inits=(\\d+):destroys=(\\d+)").matcher(counts);
        assertTrue(matcher.matches(), counts);
        return Integer.parseInt(matcher.group(2));
    }

    private static byte[] point(int x, int y) {
        return ByteBuffer.allocate(8).putInt(x).putInt(y).array();
    }
}
