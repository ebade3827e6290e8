package dev.switch101.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.EchoLedger;
import dev.switch101.it.support.EchoLedger.Category;
import dev.switch101.it.support.EchoLedger.Expected;
import dev.switch101.it.support.MessageContent;
import dev.switch101.it.support.MessageContent.TextStyle;
import dev.switch101.it.support.PacedWebSocket;
import dev.switch101.it.support.PacedWebSocket.PongPolicy;
import dev.switch101.it.support.PacedWebSocket.ReadPacing;
import dev.switch101.it.support.PacedWebSocket.WriteChunking;
import dev.switch101.it.support.RawWebSocket;

/**
 * No message lost, corrupted or stalled: many clients at once against the engine-level streaming
 * echo {@code /stream-echo} (the annotated {@code /echo} holds whole messages in memory), each
 * with a pace nobody tuned to — random message sizes from 0 bytes to exactly the 32 MiB limit,
 * text (valid UTF-8, multi-byte characters cut by frame and write boundaries) and binary,
 * random fragmentation, TCP writes of random sizes down to one byte, readers that read at
 * once, trickle or stall for seconds, pings answered at once, late or never, unsolicited pings
 * and pongs between data frames, pipelines, and connections that end cleanly, with a close
 * frame right behind the last message, or with a protocol error right behind it. Every echo
 * is checked by type, length, SHA-256 and order ({@link EchoLedger}); a server that owes
 * something and makes no progress for {@value #STALL_MILLIS} ms fails as a stall.
 *
 * <p>{@code -Dstress.seconds=N} (default {@value #DEFAULT_SECONDS}): the stress test's time
 * budget. Clients start new work until {@value #STALL_MILLIS} ms + 5 s before its end (or half of
 * it), so that work in flight finishes and a stall is told within it; what is still owed at
 * the end fails. {@code -Dstress.clients=N} (default
 * {@value #DEFAULT_CLIENTS}). {@code -Dstress.seed=N} replays a run's choices (sizes, kinds,
 * framing, pacing; not the timing); the seed is printed at the start and is in every failure.
 */
@ExtendWith(ArquillianExtension.class)
class StressIT extends DeployedTarget {

    static final int DEFAULT_SECONDS = 50;
    static final int DEFAULT_CLIENTS = 24;
    static final long STALL_MILLIS = 30_000;

    /** The echo endpoint's limit: a message of exactly this size is accepted. */
    static final int LIMIT = 32 << 20;
    static final int MIB = 1 << 20;

    private static final long SEED = Long.getLong("stress.seed", new SecureRandom().nextLong());
    private static final int SECONDS = Integer.getInteger("stress.seconds", DEFAULT_SECONDS);
    private static final int CLIENTS = Integer.getInteger("stress.clients", DEFAULT_CLIENTS);

    /** Messages of 1 MiB and more in flight at once, over all clients: bounds CPU and time on small machines. */
    private static final Semaphore BIG = new Semaphore(2);

    private static final int[] CLOSE_CODES = {1000, 1000, 1000, 1001, 1003, 1007, 1008, 1011, 3000, 3999, 4000, 4999};
    private static final String[] REASONS = {"", "bye", "done ✓", "fin — über", "🙂 later", "x".repeat(123)};

    private final Map<Category, LongAdder> failureCounts = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Stats stats = new Stats();

    // ---------------------------------------------------------------- the tests

    /** The echo under test, relative to the deployment. */
    protected String echoPath() {
        return "stream-echo";
    }

    @Test
    void manyClientsWithRandomPacingGetEveryMessageBackIntactAndInOrder() throws Exception {
        long seed = seedFor("stress");
        System.out.printf("[stress] %s%s: -Dstress.seed=%d, %d clients, %d s%n", base(), echoPath(), SEED, CLIENTS, SECONDS);
        long start = System.nanoTime();
        // New work starts until a stall that begins then can still be told (and work in flight end) within the budget.
        long stopStarting = start + TimeUnit.SECONDS.toNanos(Math.max(SECONDS / 2, SECONDS - STALL_MILLIS / 1000 - 5));
        long hardStop = start + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = new Client(seed, i, stopStarting, hardStop);
            Thread thread = new Thread(client, "stress-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(hardStop - System.nanoTime()) + 10_000));
        }
        long alive = threads.stream().filter(Thread::isAlive).count();
        System.out.printf("[stress] %s: %.1f s; %s%n", base(), (System.nanoTime() - start) / 1e9, stats);
        report(alive > 0 ? alive + " client(s) never finished" : null);
    }

