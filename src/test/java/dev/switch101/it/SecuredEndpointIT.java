package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawWebSocket;

/**
 * An endpoint under the application's security constraints: the container authenticates
 * before the upgrade filter runs, so a handshake without credentials gets the container's 401
 * and is never upgraded.
 */
@ExtendWith(ArquillianExtension.class)
class SecuredEndpointIT extends DeployedTarget {

    @Test
    void unauthenticatedHandshakeGets401BeforeTheUpgrade() throws Exception {
        try (RawHttp http = RawHttp.connect(base())) {
            http.send(RawWebSocket.Handshake.to(base(), "secure/echo").toRequest());
            RawHttp.Response response = http.readResponse();

            assertEquals(401, response.status(), response.statusLine());
            assertNotNull(response.header("WWW-Authenticate"), "a BASIC challenge");
            assertNull(response.header("Sec-WebSocket-Accept"));
        }
    }
}
