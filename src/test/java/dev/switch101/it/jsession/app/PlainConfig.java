package dev.switch101.it.jsession.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

/** A plain {@link EndpointConfig}: coders and user properties. */
public record PlainConfig(List<Class<? extends Decoder>> getDecoders, List<Class<? extends Encoder>> getEncoders,
        Map<String, Object> getUserProperties) implements EndpointConfig {

    static PlainConfig empty() {
        return new PlainConfig(List.of(), List.of(), new ConcurrentHashMap<>());
    }

    static PlainConfig withDecoders(List<Class<? extends Decoder>> decoders) {
        return new PlainConfig(decoders, List.of(), new ConcurrentHashMap<>());
    }
}
