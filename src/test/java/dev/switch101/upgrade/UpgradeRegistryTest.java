package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

import org.junit.jupiter.api.Test;

/** Protocol selection: the client's order first, then registration order; accept beats refuse beats decline. */
class UpgradeRegistryTest {

    private final List<String> asked = new ArrayList<>();

    @Test
    void firstOfferedProtocolThatAcceptsWins() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(accepting("websocket"));
        registry.register(accepting("echo/1"));

        assertEquals("echo/1", chosen(registry.select(null, offers("echo/1, websocket"), true)));
        assertEquals("websocket", chosen(registry.select(null, offers("websocket, echo/1"), true)));
    }

    @Test
    void decliningProtocolPassesToTheNextOffer() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(declining("foo/2"));
        registry.register(accepting("websocket"));

        assertEquals("websocket", chosen(registry.select(null, offers("foo/2, websocket"), true)));
        assertEquals(List.of("foo/2", "websocket"), asked);
    }

    @Test
    void laterAcceptanceBeatsAnEarlierRefusal() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(refusing("websocket", 400));
        registry.register(accepting("echo/1"));

        assertEquals("echo/1", chosen(registry.select(null, offers("websocket, echo/1"), true)));
    }

    @Test
    void firstRefusalStandsWhenNothingAccepts() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(refusing("websocket", 426));
        registry.register(refusing("echo/1", 403));

        UpgradeRegistry.Selection selection = registry.select(null, offers("websocket, echo/1"), true);
        assertEquals(426, ((UpgradeDecision.Refuse) selection.decision()).status());
    }

    @Test
    void unknownOffersOnlyGiveNoSelection() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(accepting("websocket"));

        assertNull(registry.select(null, offers("foo/2, example/1"), true));
    }

    @Test
    void anUnregisteredProtocolIsNoLongerChosen() {
        UpgradeRegistry registry = new UpgradeRegistry();
        UpgradeProtocol websocket = accepting("websocket");
        registry.register(websocket);
        registry.register(accepting("echo/1"));
        registry.unregister(websocket);

        assertEquals("echo/1", chosen(registry.select(null, offers("websocket, echo/1"), true)));
        assertNull(registry.select(null, offers("websocket"), true));
    }

    @Test
    void acceptanceIsIgnoredWhenTheConnectionCannotSwitch() {
        // HTTP/1.0 or no "Connection: upgrade": RFC 9110 §7.8 forbids the switch.
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(accepting("echo/1"));
        registry.register(refusing("websocket", 400));

        assertNull(registry.select(null, offers("echo/1"), false));
        assertEquals(400, ((UpgradeDecision.Refuse) registry.select(null, offers("echo/1, websocket"), false)
                .decision()).status());
    }

    @Test
    void protocolsSharingATokenAreAskedInRegistrationOrder() {
        UpgradeRegistry registry = new UpgradeRegistry();
        UpgradeProtocol first = declining("echo/1");
        UpgradeProtocol second = accepting("echo/1");
        registry.register(first);
        registry.register(second);

        assertSame(second, registry.select(null, offers("echo/1"), true).protocol());
        assertEquals(List.of("echo/1", "echo/1"), asked);
    }

    @Test
    void exceptionsFromAProtocolReachTheCaller() {
        UpgradeRegistry registry = new UpgradeRegistry();
        registry.register(protocol("websocket", () -> {
            throw new IllegalStateException("boom");
        }));
        assertThrows(IllegalStateException.class, () -> registry.select(null, offers("websocket"), true));
    }

    // --- helpers -------------------------------------------------------------------------

    private static List<ProtocolToken> offers(String header) {
        return ProtocolToken.offers(List.of(header));
    }

    private static String chosen(UpgradeRegistry.Selection selection) {
        assertEquals(UpgradeDecision.Accept.class, selection.decision().getClass());
        return selection.protocol().token().toString();
    }

    private UpgradeProtocol accepting(String token) {
        return protocol(token, () -> UpgradeDecision.accept(Map.of(), new NoOpHandler()));
    }

    private UpgradeProtocol refusing(String token, int status) {
        return protocol(token, () -> UpgradeDecision.refuse(status, "refused", Map.of()));
    }

    private UpgradeProtocol declining(String token) {
        return protocol(token, UpgradeDecision::decline);
    }

    private UpgradeProtocol protocol(String token, java.util.function.Supplier<UpgradeDecision> decision) {
        ProtocolToken parsed = ProtocolToken.parse(token);
        return new UpgradeProtocol() {
            @Override
            public ProtocolToken token() {
                return parsed;
            }

            @Override
            public UpgradeDecision decide(HttpServletRequest request, ProtocolToken offer) {
                asked.add(token);
                return decision.get();
            }
        };
    }

    private static final class NoOpHandler implements HttpUpgradeHandler {
        @Override
        public void init(WebConnection connection) {
        }

        @Override
        public void destroy() {
        }
    }
}
