package dev.switch101.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Joins the parts in which the JDK's {@code java.net.http.WebSocket} hands messages on into
 * whole messages: each method returns the whole message with its last part, {@code null} before.
 * One per listener; not thread-safe (the JDK calls a listener one part at a time).
 */
public final class MessageAssembler {

    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    /** The whole text message once {@code last}, otherwise {@code null}. */
    public String text(CharSequence part, boolean last) {
        text.append(part);
        if (!last) {
            return null;
        }
        String whole = text.toString();
        text.setLength(0);
        return whole;
    }

    /** The whole binary message once {@code last}, otherwise {@code null}; the part is consumed. */
    public byte[] binary(ByteBuffer part, boolean last) {
        byte[] bytes = new byte[part.remaining()];
        part.get(bytes);
        binary.writeBytes(bytes);
        if (!last) {
            return null;
        }
        byte[] whole = binary.toByteArray();
        binary.reset();
        return whole;
    }
}
