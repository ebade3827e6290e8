package dev.switch101.examples.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DecodeException;

/** The ticker's JSON codec (through JSON-P), byte for byte, and what it refuses. */
class TickerJsonTest {

    @Test
    void encodesEachEvent() {
        assertEquals("{\"type\":\"tick\",\"symbol\":\"ACME\",\"price\":101.25,\"time\":\"2026-12-02T13:00:00Z\"}",
                TickerJson.encode(new TickerEvent.Tick("ACME", new BigDecimal("101.25"), Instant.parse("2026-12-02T13:00:00Z"))));
        assertEquals("{\"type\":\"subscriptions\",\"subscribed\":[\"ACME\"],\"available\":[\"ACME\",\"GLOBEX\"]}",
                TickerJson.encode(new TickerEvent.Subscriptions(new TreeSet<>(List.of("ACME")), List.of("ACME", "GLOBEX"))));
        assertEquals("{\"type\":\"error\",\"message\":\"a \\\"b\\\"\"}", TickerJson.encode(new TickerEvent.Problem("a \"b\"")));
    }

    @Test
    void decodesCommands() {
        assertEquals(new TickerCommand(TickerCommand.Action.SUBSCRIBE, "ACME"),
                TickerJson.decode("{\"action\":\"subscribe\",\"symbol\":\"ACME\"}"));
        assertEquals(new TickerCommand(TickerCommand.Action.UNSUBSCRIBE, "ACME"),
                TickerJson.decode(" { \"symbol\" : \"ACME\", \"action\" : \"unsubscribe\", \"extra\": 1 } "));
    }

    @Test
    void refusesWhatIsNoCommandSayingWhy() {
        assertTrue(refusal("not json").startsWith("not JSON"));
        assertEquals("a command is a JSON object, not array", refusal("[1]"));
        assertEquals("unknown action \"buy\" (subscribe, unsubscribe)", refusal("{\"action\":\"buy\",\"symbol\":\"ACME\"}"));
        assertEquals("\"symbol\" must be a string", refusal("{\"action\":\"subscribe\",\"symbol\":1}"));
        assertEquals("\"action\" must be a string", refusal("{}"));
        assertEquals("a command has at most 1024 characters", refusal("{\"action\":\"" + "x".repeat(1024) + "\"}"));
    }

    @Test
    void theDecoderTurnsARefusalIntoADecodeException() {
        DecodeException e = assertThrows(DecodeException.class, () -> new TickerCommandDecoder().decode("{}"));
        assertEquals("{}", e.getText());
        assertEquals("\"action\" must be a string", e.getMessage());
    }

    @Test
    void priceWalksAreRepeatableAndStayAboveTheFloor() {
        PriceWalk a = new PriceWalk(42, new BigDecimal("1.02"));
        PriceWalk b = new PriceWalk(42, new BigDecimal("1.02"));
        for (int i = 0; i < 10_000; i++) {
            BigDecimal next = a.next();
            assertEquals(next, b.next(), "step " + i);
            assertTrue(next.compareTo(BigDecimal.ONE) >= 0, "step " + i + ": " + next);
            assertEquals(2, next.scale());
        }
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> TickerJson.decode(text)).getMessage();
    }
}
