package dev.switch101.examples.ticker;

import java.util.Objects;

/**
 * What a ticker client asks for: {@code {"action":"subscribe","symbol":"ACME"}} or
 * {@code {"action":"unsubscribe","symbol":"ACME"}}.
 */
public record TickerCommand(Action action, String symbol) {

    public enum Action {
        SUBSCRIBE, UNSUBSCRIBE
    }

    public TickerCommand {
        Objects.requireNonNull(action);
        Objects.requireNonNull(symbol);
    }
}
