package dev.switch101.jakarta.pojo;

import jakarta.websocket.DecodeException;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Where the value of one parameter of an annotated method comes from, decided once at deployment
 * (by {@link SignatureReader}) so a call only copies values.
 */
@FunctionalInterface
interface ParameterSource {

    ParameterSource SESSION = Invocation::session;
    ParameterSource ENDPOINT_CONFIG = Invocation::config;
    ParameterSource SERVER_ENDPOINT_CONFIG = call -> call.config() instanceof ServerEndpointConfig
            ? call.config() : call.serverConfig();
    ParameterSource MESSAGE = Invocation::message;
    ParameterSource LAST = Invocation::last;
    ParameterSource CLOSE_REASON = Invocation::closeReason;
    ParameterSource ERROR = Invocation::error;

    /**
     * @throws DecodeException when a path segment cannot be converted to the parameter's type
     *                         (WebSocket 2.1 §4.3, WSC-4.3-6)
     */
    Object valueFrom(Invocation call) throws DecodeException;
}
