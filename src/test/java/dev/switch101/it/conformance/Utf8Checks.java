package dev.switch101.it.conformance;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.switch101.frame.OpCode;
import dev.switch101.it.support.RawWebSocket;
import dev.switch101.it.support.RawWebSocket.Frame;

/**
 * RFC 6455 §5.6 and §8.1: text payloads are UTF-8 (RFC 3629); invalid UTF-8 fails the connection
 * with 1007 (§7.4.1), as soon as it is seen.
 */
public abstract class Utf8Checks extends EchoConformance {

    /** 1-, 2-, 3- and 4-byte sequences, the largest code point, noncharacters and a BOM: all valid. */
    private static final String VALID_TEXT = "a\u00e9\u03ba\u20ac\uFEFF\uFFFD\uFFFE\uFFFF\uD800\uDC00\uD83D\uDE00\uDBFF\uDFFF";

    // §5.6: valid UTF-8 of every sequence length is echoed unchanged.
    @Test
    public void validMultiByteTextIsEchoed() throws IOException {
        assertEchoed(OpCode.TEXT, utf8(VALID_TEXT), Frame.text(VALID_TEXT));
    }

    // §5.6: UTF-8 validity is a property of the whole message; a code point may be split across
    // fragments at any byte. Each split point of the text is tried.
    @Test
    public void multiByteCharactersSplitAcrossFragmentsAreEchoed() throws IOException {
        byte[] payload = utf8(VALID_TEXT);
        try (RawWebSocket ws = connect()) {
            for (int split = 1; split < payload.length; split++) {
                ws.send(Frame.of(OpCode.TEXT, Arrays.copyOfRange(payload, 0, split)).withFin(false),
                        Frame.continuation(Arrays.copyOfRange(payload, split, payload.length), true));
                assertMessage(OpCode.TEXT, payload, ws.readMessage());
            }
        }
    }

    // §5.6, §8.1: every byte of a 4-byte sequence in its own fragment.
    @Test
    public void fourByteCharacterInFourFragmentsIsEchoed() throws IOException {
        byte[] payload = utf8("\uD83D\uDE00");
        assertEchoed(OpCode.TEXT, payload, fragments(OpCode.TEXT, payload, 1));
    }

    // §8.1: invalid UTF-8 in a text frame fails the connection with 1007. RFC 3629 §3-4 excludes
    // stray continuation bytes, C0/C1 and F5..FF, overlong forms, surrogates and code points above U+10FFFF.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "80",               // lone continuation byte
        "bf",               // lone continuation byte
        "c0 af",            // overlong '/' (2 bytes)
        "c1 bf",            // overlong (2 bytes)
        "e0 80 af",         // overlong '/' (3 bytes)
        "e0 9f bf",         // overlong U+07FF
        "f0 80 80 af",      // overlong '/' (4 bytes)
        "f0 8f bf bf",      // overlong U+FFFF
        "ed a0 80",         // surrogate U+D800
        "ed bf bf",         // surrogate U+DFFF
        "ed a0 bd ed b8 80", // surrogate pair encoded as two 3-byte sequences (CESU-8)
        "f4 90 80 80",      // U+110000
        "f5 80 80 80",      // lead byte above F4
        "fe",
        "ff",
        "ce",               // truncated 2-byte sequence at the end of the message
        "e2 82",            // truncated 3-byte sequence at the end of the message
        "f0 9f 98",         // truncated 4-byte sequence at the end of the message
        "ce 41",            // missing continuation byte
    })
    public void invalidUtf8TextFailsWith1007(String invalidHex) throws IOException {
        assertFailsWith(INVALID_PAYLOAD, Frame.of(OpCode.TEXT, concat(utf8("ok "), hex(invalidHex))));
    }

    // §8.1: the same inside a continuation frame.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed a0 80", "f4 90 80 80", "c0 af"})
    public void invalidUtf8InAContinuationFailsWith1007(String invalidHex) throws IOException {
        assertFailsWith(INVALID_PAYLOAD, Frame.text("valid start ").withFin(false),
                Frame.continuation(hex(invalidHex), true));
    }

    // §8.1: a sequence begun in one fragment and broken in the next.
    @Test
    public void sequenceBrokenAcrossFragmentsFailsWith1007() throws IOException {
        assertFailsWith(INVALID_PAYLOAD, Frame.of(OpCode.TEXT, hex("e2 82")).withFin(false),
                Frame.continuation(hex("41"), true));
    }

    // §8.1: a message whose final fragment ends inside a sequence.
    @Test
    public void messageEndingInsideASequenceFailsWith1007() throws IOException {
        assertFailsWith(INVALID_PAYLOAD, Frame.of(OpCode.TEXT, utf8("ok")).withFin(false),
                Frame.continuation(hex("f0 9f"), true));
    }

    // §8.1 fail fast: the first fragment is already invalid, so the connection fails without waiting
    // for the rest of the message, which never comes.
    @Test
    public void invalidFirstFragmentFailsFastWith1007() throws IOException {
        try (RawWebSocket ws = connect()) {
            ws.send(Frame.of(OpCode.TEXT, hex("ce ba ff 41")).withFin(false));
            ws.expectClose(INVALID_PAYLOAD);
        }
    }

    // §8.1 fail fast, mid-frame: the frame announces 1,000 bytes but only its first, invalid,
    // bytes arrive; the connection fails on them without waiting for the rest of the frame.
    @Test
    public void invalidBytesFailFastInsideAnUnfinishedFrameWith1007() throws IOException {
        byte[] payload = new byte[1000];
        System.arraycopy(hex("ce ba ff 41"), 0, payload, 0, 4);
        try (RawWebSocket ws = connect()) {
            ws.sendTruncated(Frame.of(OpCode.TEXT, payload), 4);
            ws.expectClose(INVALID_PAYLOAD);
        }
    }

    // §5.6: binary messages are not UTF-8; any bytes are echoed.
    @Test
    public void invalidUtf8InABinaryMessageIsEchoed() throws IOException {
        byte[] payload = hex("ed a0 80 c0 af ff fe");
        assertEchoed(OpCode.BINARY, payload, Frame.binary(payload));
    }
}
