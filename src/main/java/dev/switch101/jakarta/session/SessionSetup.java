package dev.switch101.jakarta.session;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.WebSocketContainer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the container side hands the session side for one accepted connection: the endpoint
 * instance, the configuration it sees (the per-session copy where the spec asks for one), the
 * container whose defaults apply, the template's path parameters, the open sessions of the same
 * endpoint, and the executor that runs asynchronous sends.
 *
 * @param endpoint       the endpoint of this connection (an annotated class arrives wrapped)
 * @param config         passed to {@code onOpen}
 * @param container      {@code Session.getContainer()}; its defaults seed the session's limits
 * @param pathParameters values of the path template's variables
 * @param openSessions   the open sessions of this endpoint ({@code Session.getOpenSessions()})
 * @param asyncSends     runs {@code RemoteEndpoint.Async} sends off the caller's thread
 */
public record SessionSetup(Endpoint endpoint, EndpointConfig config, WebSocketContainer container,
        Map<String, String> pathParameters, OpenSessions openSessions, Executor asyncSends) {

    public SessionSetup {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(container, "container");
        pathParameters = Map.copyOf(pathParameters);
        Objects.requireNonNull(openSessions, "openSessions");
        Objects.requireNonNull(asyncSends, "asyncSends");
    }
}
