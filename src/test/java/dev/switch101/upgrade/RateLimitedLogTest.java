package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final RateLimitedLog log = new RateLimitedLog(new Recording(), Duration.ofMinutes(1), clock::get);

    private boolean log(String cause) {
        return log.log(Logger.Level.INFO, cause, () -> "refused: " + cause);
    }

    // Issue 12: a client repeating a malformed request must not flood the log: once per cause per minute.
    @Test
    void EachCauseIsLoggedAtMostOncePerMinute() {
        assertTrue(log("bad percent-escape in the query"));
        for (int i = 0; i < 1000; i++) {
            clock.addAndGet(Duration.ofMillis(50).toNanos());
            assertFalse(log("bad percent-escape in the query"));
        }
        assertTrue(log("encoded '/' in the path"), "another cause has a minute of its own");
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(log("bad percent-escape in the query"), "a minute later it is logged again");
        assertEquals(List.of("refused: bad percent-escape in the query", "refused: encoded '/' in the path",
                "refused: bad percent-escape in the query (1000 more of this kind since the last such message, not logged)"),
                lines);
    }

    // Bounded memory: causes beyond the cap share one window.
    @Test
    void CausesBeyondTheCapShareOneWindow() {
        for (int i = 0; i < RateLimitedLog.MAX_CAUSES; i++) {
            assertTrue(log("cause " + i));
        }
        assertTrue(log("one more"));
        assertFalse(log("and another"), "shares the window of 'one more'");
    }

    // A log line quotes the target with control and non-ASCII characters escaped, cut at 200 characters.
    @Test
    void LoggedTargetsCannotInjectLines() {
        assertEquals("/echo?a=%zz\\u000d\\u000aFAKE\\u00e9", UpgradeFilter.printable("/echo", "a=%zz\r\nFAKE\u00e9"));
        assertEquals(203, UpgradeFilter.printable("/" + "x".repeat(500), null).length());
    }

    private final class Recording implements Logger {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            lines.add(format);
        }
    }
}
