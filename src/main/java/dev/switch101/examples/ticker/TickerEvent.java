package dev.switch101.examples.ticker;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/** What the ticker pushes to a client. */
public sealed interface TickerEvent {

    /** A price: {@code {"type":"tick","symbol":"ACME","price":101.25,"time":"2026-12-02T13:00:00Z"}}. */
    record Tick(String symbol, BigDecimal price, Instant time) implements TickerEvent {
    }

    /**
     * The client's subscriptions after a command, and what it could subscribe to:
     * {@code {"type":"subscriptions","subscribed":["ACME"],"available":["ACME","GLOBEX",...]}}.
     */
    record Subscriptions(SortedSet<String> subscribed, List<String> available) implements TickerEvent {
    }

    /** A command that could not be carried out: {@code {"type":"error","message":"..."}}. */
    record Problem(String message) implements TickerEvent {
    }
}
