package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawHttp.Response;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Handshake;
import dev.switch101.it.support.Switch101War;

/**
 * The product WAR behind a (pretend) TLS-terminating proxy, configured with context-params
 * {@code dev.switch101.trustedProxies} = the test client's own address, and
 * {@code dev.switch101.allowedHosts}: the page's origin is read from {@code Forwarded} /
 * {@code X-Forwarded-*} (RFC 7239), and a Host outside the allow-list is refused with 421 (the
 * defence against DNS rebinding), in each container.
 */
@ExtendWith(ArquillianExtension.class)
class ProxiedHandshakeIT {

    static final String TRUSTED_PROXIES = "127.0.0.1, ::1";
    static final String ALLOWED_HOSTS = "127.0.0.1, localhost, chat.example";

    @Deployment(testable = false)
    static WebArchive war() throws IOException {
        String webXml = Files.readString(Path.of("webapp/WEB-INF/web.xml"), StandardCharsets.UTF_8);
        String params = "  <context-param><param-name>dev.switch101.trustedProxies</param-name><param-value>"
                + TRUSTED_PROXIES + "</param-value></context-param>\n"
                + "  <context-param><param-name>dev.switch101.allowedHosts</param-name><param-value>"
                + ALLOWED_HOSTS + "</param-value></context-param>\n";
        int filter = webXml.indexOf("  <filter>");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "proxied.war").merge(Switch101War.create());
        war.delete("WEB-INF/web.xml");
        return war.setWebXML(new StringAsset(webXml.substring(0, filter) + params + webXml.substring(filter)));
    }

    @ArquillianResource
    private URL base;

    private Handshake handshake() {
        return Handshake.to(base, "echo");
    }

    // RFC 7239 §4: behind a trusted proxy, the page's origin is the forwarded scheme and host.
    @Test
    void forwardedOriginFromATrustedProxyIsSameOrigin() throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base, handshake()
                .set("Origin", "https://chat.example")
                .set("Forwarded", "for=192.0.2.7;proto=https;host=chat.example"))) {
            ws.sendText("via the proxy");
            assertEquals("via the proxy", ws.readText());
        }
        assertEquals(101, RawHttp.exchange(base, handshake().set("Origin", "https://chat.example")
                .set("X-Forwarded-Proto", "https").set("X-Forwarded-Host", "chat.example").toRequest()).status());
    }

    // Without forwarding headers the request is the proxy's own: http and its Host, not the page's.
    @Test
    void withoutForwardingHeadersTheDirectViewCounts() throws IOException {
        Response response = RawHttp.exchange(base, handshake().set("Origin", "https://chat.example").toRequest());
        assertEquals(403, response.status(), response.statusLine());
    }

    // RFC 9110 §15.5.20: a Host this server does not answer for (DNS rebinding: the attacker's
    // name, re-pointed here) is refused with 421, directly or as forwarded by the proxy.
    @Test
    void hostOutsideTheAllowListIsRefusedWith421() throws IOException {
        Response direct = RawHttp.exchange(base, handshake().set("Host", "rebound.example:" + base.getPort())
                .set("Origin", "http://rebound.example:" + base.getPort()).toRequest());
        assertEquals(421, direct.status(), direct.statusLine());
        assertEquals("Host not allowed", direct.body().strip());
        Response forwarded = RawHttp.exchange(base, handshake().set("X-Forwarded-Host", "rebound.example").toRequest());
        assertEquals(421, forwarded.status(), forwarded.statusLine());
        assertEquals(101, RawHttp.exchange(base, handshake().toRequest()).status(), "127.0.0.1 is allowed");
    }
}
