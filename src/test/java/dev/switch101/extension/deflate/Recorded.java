package dev.switch101.extension.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;

/** Records what leaves the extension stack towards the application: one line per frame, and the message bytes. */
final class Recorded implements FrameListener {

    final List<String> frames = new ArrayList<>();
    final ByteArrayOutputStream message = new ByteArrayOutputStream();
    int largestPayload;
    private FrameHeader header;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    @Override
    public void onFrameHeader(FrameHeader h) {
        header = h;
        payload.reset();
    }

    @Override
    public void onPayload(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        payload.writeBytes(bytes);
        if (!header.opCode().isControl()) {
            message.writeBytes(bytes);
        }
    }

    @Override
    public void onFrameEnd() {
        if (payload.size() != header.payloadLength()) {
            throw new AssertionError("frame announced " + header.payloadLength() + " bytes, carried " + payload.size());
        }
        largestPayload = Math.max(largestPayload, payload.size());
        frames.add((header.fin() ? "fin " : "") + "rsv" + header.rsv() + " " + header.opCode() + " "
                + HexFormat.of().formatHex(payload.toByteArray()));
    }

    String text() {
        return message.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
