package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.TargetContainer;

/**
 * Issue 9: a WAR holding an invalid endpoint fails to deploy, with a DeploymentException whose
 * message names the class (or the conflicting path) and, for a bad signature, the method. Each
 * invalid WAR of {@link InvalidEndpoints} is deployed through Arquillian's {@link Deployer}; the
 * message is looked for in what the deployment failure reports (WildFly's management answer) and
 * in what the container logged meanwhile (the embedded Tomcat reports only "failed to start").
 */
@ExtendWith(ArquillianExtension.class)
class DeploymentFailureIT {

    private static final String FIRST_VALID = "VALID-FIRST";
    private static final String SECOND_VALID = "VALID-SECOND";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "TWO_TEXT_HANDLERS", managed = false, testable = false)
    static WebArchive twoTextHandlers() {
        return ApiWars.invalid(InvalidEndpoints.TWO_TEXT_HANDLERS);
    }

    @Deployment(name = "BAD_PARAMETER", managed = false, testable = false)
    static WebArchive badParameter() {
        return ApiWars.invalid(InvalidEndpoints.BAD_PARAMETER);
    }

    @Deployment(name = "MISSING_DECODER", managed = false, testable = false)
    static WebArchive missingDecoder() {
        return ApiWars.invalid(InvalidEndpoints.MISSING_DECODER);
    }

    @Deployment(name = "DUPLICATE_PATH", managed = false, testable = false)
    static WebArchive duplicatePath() {
        return ApiWars.invalid(InvalidEndpoints.DUPLICATE_PATH);
    }

    @Deployment(name = "EQUIVALENT_TEMPLATES", managed = false, testable = false)
    static WebArchive equivalentTemplates() {
        return ApiWars.invalid(InvalidEndpoints.EQUIVALENT_TEMPLATES);
    }

    @Deployment(name = FIRST_VALID, managed = false, testable = false)
    static WebArchive firstValid() {
        return ApiWars.api(FIRST_VALID.toLowerCase(Locale.ROOT));
    }

    @Deployment(name = SECOND_VALID, managed = false, testable = false)
    static WebArchive secondValid() {
        return ApiWars.api(SECOND_VALID.toLowerCase(Locale.ROOT));
    }

    // Redeployment: an undeployed Switch101 WAR (after a failed one, and after serving connections to
    // annotated and programmatic endpoints) leaves nothing behind that breaks the next: the same
    // endpoints in a WAR deployed afterwards in the same server are served.
    @Test
    void aSwitch101WarServesAfterAFailedOneAndAnUndeployedOne() throws Exception {
        assertDeploymentFails(InvalidEndpoints.DUPLICATE_PATH);
        deployAndEcho(FIRST_VALID);
        deployAndEcho(SECOND_VALID);
    }

    private void deployAndEcho(String deployment) throws Exception {
        deployer.deploy(deployment);
        try {
            URL base = new URL("http://127.0.0.1:" + TargetContainer.httpPort() + "/" + deployment.toLowerCase(Locale.ROOT) + "/");
            class Checks implements PlainEchoChecks, ProgrammaticChecks {
                @Override
                public URL base() {
                    return base;
                }
            }
            Checks checks = new Checks();
            checks.plainEchoEchoesTextAndBinary();
            checks.messageHandlersWholeAndPartialAndTheSecondTextHandlerIsRefused();
            checks.endpointAddedByAServletContextListenerIsServed();
        } finally {
            deployer.undeploy(deployment);
        }
    }

    // §4.7: one @OnMessage per message type.
    @Test
    void twoTextHandlersFailTheDeployment() {
        assertDeploymentFails(InvalidEndpoints.TWO_TEXT_HANDLERS);
    }

    // §4.7: parameters of @OnMessage.
    @Test
    void aParameterTheSpecDoesNotAllowFailsTheDeployment() {
        assertDeploymentFails(InvalidEndpoints.BAD_PARAMETER);
    }

    // §4.7/§4.1: a decoded type needs a decoder.
    @Test
    void aTypeWithoutDecoderFailsTheDeployment() {
        assertDeploymentFails(InvalidEndpoints.MISSING_DECODER);
    }

    // §3.1.1 / ServerContainer.addEndpoint: one endpoint per path.
    @Test
    void twoEndpointsOnOnePathFailTheDeployment() {
        assertDeploymentFails(InvalidEndpoints.DUPLICATE_PATH);
    }

    // ServerContainer.addEndpoint: equivalent templates.
    @Test
    void equivalentTemplatesFailTheDeployment() {
        assertDeploymentFails(InvalidEndpoints.EQUIVALENT_TEMPLATES);
    }

    private void assertDeploymentFails(InvalidEndpoints invalid) {
        String name = invalid.name();
        try (DeploymentLog log = DeploymentLog.record()) {
            Exception thrown = null;
            try {
                deployer.deploy(name);
            } catch (Exception failed) {
                // Arquillian rethrows the container's checked DeploymentException undeclared (WildFly).
                thrown = failed;
            }
            if (thrown == null) {
                // The embedded Tomcat adapter does not report a context that failed to start: it
                // must not be serving (its index.html is there when it runs).
                int status = statusOf(invalid.warName() + "/index.html");
                assertNotEquals(200, status, () -> invalid.warName() + " was deployed and serves:\n" + log.text());
            }
            String reported = (thrown == null ? "" : stackTrace(thrown)) + "\n" + log.text();
            System.out.println("[apitests] " + invalid + ": deployment failed: " + (thrown != null ? thrown : "(in the log)"));
            assertTrue(reported.contains("DeploymentException"), () -> "no DeploymentException reported:\n" + reported);
            assertTrue(invalid.namesCulpritAndMethod(reported),
                    () -> "the failure does not name " + invalid.culprit() + " (and the method):\n" + reported);
        } finally {
            undeployQuietly(name);
        }
    }

    private static int statusOf(String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TargetContainer.httpPort() + "/" + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A failed deployment may or may not stay registered with the container; remove it if it did. */
    private void undeployQuietly(String name) {
        try {
            deployer.undeploy(name);
        } catch (RuntimeException notDeployed) {
            System.out.println("[apitests] undeploy " + name + ": " + notDeployed);
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
