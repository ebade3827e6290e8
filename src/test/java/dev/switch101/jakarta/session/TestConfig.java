package dev.switch101.jakarta.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;

/** A plain EndpointConfig with the given coders. */
record TestConfig(List<Class<? extends Decoder>> getDecoders, List<Class<? extends Encoder>> getEncoders,
        Map<String, Object> getUserProperties) implements EndpointConfig {

    static TestConfig decoders(List<Class<? extends Decoder>> decoders) {
        return new TestConfig(decoders, List.of(), new HashMap<>());
    }
}
