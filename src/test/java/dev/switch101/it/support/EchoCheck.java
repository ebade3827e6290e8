package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;

/**
 * A fresh connection's echo, for tests that check that what a hostile peer does leaves other
 * connections served: connect to {@code /echo}, one text message, its echo, a clean close. The
 * bound is generous (each read may take {@link RawWebSocket#READ_TIMEOUT_MILLIS}): it tells a
 * served connection from a starved one, it is no latency benchmark.
 */
public final class EchoCheck {

    private EchoCheck() {
    }

    /** Asserts that an echo completes on a new connection; returns how long it took, milliseconds. */
    public static long echoCompletes(URL base, String what) throws IOException {
        long start = System.nanoTime();
        try (RawWebSocket ws = RawWebSocket.connect(base, "echo")) {
            String text = "still served during " + what;
            ws.sendText(text);
            assertEquals(text, ws.readText(), "another connection's echo during " + what);
            ws.sendClose(1000, "");
            ws.expectClose(1000);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
