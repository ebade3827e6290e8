package dev.switch101.examples.chat;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import dev.switch101.examples.BoundedOutbox;

/**
 * One connection in a room: its nickname, its format, and its {@link BoundedOutbox}. Events
 * reach it with asynchronous sends, one at a time; a member that lets more than
 * {@link #QUEUE_CAPACITY} events pile up is disconnected with 1008 and the reason
 * {@value #TOO_SLOW}, so that it never holds the room up.
 */
final class ChatMember {

    /** Events that may wait for a member behind the one being sent. */
    static final int QUEUE_CAPACITY = 64;

    /** The close reason a member gets when it cannot keep up (at most 123 bytes, RFC 6455 §5.5). */
    static final String TOO_SLOW = "too slow: more than " + QUEUE_CAPACITY + " messages waiting";

    private static final System.Logger LOG = System.getLogger(ChatMember.class.getName());

    private final Session session;
    private final String nickname;
    private final ChatFormat format;
    private final BoundedOutbox<String> outbox;

    /**
     * @param closer where a member that cannot keep up is closed: a close may wait for the
     *        send in flight, and must not hold up the member who broadcast
     */
    ChatMember(Session session, String nickname, ChatFormat format, Executor closer) {
        this.session = session;
        this.nickname = nickname;
        this.format = format;
        this.outbox = new BoundedOutbox<>(QUEUE_CAPACITY, this::send, ending -> {
            if (ending == BoundedOutbox.Ending.OVERFLOW) {
                closer.execute(() -> close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, TOO_SLOW)));
            }
        });
    }

    String nickname() {
        return nickname;
    }

    /** Queues an event for this member, in its format. */
    void deliver(ChatEvent event) {
        outbox.offer(format.render(event));
    }

    /** Stops delivering; what waits is dropped. */
    void leave() {
        outbox.close();
    }

    private void send(String text, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (IllegalStateException e) {
            // The session closed between the offer and the send.
            done.accept(e);
        }
    }

    private void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "chat: closing {0} failed: {1}", nickname, e.toString());
        }
    }
}
