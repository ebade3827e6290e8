package dev.switch101.frame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fuzzer's oracle for {@link FrameParser}: a plain whole-buffer decoder of RFC 6455 §5.2
 * frames, written for clarity rather than speed. It reads one complete byte array from the start,
 * never keeps state across calls and never unmasks in place, so it shares none of the parser's
 * incremental machinery. Events are written as strings ({@code H fin rsv op len masked},
 * {@code P <hex>}, {@code E}, {@code X <close code>}) with the payload of a frame in one piece, so
 * they can be compared with what the parser reported however its input was split.
 *
 * <p>The rules, each checked as soon as the byte that decides it is there (a truncated stream
 * reports what it has and stops): RSV bits outside the allowed mask, a reserved opcode, a
 * fragmented control frame, a CONTINUATION with no message open, a TEXT/BINARY while one is
 * open (1002, first byte); the MASK bit against the role, a control frame's 7-bit length over 125
 * (1002, second byte); a 64-bit length with its top bit set (1002) and a data frame over the
 * limit (1009), once the whole header is there.
 */
final class ReferenceFrameDecoder {

    private ReferenceFrameDecoder() {
    }

    static List<String> decode(byte[] in, boolean requireMasked, long maxFramePayload, int allowedRsv) {
        List<String> events = new ArrayList<>();
        boolean open = false;
        int p = 0;
        while (p < in.length) {
            int b0 = in[p] & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int rsv = (b0 >> 4) & 7;
            int op = b0 & 0x0F;
            boolean control = op >= 8;
            if ((rsv & ~allowedRsv) != 0 || !(op <= 2 || (op >= 8 && op <= 10))
                    || (control && !fin) || (op == 0 && !open) || ((op == 1 || op == 2) && open)) {
                return fail(events, CloseCodes.PROTOCOL_ERROR);
            }
            if (p + 1 >= in.length) {
                return events;
            }
            int b1 = in[p + 1] & 0xFF;
            boolean masked = (b1 & 0x80) != 0;
            int length7 = b1 & 0x7F;
            if (masked != requireMasked || (control && length7 > 125)) {
                return fail(events, CloseCodes.PROTOCOL_ERROR);
            }
            int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            int headerLength = 2 + extended + (masked ? 4 : 0);
            if (p + headerLength > in.length) {
                return events;
            }
            long length = length7;
            if (extended > 0) {
                if (extended == 8 && (in[p + 2] & 0x80) != 0) {
                    return fail(events, CloseCodes.PROTOCOL_ERROR);
                }
                length = 0;
                for (int i = 0; i < extended; i++) {
                    length = length * 256 + (in[p + 2 + i] & 0xFF);
                }
            }
            if (!control && length > maxFramePayload) {
                return fail(events, CloseCodes.MESSAGE_TOO_BIG);
            }
            byte[] key = masked ? Arrays.copyOfRange(in, p + 2 + extended, p + headerLength) : new byte[4];
            if (!control) {
                open = !fin;
            }
            events.add(header(fin, rsv, op, length, masked));
            int start = p + headerLength;
            int available = (int) Math.min(length, in.length - start);
            if (available > 0) {
                byte[] payload = new byte[available];
                for (int i = 0; i < available; i++) {
                    payload[i] = (byte) (in[start + i] ^ key[i % 4]);
                }
                events.add(payload(payload));
            }
            if (available < length) {
                return events;
            }
            events.add("E");
            p = start + available;
        }
        return events;
    }

    static String header(boolean fin, int rsv, int op, long length, boolean masked) {
        return "H " + fin + " " + rsv + " " + op + " " + length + " " + masked;
    }

    static String payload(byte[] bytes) {
        return "P " + java.util.HexFormat.of().formatHex(bytes);
    }

    private static List<String> fail(List<String> events, int code) {
        events.add("X " + code);
        return events;
    }
}
