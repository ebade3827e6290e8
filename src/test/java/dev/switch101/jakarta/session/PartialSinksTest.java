package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.MessageHandler;

/**
 * {@code MessageHandler.Partial}: each part as it comes, with {@code last}; text parts are whole
 * characters (one split between parts goes with the later part), binary parts are copies.
 */
class PartialSinksTest {

    @Test
    void textPartsAreWholeCharactersAndTheLastFlagEndsTheMessage() throws Exception {
        List<String> parts = new ArrayList<>();
        List<Boolean> lasts = new ArrayList<>();
        MessageHandler.Partial<String> handler = (part, last) -> {
            parts.add(part);
            lasts.add(last);
        };
        HandlerBinding binding = HandlerBinding.partial(String.class, handler);
        MessageSink sink = binding.sinks().apply(null);
        byte[] bytes = "a€b".getBytes(StandardCharsets.UTF_8); // € is 3 bytes: split after its first
        sink.onPart(ByteBuffer.wrap(bytes, 0, 2), false);
        sink.onPart(ByteBuffer.wrap(bytes, 2, 1), false); // completes nothing: not delivered
        sink.onPart(ByteBuffer.wrap(bytes, 3, 2), true);
        assertEquals(List.of("a", "€b"), parts);
        assertEquals(List.of(false, true), lasts);
    }

    @Test
    void emptyTextMessageIsDeliveredAsAnEmptyLastPart() throws Exception {
        List<String> parts = new ArrayList<>();
        MessageHandler.Partial<String> handler = (part, last) -> parts.add(part + ":" + last);
        HandlerBinding.partial(String.class, handler).sinks().apply(null).onPart(ByteBuffer.allocate(0), true);
        assertEquals(List.of(":true"), parts);
    }

    @Test
    void binaryPartsAreCopiesTheHandlerMayKeep() throws Exception {
        List<byte[]> arrays = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        MessageHandler.Partial<byte[]> toArrays = (part, last) -> arrays.add(part);
        MessageHandler.Partial<ByteBuffer> toBuffers = (part, last) -> buffers.add(part);
        ByteBuffer reused = ByteBuffer.wrap(new byte[] {1, 2});
        HandlerBinding.partial(byte[].class, toArrays).sinks().apply(null).onPart(reused.duplicate(), false);
        HandlerBinding.partial(ByteBuffer.class, toBuffers).sinks().apply(null).onPart(reused.duplicate(), true);
        reused.put(0, (byte) 9); // the engine reuses its read buffer
        assertArrayEquals(new byte[] {1, 2}, arrays.get(0));
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), buffers.get(0));
    }
}
