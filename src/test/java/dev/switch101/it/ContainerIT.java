package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;

/**
 * The run really is in the container it claims to be: the deployment names its container
 * ({@code ServletContext.getServerInfo()} and Servlet version, through a test fixture), and that
 * must be what the failsafe execution expects ({@code it.container.serverInfo},
 * {@code it.container.servletVersion}) — e.g. "Apache Tomcat/10.1.59" and 6.0 in the Tomcat 10.1
 * run, not the Tomcat 11 that is also on the test classpath.
 */
@ExtendWith(ArquillianExtension.class)
class ContainerIT extends DeployedTarget {

    @Test
    void theDeploymentRunsInTheExpectedContainer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "it/server-info")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String[] lines = response.body().split("\n");
        String serverInfo = lines[0];
        String servletVersion = lines[1];
        System.out.println("[switch101] " + System.getProperty("arquillian.launch") + " run: " + serverInfo
                + ", Servlet " + servletVersion);

        String expected = System.getProperty("it.container.serverInfo");
        assertTrue(expected != null && !expected.isBlank(), "it.container.serverInfo is not set");
        assertTrue(serverInfo.equals(expected) || serverInfo.startsWith(expected + " "),
                () -> "server info \"" + serverInfo + "\", expected \"" + expected + "\"");
        assertEquals(System.getProperty("it.container.servletVersion"), servletVersion, "Servlet version");
    }
}
