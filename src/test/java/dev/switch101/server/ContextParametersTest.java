package dev.switch101.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A setting the application leaves out falls back to the system property of the same name; the application's wins. */
class ContextParametersTest {

    private static final String NAME = "dev.switch101.test.contextParametersTest";

    @AfterEach
    void clearProperty() {
        System.clearProperty(NAME);
    }

    @Test
    void theApplicationsContextParamWinsOverTheSystemProperty() {
        System.setProperty(NAME, "server-wide");
        assertEquals("app", ContextParameters.of(context(Map.of(NAME, "app"))).apply(NAME));
    }

    @Test
    void aSettingTheApplicationLeavesOutComesFromTheSystemProperty() {
        System.setProperty(NAME, "server-wide");
        assertEquals("server-wide", ContextParameters.of(context(Map.of())).apply(NAME));
    }

    @Test
    void aSettingSetNowhereIsNull() {
        UnaryOperator<String> param = ContextParameters.of(context(Map.of()));
        assertNull(param.apply(NAME));
    }

    private static ServletContext context(Map<String, String> params) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getInitParameter")) {
                        return params.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
