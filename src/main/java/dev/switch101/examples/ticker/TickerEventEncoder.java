package dev.switch101.examples.ticker;

import jakarta.websocket.Encoder;

/** {@link TickerEvent}s as JSON text messages ({@link TickerJson}). */
public class TickerEventEncoder implements Encoder.Text<TickerEvent> {

    @Override
    public String encode(TickerEvent event) {
        return TickerJson.encode(event);
    }
}
