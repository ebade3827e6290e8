package dev.switch101.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionFactory;
import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.deflate.DeflateConfig;
import dev.switch101.handshake.HostAllowList;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.io.ReadResumption;
import dev.switch101.session.Limits;

/** The extensions an endpoint negotiates are made once per policy, and made again when the application adds one. */
class ExtensionChoiceTest {

    private final WebSocketServer server = new WebSocketServer(OriginPolicy.sameOrigin(), HostAllowList.any(),
            Limits.DEFAULT, DispatchExecutor.create(false, 1, "extension-choice-test"),
            ReadResumption.forContainer("test", null), false, false, 1, 1, DeflateConfig.DEFAULT);
    private final EndpointRegistration endpoint = EndpointRegistration.of("/e", () -> null);

    @AfterEach
    void stop() {
        server.shutdown();
    }

    private static ExtensionFactory named(String name) {
        return new ExtensionFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Extension> negotiate(ExtensionOffer offer) {
                return Optional.empty();
            }
        };
    }

    @Test
    void handshakesShareOneChoicePerPolicy() {
        ExtensionChoice first = server.extensionsFor(endpoint);
        assertEquals(List.of("permessage-deflate"), first.names());
        assertSame(first, server.extensionsFor(endpoint));
    }

    @Test
    void anExtensionAddedAfterAHandshakeIsOfferedToTheNextOne() {
        server.extensionsFor(endpoint);
        server.addExtension(named("x-added"));
        assertEquals(List.of("x-added", "permessage-deflate"), server.extensionsFor(endpoint).names());
    }

    @Test
    void anEndpointsOwnPolicyHasItsOwnChoice() {
        EndpointRegistration plain = endpoint.withDeflate(DeflateConfig.OFF);
        assertEquals(List.of(), server.extensionsFor(plain).names());
        assertEquals(List.of("permessage-deflate"), server.extensionsFor(endpoint).names());
    }
}
