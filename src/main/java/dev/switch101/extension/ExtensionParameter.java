package dev.switch101.extension;

import dev.switch101.http.HeaderTokens;
import java.util.Objects;

/**
 * One parameter of an extension offer or response: {@code name} or {@code name=value}
 * (RFC 6455 §9.1 extension-param).
 *
 * @param name the parameter name, a token
 * @param value the value with any quotes already removed, or null when the parameter has no value
 */
public record ExtensionParameter(String name, String value) {

    /** Rejects a name that could not be written back into a header. */
    public ExtensionParameter {
        if (!HeaderTokens.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("Extension parameter name is not a token: '" + name + "'");
        }
    }

    /**
     * A parameter without a value, e.g. {@code server_no_context_takeover}.
     *
     * @param name the parameter name
     * @return the parameter
     */
    public static ExtensionParameter of(String name) {
        return new ExtensionParameter(name, null);
    }

    /**
     * A parameter with a value, e.g. {@code client_max_window_bits=10}.
     *
     * @param name the parameter name
     * @param value the unquoted value
     * @return the parameter
     */
    public static ExtensionParameter of(String name, String value) {
        return new ExtensionParameter(name, Objects.requireNonNull(value, "value"));
    }

    /**
     * @return whether the parameter carries a value
     */
    public boolean hasValue() {
        return value != null;
    }

    /**
     * The header form: {@code name}, or {@code name=value} with the value quoted only if it is not a token.
     *
     * @return the parameter as written in {@code Sec-WebSocket-Extensions}
     */
    public String toHeaderValue() {
        return value == null ? name : name + "=" + HeaderTokens.tokenOrQuoted(value);
    }
}
