package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Done when": the unmodified {@code PlainEchoEndpoint} (an echo of whole text and
 * {@code ByteBuffer} messages through {@code getBasicRemote()}, with {@code @OnError}) works.
 */
public interface PlainEchoChecks extends ApiTarget {

    @Test
    default void plainEchoEchoesTextAndBinary() {
        // Below 8 KiB: Tomcat's default message buffer (larger messages close with 1009 there).
        byte[] data = new byte[8000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        try (ApiClient client = ApiClient.open(base(), "plain-echo")) {
            assertEquals("hello, ünïcode ☃", client.request("hello, ünïcode ☃"));
            client.sendBinary(data);
            assertArrayEquals(data, client.nextBinary());
            assertEquals(1000, client.closeAndAwait(1000, "bye").code());
        }
    }
}
