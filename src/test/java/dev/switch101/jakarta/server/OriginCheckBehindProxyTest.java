package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

/**
 * An endpoint whose Configurator decides on the Origin itself, behind a trusted proxy with a host
 * allow-list: the page's host is still the one the proxy forwards.
 */
class OriginCheckBehindProxyTest {

    /** Decides on the Origin itself: every page may connect. */
    public static final class AnyOrigin extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true;
        }
    }

    // The validator checked the host against a policy of its own without the trusted proxies, so
    // the proxy's X-Forwarded-Host was not believed, the Host it rewrote was not on the list, and
    // every handshake to such an endpoint got 421.
    @Test
    void aHostForwardedByATrustedProxyIsCheckedAgainstTheAllowListForAnEndpointThatChecksOrigins()
            throws Exception {
        EngineServerContainer container = EngineServerContainer.of(ServletFakes.context(Map.of(
                "dev.switch101.trustedProxies", "127.0.0.1", "dev.switch101.allowedHosts", "app.example")));
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(ConfiguratorHandshakeTest.Probe.class, "/p")
                .configurator(new AnyOrigin()).build();
        ServletFakes.RecordedResponse response = new ServletFakes.RecordedResponse();
        container.upgradeHttpToWebSocket(ServletFakes.handshake("/p", null, Map.of(
                "X-Forwarded-Host", List.of("app.example"), "Origin", List.of("http://elsewhere.example"))),
                response.proxy, config, Map.of());
        assertEquals(101, response.status);

        ServletFakes.RecordedResponse direct = new ServletFakes.RecordedResponse();
        container.upgradeHttpToWebSocket(ServletFakes.handshake("/p", null, Map.of()), direct.proxy, config, Map.of());
        assertEquals(421, direct.status, "without the proxy's header the Host is not on the list");
    }
}
