package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Extension;

import dev.switch101.frame.CloseStatus;

/** What a Session shows of the handshake and of the close, as the API's own types. */
class SessionViewsTest {

    @Test
    void negotiatedExtensionsKeepNamesParametersAndOrder() {
        // RFC 6455 §9.1 grammar: the accepted Sec-WebSocket-Extensions values, in order.
        List<Extension> extensions = NegotiatedExtensions.of(
                List.of("permessage-deflate; server_no_context_takeover; client_max_window_bits=10", "x-other"));
        assertEquals(2, extensions.size());
        assertEquals("permessage-deflate", extensions.get(0).getName());
        assertEquals("server_no_context_takeover", extensions.get(0).getParameters().get(0).getName());
        assertNull(extensions.get(0).getParameters().get(0).getValue());
        assertEquals("client_max_window_bits", extensions.get(0).getParameters().get(1).getName());
        assertEquals("10", extensions.get(0).getParameters().get(1).getValue());
        assertEquals("x-other", extensions.get(1).getName());
        assertEquals(List.of(), extensions.get(1).getParameters());
    }

    @Test
    void requestUriIsTheWebSocketUriWithItsQueryAndEscapesUntouched() {
        assertEquals(URI.create("ws://h:8080/app/x?a=%20b&c=d"),
                JakartaSession.webSocketUri(URI.create("http://h:8080/app/x?a=%20b&c=d")));
        assertEquals(URI.create("wss://h/app/x"), JakartaSession.webSocketUri(URI.create("https://h/app/x")));
    }

    @Test
    void engineCloseStatusBecomesTheCloseReason() {
        CloseReason reason = EndpointFrameHandler.closeReason(new CloseStatus(1009, "too big"));
        assertEquals(CloseReason.CloseCodes.TOO_BIG, reason.getCloseCode());
        assertEquals("too big", reason.getReasonPhrase());
        assertEquals(4000, EndpointFrameHandler.closeReason(new CloseStatus(4000, "")).getCloseCode().getCode());
        assertEquals(CloseReason.CloseCodes.CLOSED_ABNORMALLY,
                EndpointFrameHandler.closeReason(new CloseStatus(1006, "")).getCloseCode());
    }
}
