package dev.switch101.extension;

/**
 * An extension accepted for one connection.
 *
 * <p>The negotiation questions come first; {@link #newTransform} then puts the extension to work
 * on the connection's frames. An extension that only negotiates (it gives no meaning to frames)
 * keeps the default, which passes frames through unchanged.
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

    /**
     * The extension's work on one connection's frames, created once the connection is up and
     * {@link FrameTransform#close() closed} when it is gone.
     *
     * @param context the connection's sizes and input back-pressure
     * @return the transform; by default one that passes frames through
     */
    default FrameTransform newTransform(TransformContext context) {
        return FrameTransform.PASS_THROUGH;
    }
}
