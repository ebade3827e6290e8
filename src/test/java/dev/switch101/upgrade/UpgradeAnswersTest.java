package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import org.junit.jupiter.api.Test;

/** Answering an accepted upgrade when the container refuses to switch. */
class UpgradeAnswersTest {

    // The protocol's handler (and the endpoint instance it held) was never told that its
    // connection would not come: the container's upgrade() threw after the handshake was accepted.
    @Test
    void aHandlerWhoseUpgradeTheContainerRefusesIsDestroyedUninitialised() {
        List<String> events = new java.util.ArrayList<>();
        HttpUpgradeHandler handler = new HttpUpgradeHandler() {
            @Override
            public void init(WebConnection connection) {
                events.add("init");
            }

            @Override
            public void destroy() {
                events.add("destroy");
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("upgrade")) {
                        throw new ServletException("the container cannot switch this connection");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> null);

        assertThrows(ServletException.class, () -> UpgradeAnswers.answer(request, response, ProtocolToken.of("websocket"),
                UpgradeDecision.acceptWithHeaders(Map.of(), handler)));
        assertEquals(List.of("destroy"), events);
    }
}
