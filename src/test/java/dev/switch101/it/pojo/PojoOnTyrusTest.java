package dev.switch101.it.pojo;

import java.util.Map;

import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link PojoChecks} with a real {@code Session} that is not ours: Tyrus' own server, each
 * connection served by the {@code Endpoint} that {@code PojoEndpoints.endpointFor} makes
 * ({@link TyrusDeployment}).
 */
class PojoOnTyrusTest extends PojoChecks {

    /** The Tyrus server's port: 18099 (README, "Ports"), or {@code -Dpojo.tyrus.port=...}. */
    private static final int PORT = Integer.getInteger("pojo.tyrus.port", 18099);

    private static Server server;

    @BeforeAll
    static void startTyrus() throws Exception {
        server = new Server("127.0.0.1", PORT, "/tyrus", Map.of(), TyrusDeployment.class);
        server.start();
    }

    @AfterAll
    static void stopTyrus() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected String wsBase() {
        return "ws://127.0.0.1:" + PORT + "/tyrus/";
    }
}
