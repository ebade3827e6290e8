package dev.switch101.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import dev.switch101.it.support.RawHttp;
import dev.switch101.it.support.RawHttp.Response;

/** One request on a fresh connection, and the whole response, however its body is framed. */
final class Exchange {

    private Exchange() {
    }

    static Response of(URL base, String request) throws IOException {
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
}
