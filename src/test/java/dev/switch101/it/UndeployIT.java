package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.frame.CloseCodes;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.Switch101War;
import dev.switch101.it.support.TargetContainer;

/**
 * Undeploying the application (as on server shutdown) closes every open connection with a
 * proper close handshake and 1001 "going away" (RFC 6455 §7.4.1), not a dropped socket.
 */
@ExtendWith(ArquillianExtension.class)
class UndeployIT {

    private static final String DEPLOYMENT = "undeployable";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static WebArchive war() {
        return Switch101War.create();
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void undeployClosesOpenConnectionsWith1001() throws Exception {
        deployer.deploy(DEPLOYMENT);
        try (RawWebSocket ws = RawWebSocket.connect(deploymentUrl(), "stream-echo")) {
            ws.sendText("still here");
            assertEquals("still here", ws.readText());

            // The client's part runs beside the undeploy, which waits for the close handshakes;
            // the undeploy itself stays on the test thread, where Arquillian's context lives.
            CompletableFuture<Integer> closeCode = CompletableFuture.supplyAsync(() -> {
                try {
                    RawWebSocket.Frame close = ws.readCloseFrame();
                    ws.sendClose(CloseCodes.GOING_AWAY, "");
                    ws.assertTcpClosed();
                    return close.closeCode();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            deployer.undeploy(DEPLOYMENT);
            assertEquals(CloseCodes.GOING_AWAY, closeCode.get(30, TimeUnit.SECONDS));
        }
    }

    /** The deployment's URL: not injectable for a deployment the test deploys itself. */
    private static URL deploymentUrl() throws Exception {
        return new URL("http://127.0.0.1:" + TargetContainer.httpPort() + "/switch101/");
    }
}
