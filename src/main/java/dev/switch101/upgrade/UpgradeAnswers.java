package dev.switch101.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a protocol's decision as the HTTP answer: the 101 and the upgrade, or the refusal.
 * The {@link UpgradeFilter} uses it, and so can code that upgrades a request it was handed
 * (e.g. Jakarta WebSocket's {@code ServerContainer.upgradeHttpToWebSocket}).
 */
public final class UpgradeAnswers {

    private UpgradeAnswers() {
    }

    /**
     * @param protocol the protocol the decision is for (named in the 101's {@code Upgrade})
     * @param decision an {@link UpgradeDecision.Accept} or an {@link UpgradeDecision.Refuse}
     * @throws IllegalArgumentException for a {@link UpgradeDecision#decline() decline}, which has no answer
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response, ProtocolToken protocol,
            UpgradeDecision decision) throws IOException, ServletException {
        if (decision instanceof UpgradeDecision.Accept accept) {
            switchProtocols(request, response, protocol, accept);
        } else if (decision instanceof UpgradeDecision.Refuse refusal) {
            refuse(response, refusal);
        } else {
            throw new IllegalArgumentException("A decline has no answer: the request goes on untouched");
        }
    }

    private static void switchProtocols(HttpServletRequest request, HttpServletResponse response,
            ProtocolToken protocol, UpgradeDecision.Accept accept) throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
        // The 101 names exactly the protocol switched to (RFC 9110 §15.2.2).
        response.setHeader("Upgrade", protocol.toString());
        response.setHeader("Connection", "Upgrade");
        accept.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        // The container instantiates the handler class; the protocol's own handler, already
        // built with everything it negotiated, is attached to it before init() can run.
        try {
            request.upgrade(DelegatingUpgradeHandler.class).attach(accept.handler());
        } catch (IOException | ServletException | RuntimeException e) {
            // The handler will never be initialised: it lets go of what it holds for the connection.
            accept.handler().destroy();
            throw e;
        }
    }

    static void refuse(HttpServletResponse response, UpgradeDecision.Refuse refusal) throws IOException {
        // setStatus and our own body, not sendError: the container's error page would make the
        // answer differ between containers, and a client wants the short reason.
        response.setStatus(refusal.status());
        refusal.headers().forEach(response::setHeader);
        byte[] body = (refusal.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
