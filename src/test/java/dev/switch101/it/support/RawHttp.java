package dev.switch101.it.support;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client over a raw socket, for tests that must see (and send) exactly the bytes
 * on the wire: handshakes, odd headers, and the connection after a 101.
 */
public final class RawHttp implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to the host and port of a deployment URL, with a 10 s read timeout. */
    public static RawHttp connect(URL base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    /** Sends raw bytes (a request head is ISO-8859-1 text ending in an empty line). */
    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads a response head and, if it has a Content-Length, its body. */
    public Response readResponse() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = "";
        List<String> length = headers.get("content-length");
        if (length != null && status != 101) {
            body = new String(in.readNBytes(Integer.parseInt(length.get(0))), StandardCharsets.UTF_8);
        }
        return new Response(statusLine, status, headers, body);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Connection closed in the response head: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /** Reads exactly n bytes after the head (e.g. frames after a 101). */
    public byte[] readBytes(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("Connection closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /**
     * Reads everything the server sends: at least {@code atLeast} bytes (each read within the
     * usual timeout), then on until the server closes the connection or stays quiet for
     * {@code quiet}. For asserting that nothing follows the expected bytes — reading exactly the
     * expected count would miss anything extra.
     */
    public byte[] readUntilQuiet(int atLeast, Duration quiet) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int timeout = socket.getSoTimeout();
        try {
            while (true) {
                if (all.size() >= atLeast) {
                    socket.setSoTimeout((int) quiet.toMillis());
                }
                int n;
                try {
                    n = in.read(chunk);
                } catch (SocketTimeoutException e) {
                    if (all.size() >= atLeast) {
                        break;
                    }
                    throw new SocketTimeoutException("Got " + all.size() + " of at least " + atLeast
                            + " bytes, then nothing for " + timeout + " ms");
                }
                if (n < 0) {
                    break;
                }
                all.write(chunk, 0, n);
            }
        } finally {
            socket.setSoTimeout(timeout);
        }
        return all.toByteArray();
    }

    /** Reads until the server closes the connection (or the read timeout). */
    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response head with case-insensitive header names (stored lower-case). */
    /** One request on a fresh connection, and the whole response, however its body is framed. */
    public static Response exchange(URL base, String request) throws IOException {
        try (RawHttp http = RawHttp.connect(base)) {
            Response response = http.send(request).readResponse();
            if (response.status() == 101 || response.header("Content-Length") != null) {
                return response;
            }
            String body = "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"))
                    ? readChunked(http.input())
                    : new String(http.readToEnd(), StandardCharsets.UTF_8);
            return new Response(response.statusLine(), response.status(), response.headers(), body);
        }
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    public record Response(String statusLine, int status, Map<String, List<String>> headers, String body) {

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** A GET request head for a path, with extra header lines ("Name: value"). */
    public static String get(String path, String... headerLines) {
        return request("GET", path, "HTTP/1.1", headerLines);
    }

    /** A request head; "Host: 127.0.0.1" is added unless a Host line is given or "NO-HOST" is. */
    public static String request(String method, String path, String version, String... headerLines) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(' ').append(version).append("\r\n");
        boolean host = false;
        boolean noHost = false;
        for (String line : headerLines) {
            if (line.equals("NO-HOST")) {
                noHost = true;
                continue;
            }
            host |= line.regionMatches(true, 0, "Host:", 0, 5);
            sb.append(line).append("\r\n");
        }
        if (!host && !noHost) {
            sb.insert(sb.indexOf("\r\n") + 2, "Host: 127.0.0.1\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
