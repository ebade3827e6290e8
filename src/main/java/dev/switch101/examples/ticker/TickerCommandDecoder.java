package dev.switch101.examples.ticker;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/**
 * Text messages as {@link TickerCommand}s ({@link TickerJson}). Every text message is taken
 * ({@link #willDecode}); one that is no command fails with a {@link DecodeException}, which
 * the endpoint's {@code @OnError} answers.
 */
public class TickerCommandDecoder implements Decoder.Text<TickerCommand> {

    @Override
    public TickerCommand decode(String text) throws DecodeException {
        try {
            return TickerJson.decode(text);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(text, e.getMessage(), e);
        }
    }

    @Override
    public boolean willDecode(String text) {
        return true;
    }
}
