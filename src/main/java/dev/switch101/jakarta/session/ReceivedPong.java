package dev.switch101.jakarta.session;

import java.nio.ByteBuffer;

import jakarta.websocket.PongMessage;

/** A pong from the peer, for a {@code MessageHandler.Whole<PongMessage>}. */
record ReceivedPong(ByteBuffer getApplicationData) implements PongMessage {
}
