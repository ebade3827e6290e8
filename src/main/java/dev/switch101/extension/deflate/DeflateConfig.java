package dev.switch101.extension.deflate;

import java.util.function.Function;
import java.util.zip.Deflater;

/**
 * The server's permessage-deflate policy (RFC 7692).
 *
 * @param enabled         whether permessage-deflate is offered to clients that ask for it
 * @param level           the compression level, 0..9, or -1 for zlib's default (6)
 * @param threshold       outgoing whole messages smaller than this many bytes are sent uncompressed
 *                        (compressing a few bytes costs more than it saves); messages sent in parts are
 *                        always compressed
 * @param contextTakeover whether the compression context may be kept from one message to the next:
 *                        better compression, but every connection then holds its compressor and
 *                        decompressor (some 300 KiB of native memory) for as long as it lives. Off by
 *                        default: the server answers {@code server_no_context_takeover} and
 *                        {@code client_no_context_takeover}, and a connection borrows a compressor or
 *                        decompressor from a shared pool for one message at a time
 * @param poolSize        how many idle compressors and decompressors (each) the pool keeps for reuse
 */
public record DeflateConfig(boolean enabled, int level, int threshold, boolean contextTakeover, int poolSize) {

    /** On, level 6, messages of 256 bytes and more compressed, no context takeover, 16 pooled of each. */
    public static final DeflateConfig DEFAULT = new DeflateConfig(true, Deflater.DEFAULT_COMPRESSION, 256, false, 16);

    /** Off: permessage-deflate is declined. */
    public static final DeflateConfig OFF = new DeflateConfig(false, Deflater.DEFAULT_COMPRESSION, 256, false, 16);

    /** Checks the ranges. */
    public DeflateConfig {
        if (level < -1 || level > 9) {
            throw new IllegalArgumentException("Deflate level must be -1..9, was " + level);
        }
        if (threshold < 0 || poolSize < 0) {
            throw new IllegalArgumentException("Deflate threshold and pool size must be >= 0");
        }
    }

    /** A copy with another threshold. */
    public DeflateConfig withThreshold(int bytes) {
        return new DeflateConfig(enabled, level, bytes, contextTakeover, poolSize);
    }

    /** A copy with context takeover allowed or not. */
    public DeflateConfig withContextTakeover(boolean allowed) {
        return new DeflateConfig(enabled, level, threshold, allowed, poolSize);
    }

    /** A copy with another level. */
    public DeflateConfig withLevel(int compressionLevel) {
        return new DeflateConfig(enabled, compressionLevel, threshold, contextTakeover, poolSize);
    }

    /**
     * The policy from configuration, e.g. servlet context-params: {@code dev.switch101.deflate}
     * ({@code true}/{@code false}), {@code .deflateLevel}, {@code .deflateThreshold},
     * {@code .deflateContextTakeover}, {@code .deflatePoolSize}.
     *
     * @param config a lookup returning {@code null} for unset keys
     * @throws IllegalArgumentException for a value that is not a number where one is expected
     */
    public static DeflateConfig from(Function<String, String> config) {
        DeflateConfig d = DEFAULT;
        return new DeflateConfig(
                booleanOf(config, "deflate", d.enabled),
                intOf(config, "deflateLevel", d.level),
                intOf(config, "deflateThreshold", d.threshold),
                booleanOf(config, "deflateContextTakeover", d.contextTakeover),
                intOf(config, "deflatePoolSize", d.poolSize));
    }

    private static boolean booleanOf(Function<String, String> config, String name, boolean fallback) {
        String value = config.apply("dev.switch101." + name);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }

    private static int intOf(Function<String, String> config, String name, int fallback) {
        String value = config.apply("dev.switch101." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dev.switch101." + name + " is not a number: " + value, e);
        }
    }
}
