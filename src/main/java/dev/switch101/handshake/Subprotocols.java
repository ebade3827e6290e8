package dev.switch101.handshake;

import dev.switch101.http.HeaderTokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Subprotocol negotiation (RFC 6455 §4.2.2, /subprotocol/). */
public final class Subprotocols {

    /** The request header carrying the client's offers. */
    public static final String HEADER = "Sec-WebSocket-Protocol";

    private Subprotocols() {
    }

    /**
     * The client's offers from every {@code Sec-WebSocket-Protocol} header, in order, trimmed, empties
     * dropped, a duplicate kept only at its first position.
     *
     * @param request the handshake request
     * @return the offers in the client's order of preference
     */
    public static List<String> offered(HandshakeRequest request) {
        Objects.requireNonNull(request, "request");
        return new ArrayList<>(new LinkedHashSet<>(HeaderTokens.elements(request.headers(HEADER))));
    }

    /**
     * The default selection: the client's first offer that the endpoint supports. Subprotocol names
     * are compared case-sensitively (RFC 6455 §11.3.4 registers them as exact strings).
     *
     * @param offered the client's offers, in preference order
     * @param supported the endpoint's subprotocols
     * @return the chosen subprotocol, or empty if none matches (the handshake then omits the header)
     */
    public static Optional<String> select(List<String> offered, List<String> supported) {
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(supported, "supported");
        for (String offer : offered) {
            if (supported.contains(offer)) {
                return Optional.of(offer);
            }
        }
        return Optional.empty();
    }
}
