package dev.switch101.server;

import java.util.function.UnaryOperator;

import jakarta.servlet.ServletContext;

/**
 * Where Switch101's settings ({@code dev.switch101.*}) come from: the application's
 * context-params, and for a setting the application leaves out, a Java system property of the
 * same name — a server-wide default an operator sets once for every application on the server
 * (the benchmark sets one this way, without editing the WAR). The application's value wins.
 */
public final class ContextParameters {

    private ContextParameters() {
    }

    /** Looks a setting up: the context-param, else the system property, else {@code null}. */
    public static UnaryOperator<String> of(ServletContext context) {
        return name -> {
            String value = context.getInitParameter(name);
            return value != null ? value : System.getProperty(name);
        };
    }
}
