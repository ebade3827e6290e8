package dev.switch101.extension;

import dev.switch101.http.HeaderTokens;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One extension with its parameters, as offered by a client or answered by the server in
 * {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1).
 *
 * @param name the extension token, e.g. {@code permessage-deflate}
 * @param parameters the parameters in header order; unmodifiable, duplicates kept so factories can
 *     decline them
 */
public record ExtensionOffer(String name, List<ExtensionParameter> parameters) {

    /** Rejects a name that is not a token and copies the parameters. */
    public ExtensionOffer {
        if (!HeaderTokens.isToken(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("Extension name is not a token: '" + name + "'");
        }
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    /**
     * An offer without parameters.
     *
     * @param name the extension token
     */
    public ExtensionOffer(String name) {
        this(name, List.of());
    }

    /**
     * The first parameter called {@code parameterName}; names compare case-sensitively, like the
     * extension tokens themselves.
     *
     * @param parameterName the parameter name
     * @return the parameter, or empty if absent
     */
    public Optional<ExtensionParameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /**
     * The header form: {@code name; p1; p2=v}, values quoted only if not a token.
     *
     * @return the offer as written in {@code Sec-WebSocket-Extensions}
     */
    public String toHeaderValue() {
        StringBuilder header = new StringBuilder(name);
        for (ExtensionParameter parameter : parameters) {
            header.append("; ").append(parameter.toHeaderValue());
        }
        return header.toString();
    }
}
