package dev.switch101.examples.ticker;

import java.io.StringReader;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The ticker's wire format, through Jakarta JSON-P: {@link TickerEvent}s to JSON text, JSON
 * text to {@link TickerCommand}s. Pure functions, shared by the {@code Encoder} and
 * {@code Decoder} the endpoint declares.
 */
public final class TickerJson {

    /** Commands longer than this are refused before parsing (characters). */
    static final int MAX_COMMAND = 1024;

    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private TickerJson() {
    }

    /** @return the event as one JSON object */
    public static String encode(TickerEvent event) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder();
        // (Java 17: no pattern matching in switch yet)
        if (event instanceof TickerEvent.Tick tick) {
            json.add("type", "tick").add("symbol", tick.symbol()).add("price", tick.price())
                    .add("time", tick.time().toString());
        } else if (event instanceof TickerEvent.Subscriptions subscriptions) {
            json.add("type", "subscriptions").add("subscribed", array(subscriptions.subscribed()))
                    .add("available", array(subscriptions.available()));
        } else if (event instanceof TickerEvent.Problem problem) {
            json.add("type", "error").add("message", problem.message());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        return json.build().toString();
    }

    /**
     * @return the command in {@code text}
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static TickerCommand decode(String text) {
        if (text.length() > MAX_COMMAND) {
            throw new IllegalArgumentException("a command has at most " + MAX_COMMAND + " characters");
        }
        JsonObject json;
        try (var reader = READERS.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("a command is a JSON object, not " + value.getValueType().name().toLowerCase(Locale.ROOT));
            }
            json = value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        String action = string(json, "action");
        TickerCommand.Action parsed = switch (action) {
            case "subscribe" -> TickerCommand.Action.SUBSCRIBE;
            case "unsubscribe" -> TickerCommand.Action.UNSUBSCRIBE;
            default -> throw new IllegalArgumentException("unknown action \"" + action + "\" (subscribe, unsubscribe)");
        };
        return new TickerCommand(parsed, string(json, "symbol"));
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException("\"" + name + "\" must be a string");
        }
        return string.getString();
    }

    private static JsonArrayBuilder array(Iterable<String> values) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
