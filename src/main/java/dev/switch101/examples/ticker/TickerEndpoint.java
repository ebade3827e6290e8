package dev.switch101.examples.ticker;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import dev.switch101.examples.BoundedOutbox;

/**
 * A JSON push stream through a custom {@code Encoder} and {@code Decoder}: the client sends
 * {@code {"action":"subscribe","symbol":"ACME"}} (or {@code unsubscribe}) and gets its
 * subscriptions back, then a tick per subscribed symbol every second. Everything goes out
 * through one {@link BoundedOutbox}, one asynchronous send at a time. A tick that comes while
 * something is still being sent is dropped, not queued: a slow client gets fewer, fresher
 * prices. Answers to commands are queued; a client that sends more than
 * {@value #QUEUE_CAPACITY} commands faster than it reads the answers is closed with 1008.
 */
@ServerEndpoint(value = "/ticker", encoders = TickerEventEncoder.class, decoders = TickerCommandDecoder.class)
public class TickerEndpoint {

    private static final System.Logger LOG = System.getLogger(TickerEndpoint.class.getName());

    /** Answers that may wait behind the message being sent. */
    static final int QUEUE_CAPACITY = 16;

    private final TickerFeed feed = TickerFeed.shared();
    private final SortedSet<String> subscribed = new TreeSet<>();
    private final Consumer<TickerEvent.Tick> push = this::push;
    private Session session;
    private BoundedOutbox<TickerEvent> outbox;

    @OnOpen
    public void open(Session session) {
        this.session = session;
        this.outbox = new BoundedOutbox<>(QUEUE_CAPACITY, this::send, ending -> {
            if (ending == BoundedOutbox.Ending.OVERFLOW) {
                closeSession(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "too many unanswered commands"));
            }
        });
        outbox.offer(subscriptions());
    }

    @OnMessage
    public void command(TickerCommand command) {
        synchronized (subscribed) {
            if (command.action() == TickerCommand.Action.SUBSCRIBE) {
                if (!feed.subscribe(command.symbol(), push)) {
                    outbox.offer(new TickerEvent.Problem("unknown symbol \"" + command.symbol() + "\""));
                    return;
                }
                subscribed.add(command.symbol());
            } else {
                feed.unsubscribe(command.symbol(), push);
                subscribed.remove(command.symbol());
            }
        }
        outbox.offer(subscriptions());
    }

    /** A message that is no command is answered, and the stream goes on. */
    @OnError
    public void error(Throwable failure) {
        if (failure instanceof DecodeException && outbox != null) {
            outbox.offer(new TickerEvent.Problem(failure.getMessage()));
        } else {
            LOG.log(Level.DEBUG, "ticker: {0}", failure.toString());
        }
    }

    @OnClose
    public void close() {
        if (outbox != null) {
            outbox.close();
        }
        synchronized (subscribed) {
            for (String symbol : subscribed) {
                feed.unsubscribe(symbol, push);
            }
            subscribed.clear();
        }
    }

    private TickerEvent subscriptions() {
        synchronized (subscribed) {
            return new TickerEvent.Subscriptions(new TreeSet<>(subscribed), feed.symbols());
        }
    }

    private void push(TickerEvent.Tick tick) {
        if (outbox.isIdle()) {
            outbox.offer(tick);
        }
    }

    private void send(TickerEvent event, Consumer<Throwable> done) {
        try {
            session.getAsyncRemote().sendObject(event, result -> done.accept(result.isOK() ? null : result.getException()));
        } catch (IllegalStateException e) {
            // Closed meanwhile; onClose unsubscribes.
            done.accept(e);
        }
    }

    private void closeSession(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "ticker: close failed: {0}", e.toString());
        }
    }
}
