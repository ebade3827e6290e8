package dev.switch101.examples.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /demo/handshake?case=wrong-version}: performs one opening handshake against this
 * same server over a raw socket and reports, as JSON, the request it sent, the status line and
 * headers it got, and (for a 101) the close code after it closed cleanly. The page uses it to
 * show answers a browser cannot provoke (a browser always sends version 13, its own Origin
 * and a valid key) and the raw 101 (a browser does not show a WebSocket's response headers to
 * scripts). Cases: {@link HandshakeCase}; {@code ok} also takes {@code path} (one of
 * {@value #PATHS_TEXT}) and {@code protocols} (comma-separated tokens).
 *
 * <p>Connects only to its own server, to fixed paths of its own application. Holds the request
 * thread for at most the connect and read timeouts ({@value #CONNECT_TIMEOUT_MILLIS} ms +
 * {@value #READ_TIMEOUT_MILLIS} ms per read).
 */
@WebServlet("/demo/handshake")
public class HandshakeDemoServlet extends HttpServlet {

    static final int CONNECT_TIMEOUT_MILLIS = 2000;
    static final int READ_TIMEOUT_MILLIS = 5000;
    private static final String PATHS_TEXT = "/echo, /inspect, /chat, /chat/lobby, /ticker, /reverse";
    private static final Set<String> PATHS = Set.of("/echo", "/inspect", "/chat", "/chat/lobby", "/ticker", "/reverse");
    private static final Pattern PROTOCOLS = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}(\\s*,\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}){0,7}");
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HandshakeCase demo = HandshakeCase.byId(String.valueOf(request.getParameter("case"))).orElse(null);
        String path = request.getParameter("path") == null ? "/echo" : request.getParameter("path");
        String protocols = request.getParameter("protocols");
        if (demo == null || !PATHS.contains(path) || (protocols != null && !protocols.isEmpty() && !PROTOCOLS.matcher(protocols).matches())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "case: ok, wrong-version, foreign-origin, unknown-path, bad-key; path: " + PATHS_TEXT + "; protocols: tokens");
            return;
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String host = request.getHeader("Host") != null ? request.getHeader("Host") : request.getLocalAddr() + ":" + request.getLocalPort();
        RawHandshake.Request sent = new RawHandshake.Request(request.getContextPath() + demo.path(path), host,
                demo.key(Base64.getEncoder().encodeToString(nonce)), demo.version(), demo.origin(),
                protocols == null || protocols.isEmpty() ? null : protocols);

        JsonObjectBuilder report = JSON.createObjectBuilder().add("case", demo.id()).add("description", demo.description())
                .add("request", sent.text()).add("key", sent.key());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(request.getLocalAddr(), request.getLocalPort()), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(sent.text().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawHandshake.Response got = RawHandshake.readHead(in);
            JsonArrayBuilder headers = JSON.createArrayBuilder();
            got.headers().forEach(h -> headers.add(JSON.createArrayBuilder().add(h.getKey()).add(h.getValue())));
            report.add("status", got.status()).add("statusLine", got.statusLine()).add("headers", headers);
            if (got.status() == 101) {
                report.add("closeCode", closeCleanly(in, out));
            } else {
                report.add("body", RawHandshake.readBody(in, got.contentLength()));
            }
        } catch (IOException e) {
            report.add("error", e.toString());
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(report.build().toString());
    }

    /** Ends an accepted connection as a client should: a close frame, then the server's. @return its code, or -1 */
    private static int closeCleanly(InputStream in, OutputStream out) throws IOException {
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        out.write(RawHandshake.maskedNormalClose(mask));
        out.flush();
        byte[] frame = new byte[2 + 125];
        int length = 0;
        try {
            // The server's close frame (2-byte header, at most 125 bytes of payload), then EOF.
            for (int n; length < frame.length && (n = in.read(frame, length, frame.length - length)) > 0; ) {
                length += n;
            }
        } catch (SocketTimeoutException e) {
            // No EOF in time: report what came.
        }
        return RawHandshake.closeCode(frame, length);
    }
}
