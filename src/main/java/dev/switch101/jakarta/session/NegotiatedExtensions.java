package dev.switch101.jakarta.session;

import java.util.List;

import jakarta.websocket.Extension;

import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.ExtensionOfferParser;

/** {@code Session.getNegotiatedExtensions()}: the accepted {@code Sec-WebSocket-Extensions} values as API objects. */
final class NegotiatedExtensions {

    private NegotiatedExtensions() {
    }

    /** @param headerValues the extensions as answered in the 101, in order */
    static List<Extension> of(List<String> headerValues) {
        return ExtensionOfferParser.parse(headerValues).stream().<Extension>map(NegotiatedExtensions::toApi).toList();
    }

    private static Extension toApi(ExtensionOffer offer) {
        List<Extension.Parameter> parameters = offer.parameters().stream()
                .<Extension.Parameter>map(p -> new Parameter(p.name(), p.value())).toList();
        return new Negotiated(offer.name(), parameters);
    }

    private record Negotiated(String getName, List<Extension.Parameter> getParameters) implements Extension {
    }

    private record Parameter(String getName, String getValue) implements Extension.Parameter {
    }
}
