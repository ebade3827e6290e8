package dev.switch101.examples.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The raw handshake the page's failure demos send and read (RFC 6455 §4.1, §5.5.1). */
class RawHandshakeTest {

    @Test
    void writesTheRequestWithOnlyTheHeadersGiven() {
        assertEquals("GET /switch101/echo HTTP/1.1\r\nHost: localhost:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Protocol: chat, superchat\r\n\r\n",
                new RawHandshake.Request("/switch101/echo", "localhost:8080", "dGhlIHNhbXBsZSBub25jZQ==", "8", null, "chat, superchat").text());
    }

    @Test
    void readsTheHeadAndNotOneByteMore() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(("HTTP/1.1 101 \r\nUpgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"
                + "\u0088\u0002").getBytes(StandardCharsets.ISO_8859_1));
        RawHandshake.Response response = RawHandshake.readHead(in);
        assertEquals(101, response.status());
        assertEquals("HTTP/1.1 101 ", response.statusLine());
        assertEquals(List.of(Map.entry("Upgrade", "websocket"), Map.entry("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")), response.headers());
        assertEquals("websocket", response.header("upgrade"));
        assertEquals(2, in.available(), "the frame after the head is left unread");
    }

    @Test
    void readsABoundedBody() throws IOException {
        RawHandshake.Response response = RawHandshake.parseHead("HTTP/1.1 426 Upgrade Required\r\nContent-Length: 5000\r\n\r\n");
        assertEquals(5000, response.contentLength());
        String body = RawHandshake.readBody(new ByteArrayInputStream(new byte[5000]), response.contentLength());
        assertEquals(RawHandshake.MAX_BODY, body.length());
    }

    @Test
    void refusesWhatIsNoResponse() {
        assertThrows(IOException.class, () -> RawHandshake.readHead(new ByteArrayInputStream("HTTP/1.1 101".getBytes(StandardCharsets.ISO_8859_1))));
        assertThrows(IOException.class, () -> RawHandshake.parseHead("SSH-2.0-OpenSSH\r\n\r\n"));
        byte[] endless = ("HTTP/1.1 200 OK\r\nX: " + "a".repeat(RawHandshake.MAX_HEAD)).getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IOException.class, () -> RawHandshake.readHead(new ByteArrayInputStream(endless)));
    }

    @Test
    void closeFrameIsMaskedAnd1000() {
        byte[] mask = {1, 2, 3, 4};
        assertArrayEquals(new byte[] {(byte) 0x88, (byte) 0x82, 1, 2, 3, 4, (byte) (0x03 ^ 1), (byte) (0xE8 ^ 2)},
                RawHandshake.maskedNormalClose(mask));
        assertEquals(1000, RawHandshake.closeCode(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xE8}, 4));
        assertEquals(-1, RawHandshake.closeCode(new byte[] {(byte) 0x88, 0}, 2));
    }
}
