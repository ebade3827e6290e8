package dev.switch101.frame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test listener that records parser events as strings. Consecutive payload chunks of one frame are
 * merged into a single "payload" event, so the record does not depend on how the input was split;
 * {@link #chunkCount()} keeps the raw number of chunks for tests that care.
 */
class RecordingListener implements FrameListener {

    private final List<String> events = new ArrayList<>();
    private final StringBuilder payload = new StringBuilder();
    private boolean inPayload;
    private int chunkCount;

    @Override
    public void onFrameHeader(FrameHeader header) {
        events.add("header " + header);
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        if (!chunk.hasRemaining()) {
            events.add("EMPTY CHUNK");
        }
        chunkCount++;
        inPayload = true;
        byte[] bytes = new byte[chunk.remaining()];
        chunk.duplicate().get(bytes);
        payload.append(HexFormat.of().formatHex(bytes));
    }

    @Override
    public void onFrameEnd() {
        if (inPayload) {
            events.add("payload " + payload);
            payload.setLength(0);
            inPayload = false;
        }
        events.add("end");
    }

    List<String> events() {
        return events;
    }

    int chunkCount() {
        return chunkCount;
    }

    /** Expected "payload" event for the given bytes. */
    static String payload(byte[] bytes) {
        return "payload " + HexFormat.of().formatHex(bytes);
    }

    static String header(boolean fin, int rsv, OpCode opCode, long length, boolean masked) {
        return "header " + new FrameHeader(fin, rsv, opCode, length, masked);
    }
}
