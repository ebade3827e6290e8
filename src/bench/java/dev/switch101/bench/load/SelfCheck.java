package dev.switch101.bench.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves that the load generator cannot be fooled: against a small echo server of its own
 * (blocking, a thread per connection, on 127.0.0.1 and an ephemeral port) every row must be
 * measured when the echo is right, and must fail when the server flips one byte of the 3rd
 * message, answers with the previous message instead of the current one, or sends a wrong
 * {@code Sec-WebSocket-Accept}; and, with columns taking turns, a faulty server's column must
 * fail without costing the right one beside it a round; and the uncounted warm-up rounds must go
 * on exactly while a (scripted) compile gauge says the server is still compiling, within their
 * bound. Run first by {@code mvn -Pbench verify}; exits 1 on a miss.
 */
public final class SelfCheck {

    private enum Fault { NONE, FLIP_BYTE, STALE_MESSAGE, WRONG_ACCEPT }

    private SelfCheck() {
    }

    public static void main(String[] args) throws Exception {
        Settings quick = new Settings(0, 1, 1, 200, 40, 1, 7);
        List<String> misses = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            try (FakeServer server = new FakeServer(fault)) {
                for (Row row : Row.all()) {
                    if (row.deflate() || (row.handshakes() && fault != Fault.NONE && fault != Fault.WRONG_ACCEPT)) {
                        continue;
                    }
                    Result result = LoadRun.run(row, new Target("127.0.0.1", server.port(), "/echo"), quick);
                    boolean ok = fault == Fault.NONE ? result.isMeasured()
                            : result.note() != null && result.note().startsWith("FAILED");
                    System.out.println("[self-check] " + fault + " | " + row.key() + " | " + result
                            + (ok ? "" : "   <-- WRONG"));
                    if (!ok) {
                        misses.add(fault + "/" + row.key());
                    }
                }
            }
        }
        checkInterleaved(misses);
        checkSettling(misses);
        System.out.println("[self-check] " + (misses.isEmpty() ? "the load generator measures a right echo and "
                + "catches every wrong one" : "MISSED: " + misses));
        System.exit(misses.isEmpty() ? 0 : 1);
    }

    /**
     * Columns that take turns ({@link LoadRun#interleaved}): a faulty server's column fails alone,
     * and the right server's column beside it still gets every round.
     */
    private static void checkInterleaved(List<String> misses) throws IOException {
        Settings twoRounds = new Settings(0, 2, 1, 200, 40, 1, 7);
        try (FakeServer right = new FakeServer(Fault.NONE); FakeServer flip = new FakeServer(Fault.FLIP_BYTE);
                FakeServer wrongAccept = new FakeServer(Fault.WRONG_ACCEPT)) {
            for (Row row : Row.all()) {
                if (row.deflate()) {
                    continue;
                }
                FakeServer faulty = row.handshakes() ? wrongAccept : flip;
                List<Result> results = LoadRun.interleaved(row, List.of(new Target("127.0.0.1", faulty.port(), "/echo"),
                        new Target("127.0.0.1", right.port(), "/echo")), twoRounds);
                Result bad = results.get(0);
                Result good = results.get(1);
                boolean ok = bad.note() != null && bad.note().startsWith("FAILED") && good.isMeasured()
                        && good.samples().length == 2;
                System.out.println("[self-check] interleaved " + faulty.fault + " and NONE | " + row.key() + " | " + bad
                        + " | " + good + (ok ? "" : "   <-- WRONG"));
                if (!ok) {
                    misses.add("interleaved/" + row.key());
                }
            }
        }
    }

    /**
     * Uncounted warm-up rounds ({@link JitSettling}): they go on while the gauge says the server
     * compiled for more than the quiet bound in the last one, up to the bound on rounds, and there
     * are none without a gauge.
     */
    private static void checkSettling(List<String> misses) throws IOException, InterruptedException {
        Settings quick = new Settings(0, 1, 1, 200, 40, 1, 7);
        Row row = Row.all().get(0);
        try (FakeServer right = new FakeServer(Fault.NONE)) {
            Target target = new Target("127.0.0.1", right.port(), "/echo");
            // Read before the rounds and after each: 1 s more compiled per round for three rounds,
            // then no more.
            int[] reads = {0};
            checkSettling(misses, "busy for three rounds", row, target, quick,
                    new JitSettling(t -> Math.min(reads[0]++, 3), 20, 0.1), 4);
            int[] busy = {0};
            checkSettling(misses, "never quiet", row, target, quick, new JitSettling(t -> busy[0]++, 5, 0.1), 5);
            checkSettling(misses, "no gauge", row, target, quick, JitSettling.NONE, 0);
        }
    }

    private static void checkSettling(List<String> misses, String name, Row row, Target target, Settings settings,
            JitSettling settling, int expected) throws IOException, InterruptedException {
        int rounds;
        try (TargetLoad load = TargetLoad.open(row, target, settings)) {
            load.warmUp();
            rounds = LoadRun.settle(load, settling, 0);
        }
        boolean ok = rounds == expected;
        System.out.println("[self-check] settling, " + name + " | " + rounds + " uncounted round(s), expected "
                + expected + (ok ? "" : "   <-- WRONG"));
        if (!ok) {
            misses.add("settling/" + name);
        }
    }

    /** A deliberately simple echo server that can be told to misbehave. */
    private static final class FakeServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Fault fault;
        private final Thread acceptor;

        FakeServer(Fault fault) throws IOException {
            this.fault = fault;
            this.socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::accept, "self-check-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> serve(s), "self-check-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                s.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                String key = readKey(in);
                String accept = fault == Fault.WRONG_ACCEPT ? ClientHandshake.accept(key + "x") : ClientHandshake.accept(key);
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] previous = null;
                for (int count = 1; ; count++) {
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    in.readFully(mask);
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                    int opCode = b0 & 0x0f;
                    byte[] reply = payload;
                    if (opCode != 8 && count == 3 && fault == Fault.FLIP_BYTE) {
                        reply = payload.clone();
                        reply[reply.length - 1] ^= 1;
                    } else if (opCode != 8 && count == 3 && fault == Fault.STALE_MESSAGE && previous != null) {
                        reply = previous;
                    }
                    writeFrame(out, opCode, reply);
                    if (opCode == 8) {
                        return; // close echoed; closing TCP first, as a server should
                    }
                    previous = payload;
                }
            } catch (IOException e) {
                // the client went away: the end of this connection
            }
        }

        private static String readKey(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("eof in handshake");
                }
                head.append((char) c);
            }
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
            throw new IOException("no key");
        }

        private static void writeFrame(OutputStream out, int opCode, byte[] payload) throws IOException {
            int n = payload.length;
            byte[] header = n < 126 ? new byte[] {(byte) (0x80 | opCode), (byte) n}
                    : n < 65536 ? new byte[] {(byte) (0x80 | opCode), 126, (byte) (n >>> 8), (byte) n}
                    : new byte[] {(byte) (0x80 | opCode), 127, 0, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16),
                        (byte) (n >>> 8), (byte) n};
            out.write(header);
            out.write(payload);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
