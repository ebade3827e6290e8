package dev.switch101.examples.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An opening handshake written and read byte by byte, as a browser cannot: the request text
 * for chosen headers, and the response head (status line, headers) parsed from a stream.
 * No sockets here; {@link HandshakeDemoServlet} does the I/O.
 */
final class RawHandshake {

    /** The most a response head may take (bytes) before it is cut off. */
    static final int MAX_HEAD = 16 * 1024;
    /** The most of a response body that is read (bytes). */
    static final int MAX_BODY = 1024;

    private RawHandshake() {
    }

    /** What one handshake sends; a {@code null} header is left out. */
    record Request(String target, String host, String key, String version, String origin, String protocols) {

        /** @return the request as sent: request line, headers, empty line */
        String text() {
            StringBuilder text = new StringBuilder();
            text.append("GET ").append(target).append(" HTTP/1.1\r\n");
            header(text, "Host", host);
            header(text, "Upgrade", "websocket");
            header(text, "Connection", "Upgrade");
            header(text, "Sec-WebSocket-Key", key);
            header(text, "Sec-WebSocket-Version", version);
            header(text, "Origin", origin);
            header(text, "Sec-WebSocket-Protocol", protocols);
            return text.append("\r\n").toString();
        }

        private static void header(StringBuilder text, String name, String value) {
            if (value != null) {
                text.append(name).append(": ").append(value).append("\r\n");
            }
        }
    }

    /** A response head: its status line, status code and headers in the order received. */
    record Response(String statusLine, int status, List<Map.Entry<String, String>> headers) {

        /** @return the first value of a header (name case-insensitive), or {@code null} */
        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        /** @return the Content-Length, or -1 if there is none or it is not a number */
        long contentLength() {
            String value = header("Content-Length");
            try {
                return value == null ? -1 : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /**
     * Reads a response head up to and including its empty line, and no further (what follows
     * a 101 belongs to the new protocol).
     *
     * @throws IOException if the stream ends first, or the head exceeds {@link #MAX_HEAD}
     */
    static Response readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after " + head.size() + " bytes of the response head");
            }
            if (head.size() == MAX_HEAD) {
                throw new IOException("response head longer than " + MAX_HEAD + " bytes");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return parseHead(head.toString(StandardCharsets.ISO_8859_1));
    }

    /** @return the status line and headers of a response head ending in an empty line */
    static Response parseHead(String head) throws IOException {
        String[] lines = head.split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return new Response(statusLine, Integer.parseInt(parts[1]), List.copyOf(headers));
    }

    /** @return up to {@link #MAX_BODY} bytes of a body of known length, as UTF-8 text */
    static String readBody(InputStream in, long contentLength) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Math.max(contentLength, 0), MAX_BODY));
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return a masked close frame with status 1000 (RFC 6455 §5.5.1; clients mask, §5.3) */
    static byte[] maskedNormalClose(byte[] mask) {
        byte[] payload = {0x03, (byte) 0xE8};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** @return the status code of an unmasked server close frame at the start of {@code bytes}, or -1 */
    static int closeCode(byte[] bytes, int length) {
        if (length >= 4 && (bytes[0] & 0x0F) == 0x8 && (bytes[1] & 0x80) == 0 && (bytes[1] & 0x7F) >= 2) {
            return ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        }
        return -1;
    }
}
