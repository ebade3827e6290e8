package dev.switch101.upgrade;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Logs an event at most once per cause per interval, so that a client repeating a bad request
 * cannot flood the log: the first occurrence is logged, the next ones within the interval are only
 * counted, and the count is told with the next message logged for that cause.
 *
 * <p>Causes are short fixed texts (e.g. the reasons of {@link RequestTarget#problem}); at most
 * {@value #MAX_CAUSES} are tracked (give or take a racing few), further ones share one entry. Thread-safe.
 */
final class RateLimitedLog {

    static final int MAX_CAUSES = 64;
    private static final String OTHER = "(other causes)";

    private final Logger logger;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param logger    where messages go
     * @param interval  how long a cause stays quiet after it was logged
     * @param nanoClock {@link System#nanoTime} in production; a test's clock in tests
     */
    RateLimitedLog(Logger logger, Duration interval, LongSupplier nanoClock) {
        this.logger = Objects.requireNonNull(logger, "logger");
        this.intervalNanos = interval.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Logs {@code message} unless {@code cause} was logged less than an interval ago.
     *
     * @return whether it was logged
     */
    boolean log(Level level, String cause, Supplier<String> message) {
        String key = windows.size() >= MAX_CAUSES && !windows.containsKey(cause) ? OTHER : cause;
        Window window = windows.computeIfAbsent(key, k -> new Window());
        long now = nanoClock.getAsLong();
        long suppressed;
        synchronized (window) {
            if (window.logged && now - window.loggedAt < intervalNanos) {
                window.suppressed++;
                return false;
            }
            suppressed = window.suppressed;
            window.logged = true;
            window.loggedAt = now;
            window.suppressed = 0;
        }
        logger.log(level, message.get() + (suppressed == 0 ? ""
                : " (" + suppressed + " more of this kind since the last such message, not logged)"));
        return true;
    }

    /** When a cause was last logged, and how often it was suppressed since. */
    private static final class Window {
        boolean logged;
        long loggedAt;
        long suppressed;
    }
}
