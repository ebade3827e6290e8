package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API check on Switch101, in each container (WildFly 39, Tomcat 11, Tomcat 10.1): one WAR
 * with the engine and all valid test endpoints, including the unmodified plain echo; the Session,
 * WebSocketContainer and ServerContainer attribute must be Switch101's.
 */
@ExtendWith(ArquillianExtension.class)
class JakartaApiIT implements AnnotatedMessageChecks, CoderChecks, ErrorAndCloseChecks, UriTemplateChecks,
        ProgrammaticChecks, ConfiguratorChecks, SessionChecks, RemoteEndpointChecks, PlainEchoChecks, ImplementationChecks {

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    static WebArchive war() {
        return ApiWars.api();
    }

    @Override
    public URL base() {
        return ApiWars.base(deployed, ApiWars.API);
    }

    @Override
    public String implementationPackage() {
        return "dev.switch101.";
    }

    // Session.getOpenSessions for connections handed over by upgradeHttpToWebSocket with one
    // configuration (HandOverServlet): each handover made an endpoint of its own, so each session
    // saw only itself.
    @Test
    void sessionsHandedOverWithOneConfigurationSeeEachOther() {
        try (ApiClient first = ApiClient.open(base(), "api-handover");
                ApiClient second = ApiClient.open(base(), "api-handover")) {
            String firstId = first.request("me");
            String secondId = second.request("me");
            String open = second.request("ids");
            assertTrue(open.contains(firstId) && open.contains(secondId), open);
            assertEquals(2, open.split(",").length, open);
        }
    }
}
