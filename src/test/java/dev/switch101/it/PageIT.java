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

/** Smoke test: the WAR deploys into the real container and serves its page. */
@ExtendWith(ArquillianExtension.class)
class PageIT extends DeployedTarget {

    @Test
    void pageIsServedWith200() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base().toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<h1>Switch101</h1>"), response.body());
        assertTrue(base().getPath().startsWith("/switch101"), "context root: " + base());
    }
}
