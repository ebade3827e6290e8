package dev.switch101.it.jakarta;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import org.glassfish.tyrus.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.switch101.it.jakarta.fixtures.ApiEndpoints;

/**
 * The API checks against Tyrus' own server (the reference implementation family of Jakarta
 * WebSocket), with the very same endpoint classes the WARs on Switch101 hold: shows that the
 * checks and the endpoints are right before our engine is judged by them. Where Tyrus' standalone
 * server cannot run a check (no servlet container) or Tyrus differs from the spec, the check is
 * overridden and disabled with the reason and the clause.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TyrusApiReferenceTest implements AnnotatedMessageChecks, CoderChecks, ErrorAndCloseChecks, UriTemplateChecks,
        ProgrammaticChecks, ConfiguratorChecks, SessionChecks, RemoteEndpointChecks, PlainEchoChecks, ImplementationChecks {

    private static final String HOST = "127.0.0.1";
    /** README, "Ports": 18097; override with -Dapitests.tyrus.port. */
    private static final int PORT = Integer.getInteger("apitests.tyrus.port", 18097);
    private static final String CONTEXT = "/jakarta";

    private Server server;

    @BeforeAll
    void startTyrus() throws Exception {
        List<Class<?>> classes = ApiEndpoints.deployable();
        server = new Server(HOST, PORT, CONTEXT, Map.of(), classes.toArray(Class<?>[]::new));
        server.start();
    }

    @AfterAll
    void stopTyrus() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public URL base() {
        try {
            return new URL("http://" + HOST + ":" + PORT + CONTEXT + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String implementationPackage() {
        return "org.glassfish.tyrus.";
    }

    @Override
    public boolean hasServletContext() {
        return false;
    }

    @Override
    @Test
    @Disabled("Tyrus' standalone server has no ServletContext, so no ServletContextListener (spec §6.4 is about servlet containers)")
    public void endpointAddedByAServletContextListenerIsServed() {
    }

    @Override
    @Test
    @Disabled("Tyrus' standalone server has no HttpSession (HandshakeRequest.getHttpSession: null outside servlet containers)")
    public void modifyHandshakeSeesTheHttpSession() {
    }

    @Override
    @Test
    @Disabled("Tyrus' standalone Server deploys every @ServerEndpoint class it is given; ServerApplicationConfig"
            + " filters scanned classes (§6.2), and the standalone server scans nothing")
    public void serverApplicationConfigFiltersAnnotatedEndpoints() {
    }

    @Override
    @Test
    @Disabled("Tyrus 2.1.5 puts the query parameters into Session.getPathParameters() (its javadoc: the path"
            + " parameters of the request; §3.1.1 path parameters are the URI template's variables)")
    public void pathParametersAreTheTemplateVariablesOnly() {
    }

    @Override
    @Test
    @Disabled("Tyrus 2.1.5 puts the path parameters into Session.getRequestParameterMap() (its javadoc: the"
            + " parameters contained in the query string)")
    public void requestParametersAreThoseOfTheQueryString() {
    }
}
