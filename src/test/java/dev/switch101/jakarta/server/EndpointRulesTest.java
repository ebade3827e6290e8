package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

/**
 * Deployment rules (Jakarta WebSocket 2.1 §3.1.1, §6.4): each refusal names the endpoint class,
 * its path and the rule, so the deployment log says what to fix.
 */
class EndpointRulesTest {

    public static final class Chat extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public static final class Other extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public static final class NoDefaultConstructor extends Endpoint {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public abstract static class Abstract extends Endpoint {
    }

    /** A configuration with any path (the API's Builder refuses some of them itself). */
    private static ServerEndpointConfig config(Class<?> type, String path) {
        ServerEndpointConfig valid = ServerEndpointConfig.Builder.create(type, "/valid")
                .configurator(new DefaultConfigurator()).build();
        return (ServerEndpointConfig) Proxy.newProxyInstance(EndpointRulesTest.class.getClassLoader(),
                new Class<?>[] {ServerEndpointConfig.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? path : method.invoke(valid, args));
    }

    private static String refusal(EndpointRules rules, Class<?> type, String path) {
        return assertThrows(DeploymentException.class, () -> rules.admit(config(type, path), false)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing in: " + message);
        }
    }

    @Test
    void duplicatePathNamesBothClasses() throws Exception {
        EndpointRules rules = new EndpointRules();
        rules.admit(config(Chat.class, "/chat"), false);
        assertMentions(refusal(rules, Other.class, "/chat"), Other.class.getName(), Chat.class.getName(), "'/chat'",
                "same path");
    }

    @Test
    void equivalentTemplatesNameBothPaths() throws Exception {
        EndpointRules rules = new EndpointRules();
        rules.admit(config(Chat.class, "/a/{x}"), false);
        assertMentions(refusal(rules, Other.class, "/a/{y}"), Other.class.getName(), Chat.class.getName(), "/a/{x}",
                "/a/{y}", "equivalent");
        // A literal where the other has a variable is a different path.
        assertDoesNotThrow(() -> rules.admit(config(Other.class, "/a/b"), false));
    }

    @Test
    void pathMustStartWithSlash() {
        assertMentions(refusal(new EndpointRules(), Chat.class, "chat"), Chat.class.getName(), "'chat'",
                "must start with '/'");
    }

    @Test
    void malformedTemplateNamesTheRule() {
        assertMentions(refusal(new EndpointRules(), Chat.class, "/a/{x}/{x}"), Chat.class.getName(), "twice");
        assertMentions(refusal(new EndpointRules(), Chat.class, "/a//b"), Chat.class.getName(), "empty segment");
        assertMentions(refusal(new EndpointRules(), Chat.class, "/a/b{x}"), Chat.class.getName(), "whole segment");
    }

    @Test
    void theContainerMustBeAbleToInstantiateTheClass() throws Exception {
        assertMentions(refusal(new EndpointRules(), NoDefaultConstructor.class, "/x"),
                NoDefaultConstructor.class.getName(), "public no-argument constructor");
        assertMentions(refusal(new EndpointRules(), Abstract.class, "/x"), Abstract.class.getName(), "abstract");
        assertMentions(refusal(new EndpointRules(), String.class, "/x"), "java.lang.String",
                "neither extends jakarta.websocket.Endpoint nor is annotated with @ServerEndpoint");
        // ... unless the configurator makes the instances.
        assertDoesNotThrow(() -> new EndpointRules().admit(config(NoDefaultConstructor.class, "/x"), true));
    }
}
