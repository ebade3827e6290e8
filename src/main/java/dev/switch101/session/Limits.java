package dev.switch101.session;

import java.time.Duration;
import java.util.function.Function;

/**
 * Per-connection limits, each with a safe default; together they bound a connection's memory
 * and how long a peer can hold what it occupies. Every limit can be set per application with a
 * context-param named {@code dev.switch101.<name>} (see README, "Configuration").
 *
 * @param maxFramePayload   largest data frame payload accepted (bytes) → 1009
 * @param maxMessageSize    largest data message accepted (bytes) → 1009
 * @param readBufferSize    bytes read at a time; also the largest part a handler receives
 * @param outboundQueueSize bytes of data frames queued for the peer before senders wait
 * @param sendTimeout       how long a send waits for room in the outbound queue
 * @param idleTimeout       a connection with no traffic either way for this long is closed with 1001;
 *                          zero disables
 * @param closeTimeout      how long a server-initiated close waits for the peer's close frame
 * @param frameTimeout      how long an incoming frame may take from its first byte to its last
 *                          before the connection is failed with 1008; zero disables. Each byte
 *                          counts as traffic for the idle timeout, so without it a peer sending a
 *                          byte now and then inside a frame would hold its connection for ever.
 * @param messageTimeout    how long an incoming data message may take from its first byte to its
 *                          last before the connection is failed with 1008; zero disables. Without
 *                          it a peer sending a small frame now and then, each within the frame
 *                          timeout, would hold a message open for ever, and with it whatever the
 *                          message holds: its bytes, or the thread of a handler reading it as a stream.
 */
public record Limits(long maxFramePayload, long maxMessageSize, int readBufferSize, int outboundQueueSize,
        Duration sendTimeout, Duration idleTimeout, Duration closeTimeout, Duration frameTimeout,
        Duration messageTimeout) {

    /** How long a frame may take by default: as long as a connection may stay idle. */
    public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofMinutes(5);

    /** How long a message may take by default: as long as one frame may. */
    public static final Duration DEFAULT_MESSAGE_TIMEOUT = Duration.ofMinutes(5);

    /**
     * The defaults: 1 MiB frames and messages, 16 KiB reads, 256 KiB queued, 30 s send, 5 min idle,
     * 5 s close, 5 min per frame and per message.
     */
    public static final Limits DEFAULT = new Limits(1 << 20, 1 << 20, 16 * 1024, 256 * 1024,
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(5));

    public Limits {
        if (maxFramePayload < 125 || maxMessageSize < 1 || readBufferSize < 128 || outboundQueueSize < 1024) {
            throw new IllegalArgumentException("Limit too small");
        }
        if (sendTimeout.isNegative() || idleTimeout.isNegative() || closeTimeout.isNegative()
                || frameTimeout.isNegative() || messageTimeout.isNegative()) {
            throw new IllegalArgumentException("Negative timeout");
        }
    }

    /** Limits with the default frame and message timeouts. */
    public Limits(long maxFramePayload, long maxMessageSize, int readBufferSize, int outboundQueueSize,
            Duration sendTimeout, Duration idleTimeout, Duration closeTimeout) {
        this(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout, idleTimeout,
                closeTimeout, DEFAULT_FRAME_TIMEOUT, DEFAULT_MESSAGE_TIMEOUT);
    }

    /** A copy with other message and frame size limits. */
    public Limits withMaxMessageSize(long maxMessageSize, long maxFramePayload) {
        return new Limits(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout,
                idleTimeout, closeTimeout, frameTimeout, messageTimeout);
    }

    /** A copy with another idle timeout. */
    public Limits withIdleTimeout(Duration idleTimeout) {
        return new Limits(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout,
                idleTimeout, closeTimeout, frameTimeout, messageTimeout);
    }

    /** A copy with another send timeout and outbound queue size. */
    public Limits withSendLimits(int outboundQueueSize, Duration sendTimeout) {
        return new Limits(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout,
                idleTimeout, closeTimeout, frameTimeout, messageTimeout);
    }

    /** A copy with another frame timeout (zero disables it). */
    public Limits withFrameTimeout(Duration frameTimeout) {
        return new Limits(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout,
                idleTimeout, closeTimeout, frameTimeout, messageTimeout);
    }

    /** A copy with another message timeout (zero disables it). */
    public Limits withMessageTimeout(Duration messageTimeout) {
        return new Limits(maxFramePayload, maxMessageSize, readBufferSize, outboundQueueSize, sendTimeout,
                idleTimeout, closeTimeout, frameTimeout, messageTimeout);
    }

    /**
     * Limits read from configuration, e.g. servlet context-params.
     *
     * @param config a lookup of {@code dev.switch101.<name>} keys, returning {@code null} for unset ones
     * @throws IllegalArgumentException for a value that is not a number
     */
    public static Limits from(Function<String, String> config) {
        return from(config, DEFAULT);
    }

    /**
     * Limits read from configuration over others, e.g. an endpoint's own settings over the
     * application's.
     *
     * @param config a lookup of {@code dev.switch101.<name>} keys, returning {@code null} for unset ones
     * @param base   the limits a key that is not set keeps
     * @throws IllegalArgumentException for a value that is not a number
     */
    public static Limits from(Function<String, String> config, Limits base) {
        Limits d = base;
        return new Limits(
                longOf(config, "maxFramePayload", d.maxFramePayload),
                longOf(config, "maxMessageSize", d.maxMessageSize),
                (int) longOf(config, "readBufferSize", d.readBufferSize),
                (int) longOf(config, "outboundQueueSize", d.outboundQueueSize),
                Duration.ofMillis(longOf(config, "sendTimeoutMillis", d.sendTimeout.toMillis())),
                Duration.ofMillis(longOf(config, "idleTimeoutMillis", d.idleTimeout.toMillis())),
                Duration.ofMillis(longOf(config, "closeTimeoutMillis", d.closeTimeout.toMillis())),
                Duration.ofMillis(longOf(config, "frameTimeoutMillis", d.frameTimeout.toMillis())),
                Duration.ofMillis(longOf(config, "messageTimeoutMillis", d.messageTimeout.toMillis())));
    }

    private static long longOf(Function<String, String> config, String name, long fallback) {
        String value = config.apply("dev.switch101." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dev.switch101." + name + " is not a number: " + value, e);
        }
    }
}
