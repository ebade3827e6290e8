package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.TargetContainer;

/**
 * Connections that come and go leave nothing behind: {@code churn.cycles} cycles of connect →
 * handshake → echo (the engine-level {@code /stream-echo}) → close (2,000 by default, about half
 * a minute here; {@code mvn -Psoak} runs 100,000), on {@value #CLIENTS} client threads; every tenth cycle the client vanishes after its
 * echo (TCP close, no close frame) instead of closing cleanly. Afterwards the server's heap after
 * GC must be back within 5 % of its baseline, and its threads and open file descriptors back to
 * theirs (a few of slack for the container's own comings and goings), as the
 * {@code /it/process} probe reports them. The baseline is taken after a warm-up of
 * {@value #WARM_UP} cycles, which grows the thread pools to their working size.
 *
 * <p>That it can fail: a session kept in the registry, a thread or a socket per connection
 * would show as megabytes, thousands of threads or of descriptors after 2,000 cycles.
 */
@ExtendWith(ArquillianExtension.class)
class ChurnIT extends DeployedTarget {

    private static final int CLIENTS = 4;
    private static final int WARM_UP = 500;
    private static final double HEAP_TOLERANCE = 0.05;
    /** Threads or descriptors the container may have more than at the baseline, for its own reasons. */
    private static final int COUNT_SLACK = 5;
    private static final long SETTLE_MILLIS = 30_000;

    @Test
    void heapThreadsAndDescriptorsReturnToTheirBaselineAfterChurn() throws Exception {
        int cycles = Integer.getInteger("churn.cycles", 2_000);
        run(WARM_UP);
        Map<String, Long> baseline = settled(null);
        long start = System.nanoTime();
        run(cycles);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = settled(baseline);
        System.out.printf("[churn] %,d cycles on %s in %.1f s (%,.0f/s): heap %,d -> %,d bytes (%+.1f %%), threads %d -> %d,"
                + " fds %d -> %d%n", cycles, TargetContainer.qualifier(), seconds, cycles / seconds,
                baseline.get("heap"), after.get("heap"), 100.0 * (after.get("heap") - baseline.get("heap"))
                        / baseline.get("heap"), baseline.get("threads"), after.get("threads"), baseline.get("fds"),
                after.get("fds"));
        assertTrue(withinBaseline(baseline, after), () -> "after " + cycles + " cycles: " + after + ", baseline "
                + baseline);
    }

    /** Runs {@code cycles} cycles on {@link #CLIENTS} threads; fails on the first cycle that fails. */
    private void run(int cycles) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < cycles; ) {
                        cycle(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private void cycle(int i) throws IOException {
        try (RawWebSocket ws = RawWebSocket.connect(base(), "stream-echo")) {
            String text = "cycle " + i;
            ws.sendText(text);
            assertEquals(text, ws.readText(), "echo in cycle " + i);
            if (i % 10 == 9) {
                ws.vanish(); // no close frame: the server sees the end of the stream (1006)
            } else {
                ws.sendClose(1000, "");
                ws.expectClose(1000);
            }
        }
    }

    /** Waits until the probe's figures are within the baseline's bounds (or time is up) and returns the last. */
    private Map<String, Long> settled(Map<String, Long> baseline) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        Map<String, Long> now = process();
        while (baseline != null && !withinBaseline(baseline, now) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            now = process();
        }
        if (baseline == null) {
            Thread.sleep(2_000); // the warm-up's last connections finish closing
            now = process();
        }
        return now;
    }

    private static boolean withinBaseline(Map<String, Long> baseline, Map<String, Long> now) {
        return now.get("heap") <= baseline.get("heap") * (1 + HEAP_TOLERANCE)
                && now.get("threads") <= baseline.get("threads") + COUNT_SLACK
                && now.get("fds") <= baseline.get("fds") + COUNT_SLACK;
    }

    /** The {@code /it/process} probe: heap after GC, live threads, open file descriptors. */
    private Map<String, Long> process() throws IOException {
        try (RawHttp http = RawHttp.connect(base())) {
            http.socket().setSoTimeout(60_000);
            RawHttp.Response response = http.send(RawHttp.get(base().getPath() + "it/process",
                    "Host: " + base().getHost() + ":" + base().getPort(), "Connection: close")).readResponse();
            assertEquals(200, response.status(), response.statusLine());
            Map<String, Long> values = new HashMap<>();
            for (String line : response.body().split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2) {
                    values.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return values;
        }
    }
}
