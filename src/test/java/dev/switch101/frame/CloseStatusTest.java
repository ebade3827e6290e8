package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** RFC 6455 §5.5.1 (close frame body) and §7.4 (status codes). */
class CloseStatusTest {

    private static ByteBuffer payload(int code, byte... reason) {
        return ByteBuffer.wrap(Bytes.concat(Bytes.of(code >>> 8, code & 0xFF), reason));
    }

    private static int parseFailure(ByteBuffer payload) {
        return assertThrows(ProtocolException.class, () -> CloseStatus.parse(payload)).closeCode();
    }

    /** §7.1.5: no status code in the close frame means 1005. */
    @Test
    void emptyPayloadIsNoStatus1005() {
        assertEquals(new CloseStatus(1005, ""), CloseStatus.parse(ByteBuffer.allocate(0)));
    }

    /** §5.5.1: if there is a body, its first two bytes are the code; one byte cannot be. */
    @Test
    void oneBytePayloadFailsWith1002() {
        assertEquals(1002, parseFailure(ByteBuffer.wrap(Bytes.of(0x03))));
    }

    @Test
    void codeAndReasonAreParsed() {
        ByteBuffer payload = payload(1000, "bye \u00e9".getBytes(StandardCharsets.UTF_8));
        assertEquals(new CloseStatus(1000, "bye \u00e9"), CloseStatus.parse(payload));
        assertEquals(0, payload.position(), "parse does not consume");
        assertEquals(new CloseStatus(4999, ""), CloseStatus.parse(payload(4999)));
    }

    /** §7.4.1, §7.4.2 and the IANA registry (1012-1014): codes a peer may send. */
    @Test
    void codesValidOnTheWireAreAccepted() {
        for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
                3000, 3999, 4000, 4999}) {
            assertEquals(code, CloseStatus.parse(payload(code)).code());
        }
    }

    /** §7.4.1: 1005, 1006 and 1015 MUST NOT be sent; 1004 is reserved; outside the ranges is undefined. */
    @Test
    void codesNotValidOnTheWireFailWith1002() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            assertEquals(1002, parseFailure(payload(code)), "code " + code);
        }
    }

    /** §8.1: the reason is UTF-8; invalid data fails with 1007. */
    @Test
    void invalidUtf8ReasonFailsWith1007() {
        assertEquals(1007, parseFailure(payload(1000, Bytes.of(0xC0, 0xAF))));
        assertEquals(1007, parseFailure(payload(1000, Bytes.of(0xED, 0xA0, 0x80))));
        assertEquals(1007, parseFailure(payload(1000, Bytes.of(0x6F, 0x6B, 0xE2, 0x82))), "truncated code point");
    }

    /** §5.5: a control frame payload is at most 125 bytes. */
    @Test
    void payloadOver125BytesFailsWith1002() {
        assertEquals(1002, parseFailure(payload(1000, new byte[124])));
    }

    @Test
    void toPayloadWritesCodeInNetworkOrderAndReasonInUtf8() {
        assertArrayEquals(Bytes.of(0x03, 0xE8, 0x6F, 0x6B, 0xC3, 0xA9),
                Bytes.toArray(new CloseStatus(1000, "ok\u00e9").toPayload()));
        assertArrayEquals(Bytes.of(0x0F, 0xA0), Bytes.toArray(new CloseStatus(4000, "").toPayload()));
    }

    /** §5.5: the payload must fit in 125 bytes; the reason is cut on a code point boundary. */
    @Test
    void reasonIsTruncatedOnACodePointBoundary() {
        String emoji = new String(Character.toChars(0x1F600));
        // expected reason bytes: 123 for ASCII; 2-byte chars: 122; 3-byte: 123; 4-byte: 120
        Object[][] cases = {{"a", 123}, {"\u00e9", 122}, {"\u20ac", 123}, {emoji, 120}, {"a" + emoji, 121}};
        for (Object[] c : cases) {
            String unit = (String) c[0];
            String reason = unit.repeat(200);
            byte[] bytes = Bytes.toArray(new CloseStatus(1001, reason).toPayload());
            assertEquals(2 + (int) c[1], bytes.length, unit);
            assertTrue(bytes.length <= 125);
            CloseStatus back = CloseStatus.parse(ByteBuffer.wrap(bytes));
            assertEquals(1001, back.code());
            assertTrue(reason.startsWith(back.reason()), "truncated reason is a prefix of the original");
        }
    }

    @Test
    void shortReasonIsNotTruncated() {
        String reason = "\u20ac".repeat(41); // exactly 123 bytes
        assertEquals(new CloseStatus(1000, reason), CloseStatus.parse(new CloseStatus(1000, reason).toPayload()));
    }

    /** §7.1.5: a close frame without a body is how "no status" is sent. */
    @Test
    void noStatusWithoutReasonIsAnEmptyPayload() {
        assertEquals(0, new CloseStatus(CloseCodes.NO_STATUS, "").toPayload().remaining());
        assertThrows(IllegalStateException.class, () -> new CloseStatus(CloseCodes.NO_STATUS, "why").toPayload());
    }

    /** §7.4.1: 1006 and 1015 are for local use only. */
    @Test
    void codesNotValidOnTheWireAreNotSent() {
        for (int code : new int[] {CloseCodes.ABNORMAL, CloseCodes.TLS_HANDSHAKE, 1004, 999, 5000}) {
            assertThrows(IllegalStateException.class, () -> new CloseStatus(code, "").toPayload(), "code " + code);
        }
    }

    @Test
    void nullReasonBecomesEmpty() {
        assertEquals("", new CloseStatus(1000, null).reason());
    }
}
