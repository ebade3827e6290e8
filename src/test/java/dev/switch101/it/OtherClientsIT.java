package dev.switch101.it;

import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;

/**
 * Clients from other ecosystems against the echo endpoint: Node's {@code ws} and Python's
 * {@code websockets}, each run as a real process ({@link ClientProcess}). Each, like the Java
 * clients ({@link EchoClientsIT}): the subprotocol it offers is negotiated, a text, a small
 * binary and a 1 MiB binary message come back unchanged and of the same type, a close with 1000
 * is answered with 1000 and one with 4000 with 4000 ({@code src/test/clients/echo-client.mjs},
 * {@code echo_client.py}). A missing client fails the test, saying how to install it.
 */
@ExtendWith(ArquillianExtension.class)
class OtherClientsIT extends DeployedTarget {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void nodeWsClientNegotiatesGetsEchoesIncluding1MiBAndCleanCloses() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", ClientProcess.CLIENTS.resolve("echo-client.mjs").toString(),
                ClientProcess.echoUrl(base())), TIMEOUT);
    }

    // RFC 7692: a client that compresses every message (threshold 0), whole and fragmented, gets
    // compressed echoes; the script checks the negotiation and the bytes on its socket.
    @Test
    void nodeWsClientWithPerMessageDeflateSendsAndReceivesCompressedMessages() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", ClientProcess.CLIENTS.resolve("deflate-client.mjs").toString(),
                ClientProcess.echoUrl(base())), TIMEOUT);
    }

    // Closes right after data: a chat member half-closes TCP (FIN) just after its message, with no
    // close frame. What it said was read, so the room hears it before the leave; the abnormal
    // close used to drop the message still queued for the endpoint.
    @Test
    void nodeWsClientThatEndsTcpRightAfterAMessageIsStillHeard() {
        ClientProcess.requireNodeWs();
        ClientProcess.assertSucceeds(List.of("node", ClientProcess.CLIENTS.resolve("last-words.mjs").toString(),
                ClientProcess.wsUrl(base(), "chat/lastwords" + System.nanoTime())), TIMEOUT);
    }

    // RFC 7692: websockets compresses by default.
    @Test
    void pythonWebsocketsClientSendsAndReceivesCompressedMessages() {
        ClientProcess.requirePythonWebsockets();
        ClientProcess.assertSucceeds(List.of(ClientProcess.PYTHON,
                ClientProcess.CLIENTS.resolve("deflate_client.py").toString(), ClientProcess.echoUrl(base())), TIMEOUT);
    }

    @Test
    void pythonWebsocketsClientNegotiatesGetsEchoesIncluding1MiBAndCleanCloses() {
        ClientProcess.requirePythonWebsockets();
        ClientProcess.assertSucceeds(List.of(ClientProcess.PYTHON, ClientProcess.CLIENTS.resolve("echo_client.py").toString(),
                ClientProcess.echoUrl(base())), TIMEOUT);
    }
}
