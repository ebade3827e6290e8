package dev.switch101.jakarta.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.websocket.Extension;

import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.ExtensionParameter;

/** An engine {@link ExtensionOffer} as a Jakarta {@link Extension}, and back. Immutable. */
final class ExtensionView implements Extension {

    private final String name;
    private final List<Parameter> parameters;

    private ExtensionView(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
    }

    static ExtensionView of(ExtensionOffer offer) {
        List<Parameter> parameters = new ArrayList<>();
        for (ExtensionParameter p : offer.parameters()) {
            parameters.add(new ParameterView(p.name(), p.value()));
        }
        return new ExtensionView(offer.name(), parameters);
    }

    /** An installed extension, known by name only. */
    static ExtensionView named(String name) {
        return new ExtensionView(name, List.of());
    }

    /** The engine's form of any Jakarta extension (for offers an application's configurator returns). */
    static ExtensionOffer toOffer(Extension extension) {
        List<ExtensionParameter> parameters = new ArrayList<>();
        for (Parameter p : extension.getParameters()) {
            parameters.add(new ExtensionParameter(p.getName(), p.getValue()));
        }
        return new ExtensionOffer(extension.getName(), parameters);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<Parameter> getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionView other && other.name.equals(name) && other.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, parameters);
    }

    @Override
    public String toString() {
        return toOffer(this).toHeaderValue();
    }

    private record ParameterView(String name, String value) implements Parameter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getValue() {
            return value;
        }
    }
}
