package dev.switch101.it.jakarta;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, "Done when": the plain echo works on Tomcat's built-in implementation (a WAR without
 * Switch101 and without the context.xml that switches Tomcat's WsSci off), served by Tomcat's own
 * classes; {@link JakartaApiIT} runs the same unchanged class on Switch101. Not on WildFly, whose
 * built-in implementation the test setup switches off server-wide.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly",
        disabledReason = "WildFly's built-in WebSocket support is removed server-wide for Switch101")
class BuiltinTomcatIT implements PlainEchoChecks, ImplementationChecks {

    @ArquillianResource
    private URL deployed;

    @Deployment(testable = false)
    static WebArchive war() {
        return ApiWars.withoutSwitch101();
    }

    @Override
    public URL base() {
        return ApiWars.base(deployed, ApiWars.BUILTIN);
    }

    @Override
    public String implementationPackage() {
        return "org.apache.tomcat.websocket.";
    }
}
