package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.fixtures.GreetingHandler;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawWebSocket;

/**
 * A handler may send in {@code onOpen}, before the peer says anything: the engine sets the
 * container's write listener before it tells the handler, so the first send never races it.
 * (Before, about 2% of such connections died with 1006 while the send returned normally.)
 */
@ExtendWith(ArquillianExtension.class)
class SendFromOnOpenIT extends DeployedTarget {

    private static final int CONNECTIONS = 500;
    private static final int CONCURRENCY = 8;

    @Test
    void everyConnectionGetsTheGreetingSentInOnOpen() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<String>> greetings = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                greetings.add(clients.submit(() -> {
                    try (RawWebSocket ws = RawWebSocket.connect(base(), "greet")) {
                        String greeting = ws.readText();
                        ws.sendClose(1000, "");
                        ws.expectClose(1000);
                        return greeting;
                    }
                }));
            }
            int received = 0;
            for (Future<String> greeting : greetings) {
                assertEquals(GreetingHandler.GREETING, greeting.get(60, TimeUnit.SECONDS));
                received++;
            }
            assertEquals(CONNECTIONS, received);
        } finally {
            clients.shutdownNow();
        }
    }
}