    // RFC 6455 §5.5.1 lets a server answer a close before "its current message is sent"; the echo
    // here is a message the endpoint received, in full, before the close, and sent on: it must not
    // be lost. The echo comes first, then the close frame with the client's code, then TCP closes.
    @Test
    void closeRightBehindAMessageComesAfterItsEcho() throws Exception {
        long seed = seedFor("close-behind");
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = {0, 1, 13, 125, 126, 4_000, 65_535, 65_536, 200_000, MIB};
        for (int trial = 0; trial < 30; trial++) {
            int size = sizes[trial % sizes.length];
            int code = CLOSE_CODES[random.nextInt(CLOSE_CODES.length)];
            boolean text = trial % 2 == 0;
            String what = "close-behind trial " + trial + " (" + (text ? "text" : "binary") + " of " + size + " bytes, then close "
                    + code + ")";
            oneConnection(seed, what, random.nextLong(), PongPolicy.AT_ONCE, ReadPacing.EAGER, 15_000, (ws, ledger) -> {
                MessageContent content = text ? MessageContent.text(size, TextStyle.MIXED, random.nextLong())
                        : MessageContent.binary(size, random.nextLong());
                ledger.expect(new Expected(0, content, "one frame, then the close in the same write"));
                ledger.expectClose(code, "close frame sent in the same write as the message");
                ws.sendFrame(true, 0, text ? PacedWebSocket.OP_TEXT : PacedWebSocket.OP_BINARY, true, content, size);
                ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(code, "bye"));
                ws.flush();
            });
        }
        report(null);
    }

    // RFC 6455 §7.1.7: a protocol error fails the connection with 1002 — from that frame on. The
    // message before it was valid and echoed by the endpoint: its echo comes first.
    @Test
    void protocolErrorRightBehindAMessageComesAfterItsEcho() throws Exception {
        long seed = seedFor("error-behind");
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = {0, 5, 125, 4_000, 65_536, 300_000};
        for (int trial = 0; trial < 32; trial++) {
            int size = sizes[trial % sizes.length];
            BadFrame bad = BadFrame.values()[trial % BadFrame.values().length];
            boolean text = random.nextBoolean();
            String what = "error-behind trial " + trial + " (" + (text ? "text" : "binary") + " of " + size + " bytes, then "
                    + bad + ")";
            oneConnection(seed, what, random.nextLong(), PongPolicy.AT_ONCE, ReadPacing.EAGER, 15_000, (ws, ledger) -> {
                MessageContent content = text ? MessageContent.text(size, TextStyle.THREE_BYTE, random.nextLong())
                        : MessageContent.binary(size, random.nextLong());
                ledger.expect(new Expected(0, content, "one frame, then " + bad + " in the same write"));
                ledger.expectClose(1002, bad + " sent in the same write as the message");
                ws.sendFrame(true, 0, text ? PacedWebSocket.OP_TEXT : PacedWebSocket.OP_BINARY, true, content, size);
                bad.send(ws, random);
                ws.stopAnswering();
                ws.flush();
            });
        }
        report(null);
    }

    // RFC 6455 §5.5.2 asks a client for a pong "as soon as is practical", and ws with autoPong
    // off never sends one: the echo must not depend on it. Each client sends 4 MiB in one frame,
    // holds its reads for a second (so the server has to stop reading while it waits for room),
    // then reads all the time. A 4 MiB echo takes well under a second here: 10 s without
    // progress is a stall. Several clients at once, a few rounds; stops after a failing round.
    @Test
    void clientsThatNeverAnswerPingsGetTheirLargeEchoes() throws Exception {
        long seed = seedFor("never-pong");
        for (int round = 0; round < 5 && failures.isEmpty(); round++) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                long connectionSeed = new SplittableRandom(seed + round * 31L + c).nextLong();
                String what = "round " + round + ", client " + c + " (never answers pings; 4 MiB in one frame, reads held 1 s)";
                Thread thread = new Thread(() -> {
                    try {
                        oneConnection(seed, what, connectionSeed, PongPolicy.NEVER, ReadPacing.EAGER, 10_000, (ws, ledger) -> {
                            MessageContent content = MessageContent.binary(4 * MIB, connectionSeed);
                            ledger.expect(new Expected(0, content, "one frame"));
                            ws.gateReads(true);
                            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> ws.gateReads(false));
                            ws.sendFrame(true, 0, PacedWebSocket.OP_BINARY, true, content, content.length());
                            ws.flush();
                            ws.awaitUntil(() -> ledger.owedMessages() == 0 || ledger.ended(), 60_000, "the echo");
                            ledger.expectClose(1000, "clean close after the echo");
                            ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(1000, ""));
                            ws.flush();
                        });
                    } catch (Exception | AssertionError e) {
                        synchronized (failures) {
                            failures.add("-Dstress.seed=" + SEED + ", " + what + ": " + e);
                        }
                    }
                }, "never-pong-" + c);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(90_000);
            }
        }
        report(null);
    }

    // Clients that vanish (TCP reset) while their echo is streaming must cost the server nothing
    // after they are gone: fresh clients then get a handshake, an echo and a clean close at once.
    // (On WildFly this once left Undertow's I/O threads spinning: see UpgradedConnection.abort.)
    @Test
    void serverStillServesAfterClientsResetMidEcho() throws Exception {
        AtomicLong resetsFailed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    try (RawWebSocket ws = RawWebSocket.connect(base(), echoPath())) {
                        ws.sendInBackground(RawWebSocket.Frame.binary(new byte[16 * MIB]));
                        ws.input().readNBytes(64 * 1024); // some of the echo...
                        ws.reset(); // ...then gone, with the rest of it still queued in the server
                    } catch (IOException | RuntimeException | AssertionError e) {
                        resetsFailed.incrementAndGet();
                    }
                }
            }, "resetter-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        Thread.sleep(2_000);
        for (int i = 0; i < 16; i++) {
            String what = "fresh client " + i + " after 160 clients reset mid-echo (" + resetsFailed + " of those failed early,"
                    + " e.g. no handshake answer within " + RawWebSocket.READ_TIMEOUT_MILLIS / 1000 + " s)";
            long connectionSeed = SEED + i;
            try {
                oneConnection(SEED, what, connectionSeed, PongPolicy.AT_ONCE, ReadPacing.EAGER, 10_000, (ws, ledger) -> {
                    MessageContent content = MessageContent.text(1000, TextStyle.MIXED, connectionSeed);
                    ledger.expect(new Expected(0, content, "one frame"));
                    ws.sendFrame(true, 0, PacedWebSocket.OP_TEXT, true, content, content.length());
                    ws.flush();
                    ws.awaitUntil(() -> ledger.owedMessages() == 0 || ledger.ended(), 10_000, "the echo");
                    ledger.expectClose(1000, "clean close after the echo");
                    ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(1000, ""));
                    ws.flush();
                });
            } catch (IOException | AssertionError e) {
                synchronized (failures) {
                    failures.add("-Dstress.seed=" + SEED + ", " + what + ": " + e);
                }
            }
        }
        report(null);
    }

    // ---------------------------------------------------------------- one scripted connection

    private interface Script {
        void run(PacedWebSocket ws, EchoLedger ledger) throws IOException;
    }

    private void oneConnection(long seed, String what, long connectionSeed, PongPolicy pongs, ReadPacing pacing,
            long stallMillis, Script script) throws Exception {
        EchoLedger ledger = new EchoLedger(() -> "-Dstress.seed=" + SEED + ", " + what);
        PacedWebSocket ws = PacedWebSocket.connect(base(), echoPath(), ledger, pongs, pacing, stallMillis, connectionSeed, "scripted");
        ledger.onFailureAbort(ws::abort);
        try {
            script.run(ws, ledger);
            finish(ws, ledger, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
        } catch (IOException e) {
            writeFailed(ws, ledger, e);
        } finally {
            ws.close();
        }
        record(ledger);
    }

    // ---------------------------------------------------------------- one stress client

    private final class Client implements Runnable {
        private final long seed;
        private final int index;
        private final SplittableRandom random;
        private final long stopStarting;
        private final long hardStop;
        private int connection = -1;
        private int nextMessage;
        private long lastSize;
        private long maxSize;
        private long pingCounter;

        Client(long seed, int index, long stopStarting, long hardStop) {
            this.seed = seed;
            this.index = index;
            this.random = new SplittableRandom(seed * 31 + index);
            this.stopStarting = stopStarting;
            this.hardStop = hardStop;
        }

        @Override
        public void run() {
            try {
                do {
                    runConnection();
                } while (System.nanoTime() - stopStarting < 0);
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add("-Dstress.seed=" + SEED + ", client " + index + ": " + e);
                }
                e.printStackTrace();
            }
        }

        private void runConnection() throws Exception {
            int conn = ++connection;
            nextMessage = 0;
            PongPolicy pongs = pick(PongPolicy.values(), 50, 30, 20);
            ReadPacing pacing = pick(ReadPacing.values(), 35, 25, 10, 30);
            // A slow reader (about 1 MB/s) sends at most 1 MiB at a time, to finish within the budget.
            maxSize = pacing == ReadPacing.SLOW ? MIB : LIMIT;
            String profile = "pongs " + pongs + ", reads " + pacing;
            EchoLedger ledger = new EchoLedger(() -> "-Dstress.seed=" + SEED + ", client " + index + ", connection " + conn + " ("
                    + profile + ")");
            PacedWebSocket ws = PacedWebSocket.connect(base(), echoPath(), ledger, pongs, pacing, STALL_MILLIS, random.nextLong(),
                    "stress-" + index + "-" + conn);
            ledger.onFailureAbort(ws::abort);
            try {
                int rounds = 1 + random.nextInt(8);
                for (int round = 0; round < rounds && !ledger.ended(); round++) {
                    if (round > 0 && System.nanoTime() - stopStarting > 0) {
                        break;
                    }
                    switch (pick(Round.values(), 40, 35, 25)) {
                        case REQUEST_RESPONSE -> requestResponse(ws, ledger);
                        case PIPELINE -> pipeline(ws, ledger);
                        case BURST_THEN_READ -> burstThenRead(ws, ledger);
                    }
                    if (random.nextInt(5) == 0) {
                        ws.awaitUntil(ledger::ended, 10 + random.nextInt(500), "nothing (thinking)");
                    }
                }
                if (!ledger.ended()) {
                    switch (pick(Ending.values(), 40, 35, 25)) {
                        case CLEAN -> {
                            awaitEchoes(ws, ledger);
                            int code = CLOSE_CODES[random.nextInt(CLOSE_CODES.length)];
                            ledger.expectClose(code, "clean close after every echo");
                            ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(code, reason()));
                            stats.endings.get(Ending.CLEAN).increment();
                        }
                        case CLOSE_BEHIND -> {
                            int code = CLOSE_CODES[random.nextInt(CLOSE_CODES.length)];
                            int last = sendMessage(ws, ledger, random.nextBoolean() ? Sizes.SMALL : Sizes.ANY, false);
                            ledger.expectClose(code, "close frame sent right behind message #" + last);
                            ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(code, reason()));
                            stats.endings.get(Ending.CLOSE_BEHIND).increment();
                        }
                        case ERROR_BEHIND -> {
                            BadFrame bad = BadFrame.values()[random.nextInt(BadFrame.values().length)];
                            int last = sendMessage(ws, ledger, random.nextBoolean() ? Sizes.SMALL : Sizes.ANY, false);
                            ledger.expectClose(1002, bad + " sent right behind message #" + last);
                            bad.send(ws, random);
                            ws.stopAnswering();
                            stats.endings.get(Ending.ERROR_BEHIND).increment();
                        }
                    }
                    ws.flush();
                    finish(ws, ledger, hardStop);
                }
            } catch (IOException e) {
                writeFailed(ws, ledger, e);
            } finally {
                ws.close();
            }
            stats.connections.increment();
            stats.serverPings.add(ws.serverPings());
            record(ledger);
        }

        private void requestResponse(PacedWebSocket ws, EchoLedger ledger) throws IOException {
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count && !ledger.ended(); i++) {
                sendMessage(ws, ledger, Sizes.ANY, true);
                ws.flush();
                awaitEchoes(ws, ledger);
            }
        }

        private void pipeline(PacedWebSocket ws, EchoLedger ledger) throws IOException {
            int count = 2 + random.nextInt(29);
            for (int i = 0; i < count && !ledger.ended(); i++) {
                sendMessage(ws, ledger, Sizes.ANY, true);
            }
            ws.flush();
            if (random.nextInt(10) < 6) {
                awaitEchoes(ws, ledger);
            }
        }

        /** Pipelines up to 128 KiB without reading, then reads: small enough for the socket buffers. */
        private void burstThenRead(PacedWebSocket ws, EchoLedger ledger) throws IOException {
            awaitEchoes(ws, ledger);
            ws.gateReads(true);
            try {
                int count = 2 + random.nextInt(39);
                long total = 0;
                for (int i = 0; i < count && total < 128 * 1024 && !ledger.ended(); i++) {
                    sendMessage(ws, ledger, Sizes.BURST, false);
                    total += lastSize;
                }
                ws.flush();
                ws.awaitUntil(ledger::ended, random.nextInt(300), "nothing (reads held)");
            } finally {
                ws.gateReads(false);
            }
            awaitEchoes(ws, ledger);
        }

        /** Sends one message (maybe interleaving control frames); returns its index. */
        private int sendMessage(PacedWebSocket ws, EchoLedger ledger, Sizes sizes, boolean mayInterleave) throws IOException {
            int index = nextMessage++;
            long size = Math.min(maxSize, sizes == Sizes.ANY && forcedSize(index) >= 0 ? forcedSize(index) : sizes.draw(random));
            lastSize = size;
            boolean text = random.nextBoolean();
            MessageContent content = text
                    ? MessageContent.text(size, TextStyle.values()[random.nextInt(TextStyle.values().length)], random.nextLong())
                    : MessageContent.binary(size, random.nextLong());
            long[] fragments = fragments(size);
            WriteChunking chunking = size <= 4096 && random.nextInt(4) == 0 ? WriteChunking.BYTEWISE
                    : random.nextBoolean() ? WriteChunking.RANDOM : WriteChunking.BULK;
            boolean[] big = {false};
            if (size >= MIB) {
                ws.awaitUntil(() -> ledger.ended() || (big[0] = BIG.tryAcquire()), millisUntil(hardStop),
                        "a turn to send a large message");
                if (!big[0]) {
                    return index;
                }
            }
            try {
                ws.chunking(chunking);
                ledger.expect(new Expected(index, content, fragments.length + " frame(s), " + chunking + " writes"));
                for (int f = 0; f < fragments.length; f++) {
                    if (mayInterleave) {
                        maybeControl(ws, ledger);
                    }
                    int opCode = f > 0 ? PacedWebSocket.OP_CONTINUATION : text ? PacedWebSocket.OP_TEXT : PacedWebSocket.OP_BINARY;
                    ws.sendFrame(f == fragments.length - 1, 0, opCode, true, content, fragments[f]);
                    if (mayInterleave || f < fragments.length - 1) {
                        ws.sendDuePongs();
                    }
                }
            } finally {
                if (big[0]) {
                    BIG.release();
                }
            }
            stats.messages.increment();
            stats.bytes.add(size);
            stats.largest.accumulateAndGet(size, Math::max);
            if (size == LIMIT) {
                stats.atLimit.increment();
            }
            return index;
        }

        /** The first message of clients 0 and 1 is large (the limit; 16 MiB): every run has them. */
        private long forcedSize(int message) {
            if (connection != 0 || message != 0) {
                return -1;
            }
            return index == 0 ? LIMIT : index == 1 ? 16 * MIB : -1;
        }

        /** Between data frames: now and then an unsolicited ping (it must be answered) or pong (ignored). */
        private void maybeControl(PacedWebSocket ws, EchoLedger ledger) throws IOException {
            int r = random.nextInt(100);
            if (r < 8 && ledger.pingsOutstanding() < 4) {
                byte[] payload = new byte[8 + random.nextInt(118)];
                random.nextBytes(payload);
                long id = ((long) index << 40) | pingCounter++;
                for (int i = 0; i < 8; i++) {
                    payload[i] = (byte) (id >>> (56 - 8 * i));
                }
                ledger.pingSent(payload);
                ws.sendFrame(true, 0, PacedWebSocket.OP_PING, true, payload);
                stats.pings.increment();
            } else if (r < 12) {
                byte[] payload = new byte[random.nextInt(126)];
                random.nextBytes(payload);
                ws.sendFrame(true, 0, PacedWebSocket.OP_PONG, true, payload);
            }
        }

        /** Fragment sizes adding up to {@code size}: often one frame, else up to 64, empty ones allowed. */
        private long[] fragments(long size) {
            if (random.nextBoolean()) {
                return new long[] {size};
            }
            int count = 2 + random.nextInt(size < 64 ? 4 : 63);
            long[] cuts = new long[count + 1];
            for (int i = 1; i < count; i++) {
                cuts[i] = (long) (random.nextDouble() * (size + 1));
            }
            cuts[count] = size;
            Arrays.sort(cuts);
            long[] sizes = new long[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = cuts[i + 1] - cuts[i];
            }
            return sizes;
        }

        private void awaitEchoes(PacedWebSocket ws, EchoLedger ledger) throws IOException {
            if (!ws.awaitUntil(() -> ledger.owedMessages() == 0 || ledger.ended(), millisUntil(hardStop), "every echo")) {
                ledger.fail(Category.STALL, "echoes still owed at the end of the time budget (-Dstress.seconds=" + SECONDS
                        + "): " + ws.diagnostics());
            }
        }

        private String reason() {
            return REASONS[random.nextInt(REASONS.length)];
        }

        @SafeVarargs
        private <T> T pick(T[] values, int... weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    // ---------------------------------------------------------------- shared steps

    /**
     * After the ending was sent: answers the server's close as a client must and waits for the
     * end (the reader tells a stall, a missing close or TCP left open); what is still owed at
     * the deadline fails.
     */
    private static void finish(PacedWebSocket ws, EchoLedger ledger, long deadline) throws IOException {
        ws.awaitUntil(() -> ledger.closeCode() != null || ledger.ended(), millisUntil(deadline), "the server's close frame");
        if (!ws.closeSent() && ledger.closeCode() != null && !ledger.ended()) {
            ws.sendFrame(true, 0, PacedWebSocket.OP_CLOSE, true, closePayload(ledger.closeCode(), ""));
            ws.flush();
        }
        if (!ws.awaitUntil(ledger::ended, millisUntil(deadline), "the end of the connection")) {
            ledger.fail(Category.STALL, "the connection had not ended by the end of the time budget (-Dstress.seconds="
                    + SECONDS + "): " + ws.diagnostics());
        }
    }

    /** A write failed: the reader has (or will have) the reason; else the failed write is it. */
    private static void writeFailed(PacedWebSocket ws, EchoLedger ledger, IOException e) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ledger.ended() && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // After the server's close frame (or our own) the server may close TCP at any time: a write failing then is no fault.
        if (ledger.failure() == null && !ws.closeSent() && ledger.closeCode() == null) {
            ledger.fail(Category.DROPPED_WITHOUT_CLOSE, "a write failed: " + e + "; " + ws.diagnostics());
        }
    }

    private void record(EchoLedger ledger) {
        stats.echoed.add(ledger.echoed());
        stats.echoedBytes.add(ledger.echoedBytes());
        stats.pongs.add(ledger.pongs());
        if (ledger.failure() != null) {
            failureCounts.computeIfAbsent(ledger.category(), k -> new LongAdder()).increment();
            synchronized (failures) {
                failures.add(ledger.failure());
            }
        }
    }

    private void report(String extra) {
        List<String> all;
        synchronized (failures) {
            all = new ArrayList<>(failures);
        }
        if (extra != null) {
            all.add(extra);
        }
        if (all.isEmpty()) {
            return;
        }
        String head = all.size() + " failure(s) with -Dstress.seed=" + SEED + ", by kind " + failureCounts + ":";
        StringBuilder everything = new StringBuilder(head);
        all.forEach(f -> everything.append("\n  - ").append(f));
        System.out.println("[stress] " + base() + ": " + everything);
        StringBuilder message = new StringBuilder(head);
        all.stream().limit(25).forEach(f -> message.append("\n  - ").append(f));
        if (all.size() > 25) {
            message.append("\n  ... and ").append(all.size() - 25).append(" more (all of them in the test's output)");
        }
        fail(message.toString());
    }

    private static long millisUntil(long nanoTime) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime()));
    }

    private static long seedFor(String test) {
        return SEED ^ test.hashCode();
    }

    static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    // ---------------------------------------------------------------- vocabulary

    private enum Round {
        REQUEST_RESPONSE, PIPELINE, BURST_THEN_READ
    }

    private enum Ending {
        CLEAN, CLOSE_BEHIND, ERROR_BEHIND
    }

    /** Message size distributions: skewed to small, with a few MiB now and then and the limit itself. */
    private enum Sizes {
        ANY, SMALL, BURST;

        long draw(SplittableRandom random) {
            return switch (this) {
                case SMALL -> logUniform(random, 0, 1024);
                case BURST -> logUniform(random, 0, 8 * 1024);
                case ANY -> {
                    int r = random.nextInt(10_000);
                    if (r < 300) {
                        yield 0;
                    } else if (r < 6_300) {
                        yield logUniform(random, 1, 1024);
                    } else if (r < 8_800) {
                        yield logUniform(random, 1024, 64 * 1024);
                    } else if (r < 9_750) {
                        yield logUniform(random, 64 * 1024, MIB);
                    } else if (r < 9_950) {
                        yield logUniform(random, MIB, 8 * MIB);
                    } else if (r < 9_990) {
                        yield logUniform(random, 8 * MIB, LIMIT - 1);
                    } else {
                        yield LIMIT;
                    }
                }
            };
        }

        private static long logUniform(SplittableRandom random, long from, long to) {
            double low = Math.log(from + 1);
            double high = Math.log(to + 1);
            return Math.min(to, Math.max(from, (long) Math.exp(low + random.nextDouble() * (high - low)) - 1));
        }
    }

    /** Frames that fail the connection with 1002 (RFC 6455 §5.1, §5.2, §5.4). */
    private enum BadFrame {
        RESERVED_OPCODE, RSV_BIT, STRAY_CONTINUATION, UNMASKED;

        void send(PacedWebSocket ws, SplittableRandom random) throws IOException {
            byte[] payload = "x".getBytes(StandardCharsets.UTF_8);
            switch (this) {
                case RESERVED_OPCODE -> {
                    int[] reserved = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF};
                    ws.sendFrame(true, 0, reserved[random.nextInt(reserved.length)], true, payload);
                }
                case RSV_BIT -> ws.sendFrame(true, 1 + random.nextInt(7), PacedWebSocket.OP_TEXT, true, payload);
                case STRAY_CONTINUATION -> ws.sendFrame(true, 0, PacedWebSocket.OP_CONTINUATION, true, payload);
                case UNMASKED -> ws.sendFrame(true, 0, PacedWebSocket.OP_TEXT, false, payload);
            }
        }
    }

    private static final class Stats {
        final LongAdder connections = new LongAdder();
        final LongAdder messages = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder echoed = new LongAdder();
        final LongAdder echoedBytes = new LongAdder();
        final LongAdder atLimit = new LongAdder();
        final AtomicLong largest = new AtomicLong();
        final LongAdder pings = new LongAdder();
        final LongAdder pongs = new LongAdder();
        final LongAdder serverPings = new LongAdder();
        final Map<Ending, LongAdder> endings = new EnumMap<>(Map.of(Ending.CLEAN, new LongAdder(),
                Ending.CLOSE_BEHIND, new LongAdder(), Ending.ERROR_BEHIND, new LongAdder()));

        @Override
        public String toString() {
            return String.format("%,d connections (endings %s), %,d messages sent (%,d bytes, largest %,d, %d at the limit),"
                            + " %,d echoed intact (%,d bytes); %,d pings sent, %,d answered; %,d server pings",
                    connections.sum(), endings, messages.sum(), bytes.sum(), largest.get(), atLimit.sum(), echoed.sum(),
                    echoedBytes.sum(), pings.sum(), pongs.sum(), serverPings.sum());
        }
    }
}
