package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostAllowListTest {

    private static boolean permits(HostAllowList hosts, OriginPolicy policy, HandshakeRequest request) {
        return hosts.permits(policy.pageOrigin(request));
    }

    // DNS rebinding: behind a trusted proxy the host the client used is the forwarded one, and that
    // is what the allow-list must see (the proxy's own Host is always the backend's).
    @Test
    void BehindATrustedProxyTheForwardedHostIsChecked() {
        HostAllowList hosts = HostAllowList.parse("chat.example");
        OriginPolicy policy = OriginPolicy.sameOrigin().trustProxies(TrustedProxies.parse("10.0.0.1"));
        HandshakeRequest viaProxy = RequestSpec.valid().remote("10.0.0.1").set("Host", "backend:8080")
                .set("X-Forwarded-Host", "chat.example").build();
        HandshakeRequest rebound = RequestSpec.valid().remote("10.0.0.1").set("Host", "backend:8080")
                .set("X-Forwarded-Host", "attacker.example").build();
        HandshakeRequest forgedByClient = RequestSpec.valid().remote("192.0.2.1").set("Host", "attacker.example")
                .set("X-Forwarded-Host", "chat.example").build();
        assertTrue(permits(hosts, policy, viaProxy));
        assertFalse(permits(hosts, policy, rebound));
        assertFalse(permits(hosts, policy, forgedByClient));
    }

    // The default allows every host; a typo fails the deployment.
    @Test
    void EmptyListAllowsAnyAndMalformedEntriesAreRejected() {
        assertTrue(HostAllowList.parse("  ").allowsAny());
        assertTrue(HostAllowList.any().permits(java.util.Optional.empty()));
        for (String entry : new String[] {"a,b", "http://a.example", "a.example/x", "*.a.example:80", "a:99999", "*."}) {
            assertThrows(IllegalArgumentException.class, () -> HostAllowList.parse(entry.replace(",", ";")), entry);
        }
    }
}
