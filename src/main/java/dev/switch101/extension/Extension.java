package dev.switch101.extension;

/**
 * An extension accepted for one connection.
 *
 * <p>This interface covers what the opening handshake needs. Transforming frames is the framing
 * layer's concern and will be added there as further methods; implementations written against this
 * interface only need to answer the negotiation questions below.
 */
public interface Extension {

    /**
     * @return the extension token, e.g. {@code permessage-deflate}; equals the offer's name
     */
    String name();

    /**
     * What the server answers in {@code Sec-WebSocket-Extensions} for this extension, with the
     * parameters the server agreed to.
     *
     * @return the response element
     */
    ExtensionOffer response();

    /**
     * The RSV bits this extension gives a meaning to: RSV1 = 4, RSV2 = 2, RSV3 = 1, or-ed together;
     * 0 if none. Two extensions on one connection must not claim the same bit (RFC 6455 §9).
     *
     * @return a value in 0..7
     */
    int rsvBits();
}
