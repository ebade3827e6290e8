package dev.switch101.jakarta.session;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Sends the next part of a message whose first part has been (or is being) sent. */
@FunctionalInterface
interface PartSender {
    void send(ByteBuffer part, boolean last) throws IOException;
}
