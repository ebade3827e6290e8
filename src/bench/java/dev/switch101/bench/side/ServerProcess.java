package dev.switch101.bench.side;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server started for the benchmark, pinned to its CPUs (through {@code src/bench/pinned.sh}),
 * its output in a log file and its PID in a file, so that a server left over from an aborted run
 * is ended (by that PID, only if it still runs that command) before the next start.
 */
final class ServerProcess implements AutoCloseable {

    private static final int PORT_WAIT_SECONDS = 90;

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ServerProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * @param pinned  the pinned.sh script
     * @param cpus    CPU list for taskset ("none": unpinned)
     * @param command the server's command line
     * @param ports   the ports it will listen on: waited for until free
     */
    static ServerProcess start(String name, Path pinned, String cpus, List<String> command, Map<String, String> env,
            Path dir, List<Integer> ports) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path pidFile = dir.resolve(name + ".pid");
        endLeftover(pidFile, dir);
        for (int port : ports) {
            awaitFree(port);
        }
        List<String> line = new ArrayList<>(List.of("bash", pinned.toString(), cpus));
        line.addAll(command);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n");
        return new ServerProcess(name, process, log, pidFile);
    }

    /**
     * Waits until the endpoint at {@code path} answers a WebSocket handshake with 101 (the port
     * may open before the application is deployed).
     */
    void awaitHandshake(int port, String path, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            last = statusLine(port, path);
            if (last.startsWith("HTTP/1.1 101")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IOException(name + ": " + path + " not upgraded within " + timeoutSeconds + " s (last: " + last
                + "); see " + log);
    }

    /**
     * Waits (up to {@value #PORT_WAIT_SECONDS} s) until {@code port} can be listened on: a
     * server that fails to bind exits, and on a busy machine a port in this range may briefly be
     * held by another process's connection.
     */
    private static void awaitFree(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PORT_WAIT_SECONDS);
        while (true) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("port " + port + " still in use after " + PORT_WAIT_SECONDS + " s", e);
                }
                System.out.println("[bench] port " + port + " in use (" + e.getMessage() + "); waiting");
                Thread.sleep(2000);
            }
        }
    }

    /** The first bytes of the server's answer to a WebSocket handshake at {@code path}, or the error. */
    static String statusLine(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = new byte[12];
            int n = socket.getInputStream().readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return e.toString();
        }
    }

    Path log() {
        return log;
    }

    /**
     * Seconds the server's JVM has spent compiling so far ({@code jstat -compiler}: the compile
     * tasks' elapsed time), or NaN if that cannot be read. On a server with one CPU the compiler
     * threads take that CPU from whatever runs there, so time compiled during measured rounds
     * means the rounds were not yet at the JIT's steady state.
     */
    double compileSeconds() {
        Optional<ProcessHandle> jvm = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(p -> p.info().command().orElse("").endsWith("/java")).findFirst();
        if (jvm.isEmpty()) {
            return Double.NaN;
        }
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process p = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(jvm.get().pid()))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Double.NaN;
            }
            // "Compiled Failed Invalid Time FailedType FailedMethod", then one line of figures.
            String[] lines = out.strip().split("\\R");
            String[] figures = lines[lines.length - 1].trim().split("\\s+");
            return Double.parseDouble(figures[3]);
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Ends the server and everything it started (WildFly's script starts a JVM). */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : tree) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("[bench] cannot delete " + pidFile + ": " + e);
        }
    }

    /**
     * Ends the process tree recorded by an aborted run, if that PID still runs a bench server
     * (its command line names the bench directory).
     */
    private static void endLeftover(Path pidFile, Path dir) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains(dir.toString())) {
            System.err.println("[bench] ending a server left over from an earlier run, PID " + pid);
            handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
            handle.get().destroyForcibly();
            handle.get().onExit().completeOnTimeout(handle.get(), 30, TimeUnit.SECONDS).join();
        }
        Files.delete(pidFile);
    }
}
