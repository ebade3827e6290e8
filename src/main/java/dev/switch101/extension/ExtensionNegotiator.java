package dev.switch101.extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Chooses the extensions of a connection from the client's offers (RFC 6455 §9.1).
 *
 * <p>Walks the offers in the client's order, which is its order of preference: unknown names are
 * never accepted; the first acceptable offer per extension name wins, later offers of the same name
 * being alternatives (RFC 7692 §5); an extension whose RSV bits collide with an already accepted one
 * is declined, since a frame's RSV bit could then not be attributed to one extension. Names compare
 * case-sensitively, so the answer echoes exactly what the client offered.
 *
 * <p>Immutable and thread-safe if the factories are.
 */
public final class ExtensionNegotiator {

    private final Map<String, ExtensionFactory> factories;

    /**
     * @param factories the server's extensions; at most one factory per name
     * @throws IllegalArgumentException if two factories share a name
     */
    public ExtensionNegotiator(List<ExtensionFactory> factories) {
        Map<String, ExtensionFactory> byName = new LinkedHashMap<>();
        for (ExtensionFactory factory : Objects.requireNonNull(factories, "factories")) {
            if (byName.putIfAbsent(factory.name(), factory) != null) {
                throw new IllegalArgumentException("Two extension factories for '" + factory.name() + "'");
            }
        }
        this.factories = Map.copyOf(byName);
    }

    /**
     * @param offers the client's offers, in its order
     * @return the accepted extensions, in the client's order; empty if none
     * @throws IllegalStateException if a factory answers with an extension of another name or
     *     impossible RSV bits, a bug in the factory that must not reach the wire
     */
    public List<Extension> negotiate(List<ExtensionOffer> offers) {
        List<Extension> accepted = new ArrayList<>();
        Set<String> settledNames = new HashSet<>();
        int usedRsvBits = 0;
        for (ExtensionOffer offer : Objects.requireNonNull(offers, "offers")) {
            ExtensionFactory factory = factories.get(offer.name());
            if (factory == null || settledNames.contains(offer.name())) {
                continue;
            }
            Optional<Extension> candidate = factory.negotiate(offer);
            if (candidate.isEmpty()) {
                continue;
            }
            Extension extension = candidate.get();
            checkConsistent(offer, extension);
            if ((extension.rsvBits() & usedRsvBits) != 0) {
                continue;
            }
            accepted.add(extension);
            settledNames.add(offer.name());
            usedRsvBits |= extension.rsvBits();
        }
        return List.copyOf(accepted);
    }

    /**
     * The {@code Sec-WebSocket-Extensions} response value for the accepted extensions.
     *
     * @param accepted the negotiated extensions, in order
     * @return a comma list of their responses, or empty if none (the header is then omitted)
     */
    public static Optional<String> responseHeader(List<Extension> accepted) {
        if (Objects.requireNonNull(accepted, "accepted").isEmpty()) {
            return Optional.empty();
        }
        StringJoiner value = new StringJoiner(", ");
        for (Extension extension : accepted) {
            value.add(extension.response().toHeaderValue());
        }
        return Optional.of(value.toString());
    }

    private static void checkConsistent(ExtensionOffer offer, Extension extension) {
        if (!offer.name().equals(extension.name()) || !offer.name().equals(extension.response().name())) {
            throw new IllegalStateException("Factory for '" + offer.name() + "' produced extension '"
                    + extension.name() + "' answering '" + extension.response().name() + "'");
        }
        if (extension.rsvBits() < 0 || extension.rsvBits() > 7) {
            throw new IllegalStateException("Extension '" + extension.name() + "' claims RSV bits "
                    + extension.rsvBits() + ", outside 0..7");
        }
    }
}
