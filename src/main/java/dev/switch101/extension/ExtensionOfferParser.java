package dev.switch101.extension;

import dev.switch101.http.HeaderTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Parses {@code Sec-WebSocket-Extensions} request headers (RFC 6455 §9.1): several header lines,
 * several comma-separated offers per line, {@code ;}-separated parameters, token or quoted-string
 * values.
 *
 * <pre>
 * extension       = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 *
 * <p>A syntactically malformed offer is skipped and the others kept, in order: one bad offer should
 * cost the client that extension, not the connection. Per RFC 6455 §9.1 a quoted value must still be
 * a token once unquoted; one that is not makes its offer malformed.
 */
public final class ExtensionOfferParser {

    /** The header parsed. */
    public static final String HEADER = "Sec-WebSocket-Extensions";

    private ExtensionOfferParser() {
    }

    /**
     * Parses every value of every {@code Sec-WebSocket-Extensions} header, silently skipping malformed
     * offers. Use {@link #parse(List, Consumer)} to learn which were skipped.
     *
     * @param headerValues the header values, in order
     * @return the well-formed offers, in the client's order
     */
    public static List<ExtensionOffer> parse(List<String> headerValues) {
        return parse(headerValues, malformed -> { });
    }

    /**
     * Parses every value of every {@code Sec-WebSocket-Extensions} header.
     *
     * @param headerValues the header values, in order
     * @param malformedOffers receives each skipped offer's text, e.g. for the caller to log
     * @return the well-formed offers, in the client's order
     */
    public static List<ExtensionOffer> parse(List<String> headerValues, Consumer<String> malformedOffers) {
        Objects.requireNonNull(malformedOffers, "malformedOffers");
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String element : HeaderTokens.elements(headerValues)) {
            Optional<ExtensionOffer> offer = parseOffer(element);
            if (offer.isPresent()) {
                offers.add(offer.get());
            } else {
                malformedOffers.accept(element);
            }
        }
        return offers;
    }

    /**
     * Parses one offer, the text between two commas.
     *
     * @param element e.g. {@code permessage-deflate; client_max_window_bits="10"}
     * @return the offer, or empty if {@code element} is malformed
     */
    public static Optional<ExtensionOffer> parseOffer(String element) {
        List<String> pieces = HeaderTokens.splitOutsideQuotes(Objects.requireNonNull(element, "element"), ';');
        String name = pieces.get(0);
        if (!HeaderTokens.isToken(name)) {
            return Optional.empty();
        }
        List<ExtensionParameter> parameters = new ArrayList<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            Optional<ExtensionParameter> parameter = parseParameter(piece);
            if (parameter.isEmpty()) {
                return Optional.empty();
            }
            parameters.add(parameter.get());
        }
        return Optional.of(new ExtensionOffer(name, parameters));
    }

    private static Optional<ExtensionParameter> parseParameter(String piece) {
        int equals = piece.indexOf('=');
        if (equals < 0) {
            return HeaderTokens.isToken(piece) ? Optional.of(ExtensionParameter.of(piece)) : Optional.empty();
        }
        // The name is a token and cannot contain '=', so the first one is the separator.
        String name = piece.substring(0, equals).trim();
        String rawValue = piece.substring(equals + 1).trim();
        if (!HeaderTokens.isToken(name)) {
            return Optional.empty();
        }
        String value = rawValue.startsWith("\"") ? HeaderTokens.unquote(rawValue) : rawValue;
        if (!HeaderTokens.isToken(value)) {
            return Optional.empty();
        }
        return Optional.of(ExtensionParameter.of(name, value));
    }
}
