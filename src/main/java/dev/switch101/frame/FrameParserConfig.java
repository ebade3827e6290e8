package dev.switch101.frame;

/**
 * Limits and role for a {@link FrameParser}.
 *
 * @param requireMasked   {@code true} on the server side, where every client frame must be masked
 *                        (RFC 6455 §5.1); {@code false} on the client side, where server frames must
 *                        not be masked. Either violation fails the connection with 1002.
 * @param maxFramePayload the largest payload accepted in a single data frame; a larger declared
 *                        length fails the connection with 1009 before any payload is read.
 *                        Control frames are limited to 125 bytes by the protocol instead.
 */
public record FrameParserConfig(boolean requireMasked, long maxFramePayload) {

    /**
     * Validates the limit: a negative one would refuse every data frame, even empty ones.
     *
     * @param requireMasked   {@code true} on the server side
     * @param maxFramePayload the largest data frame payload accepted, &gt;= 0
     * @throws IllegalArgumentException if {@code maxFramePayload} is negative
     */
    public FrameParserConfig {
        if (maxFramePayload < 0) {
            throw new IllegalArgumentException("maxFramePayload must be >= 0, was " + maxFramePayload);
        }
    }

    /**
     * @param maxFramePayload the largest data frame payload accepted
     * @return a configuration for parsing frames sent by a client (masked frames required)
     */
    public static FrameParserConfig server(long maxFramePayload) {
        return new FrameParserConfig(true, maxFramePayload);
    }

    /**
     * @param maxFramePayload the largest data frame payload accepted
     * @return a configuration for parsing frames sent by a server (masked frames refused)
     */
    public static FrameParserConfig client(long maxFramePayload) {
        return new FrameParserConfig(false, maxFramePayload);
    }
}
