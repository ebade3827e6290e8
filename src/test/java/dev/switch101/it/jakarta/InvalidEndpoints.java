package dev.switch101.it.jakarta;

import java.util.List;

import dev.switch101.it.jakarta.fixtures.invalid.BadParameterEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.DuplicatePathFirstEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.DuplicatePathSecondEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.EquivalentTemplateFirstEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.EquivalentTemplateSecondEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.MissingDecoderEndpoint;
import dev.switch101.it.jakarta.fixtures.invalid.TwoTextHandlersEndpoint;

/**
 * The invalid deployments (Jakarta WebSocket 2.1 §4 annotation rules, §3.1.1 paths,
 * ServerContainer.addEndpoint javadoc), each with the words its DeploymentException must contain:
 * the class (simple name), and for signature rules the method.
 */
enum InvalidEndpoints {

    /** §4.7: at most one @OnMessage per native message type (text here: String and Reader). */
    TWO_TEXT_HANDLERS(List.of(TwoTextHandlersEndpoint.class), null, "first", "second"),
    /** §4.7: a parameter type that is neither a message, Session, boolean last nor @PathParam. */
    BAD_PARAMETER(List.of(BadParameterEndpoint.class), null, "message"),
    /** §4.7 + §4.1 decoders: a decoded type with no decoder. */
    MISSING_DECODER(List.of(MissingDecoderEndpoint.class), null, "message"),
    /** §3.1.1 / addEndpoint javadoc: two endpoints on one path. */
    DUPLICATE_PATH(List.of(DuplicatePathFirstEndpoint.class, DuplicatePathSecondEndpoint.class), "/invalid/duplicate"),
    /** addEndpoint javadoc: equivalent templates ("/invalid/{a}" and "/invalid/{b}"). */
    EQUIVALENT_TEMPLATES(List.of(EquivalentTemplateFirstEndpoint.class, EquivalentTemplateSecondEndpoint.class), "/invalid/{");

    private final List<Class<?>> classes;
    private final String path;
    private final List<String> methods;

    InvalidEndpoints(List<Class<?>> classes, String path, String... methods) {
        this.classes = classes;
        this.path = path;
        this.methods = List.of(methods);
    }

    List<Class<?>> classes() {
        return classes;
    }

    /**
     * @return what names the culprit: the path for path conflicts, else the class (simple name,
     *         so that an implementation may print it qualified or not)
     */
    String culprit() {
        return path != null ? path : classes.get(0).getSimpleName();
    }

    /**
     * @return whether {@code message} names what issue 9 asks for: the culprit and, for a bad
     *         signature, the method (any one of {@link #methods})
     */
    boolean namesCulpritAndMethod(String message) {
        return message.contains(culprit()) && (methods.isEmpty() || methods.stream().anyMatch(message::contains));
    }

    /** @return the WAR name of this invalid deployment, e.g. "invalid-bad-parameter" */
    String warName() {
        return "invalid-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
