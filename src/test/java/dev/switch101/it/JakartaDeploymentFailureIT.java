package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
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

import dev.switch101.it.jcontainer.invalid.EquivalentPathsConfig;
import dev.switch101.it.support.Switch101War;

/**
 * An application with an invalid endpoint does not deploy (Jakarta WebSocket 2.1 §3.1.1: two
 * endpoints at equivalent URI templates): our initializer's DeploymentException fails the
 * application's start. WildFly reports the failed deployment; the embedded Tomcat adapter does
 * not, so there the application must simply not serve (Tomcat marks a context that failed to
 * start unavailable). The messages themselves are pinned by EndpointRulesTest.
 */
@ExtendWith(ArquillianExtension.class)
class JakartaDeploymentFailureIT {

    private static final String NAME = "invalid";

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive war() {
        WebArchive valid = Switch101War.create();
        // Its own context root, so that a context left behind cannot meet another test's deployment.
        return org.jboss.shrinkwrap.api.ShrinkWrap.create(WebArchive.class, NAME + ".war").merge(valid)
                .addClasses(EquivalentPathsConfig.class, EquivalentPathsConfig.Twice.class);
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void anApplicationWithEquivalentEndpointPathsDoesNotDeploy() throws Exception {
        boolean reported;
        try {
            deployer.deploy(NAME);
            reported = false;
        } catch (Exception expected) {
            // WildFly: the container's own report carries our DeploymentException's message.
            System.out.println("[switch101] deployment failed as it must: " + expected);
            assertTrue(String.valueOf(expected.getMessage()).contains("is equivalent to '/invalid/{x}'"),
                    expected::getMessage);
            reported = true;
        }
        try {
            if (!reported) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort() + "/" + NAME + "/it/server-info")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertNotEquals(200, response.statusCode(), "the invalid application serves: " + response.body());
            }
        } finally {
            try {
                deployer.undeploy(NAME);
            } catch (RuntimeException alreadyGone) {
                System.out.println("[switch101] undeploy after the failure: " + alreadyGone);
            }
        }
    }

    private static String httpPort() {
        String launch = System.getProperty("arquillian.launch", "");
        return switch (launch) {
            case "wildfly" -> System.getProperty("it.wildfly.http.port");
            case "tomcat10" -> System.getProperty("it.tomcat10.http.port");
            default -> System.getProperty("it.tomcat.http.port");
        };
    }
}
