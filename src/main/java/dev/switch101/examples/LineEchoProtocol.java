package dev.switch101.examples;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.switch101.upgrade.ProtocolToken;
import dev.switch101.upgrade.UpgradeDecision;
import dev.switch101.upgrade.UpgradeProtocol;
import dev.switch101.upgrade.UpgradeRequests;

/**
 * {@code echo/1}, a deliberately tiny non-WebSocket protocol on the general Upgrade mechanism,
 * served at {@code /line-echo} and, beside WebSocket, at {@code /echo} (so a client there
 * gets whichever of the two it prefers): after the 101 the server first completes the request that asked
 * for the switch (one line naming it), then echoes every byte it receives until the client
 * closes. Try it from a terminal:
 * <pre>
 * printf 'GET /switch101/line-echo HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: echo/1\r\n\r\nhello\n' \
 *   | nc -q 1 localhost 8080
 * </pre>
 */
public final class LineEchoProtocol implements UpgradeProtocol {

    /** The paths within the application. */
    public static final Set<String> PATHS = Set.of("/line-echo", "/echo");

    private static final ProtocolToken TOKEN = new ProtocolToken("echo", "1");

    @Override
    public ProtocolToken token() {
        return TOKEN;
    }

    @Override
    public UpgradeDecision decide(HttpServletRequest request, ProtocolToken offer) {
        if (!UpgradeRequests.pathWithinApplication(request).filter(PATHS::contains).isPresent()
                || !UpgradeRequests.canSwitch(request)) {
            return UpgradeDecision.decline();
        }
        String completion = "echo/1 200 " + request.getMethod() + " " + request.getRequestURI() + "\n";
        return UpgradeDecision.accept(Map.of(), new LineEchoHandler(completion));
    }
}
