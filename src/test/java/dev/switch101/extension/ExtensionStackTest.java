package dev.switch101.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switch101.frame.FrameHeader;
import dev.switch101.frame.FrameListener;
import dev.switch101.frame.OpCode;

/**
 * The stack's order (RFC 6455 §9.1): outgoing data passes the extensions in the answer's order,
 * incoming frames in the reverse order, so each one undoes what its peer's counterpart did last;
 * the RSV bits are the union of what the extensions own, and each sees its own bit.
 */
class ExtensionStackTest {

    /** Wraps payloads in its letter on the way out, unwraps them on the way in; owns one RSV bit. */
    private record Wrapping(String letter, int rsv) implements Extension {
        @Override
        public String name() {
            return "x-" + letter;
        }

        @Override
        public ExtensionOffer response() {
            return new ExtensionOffer(name());
        }

        @Override
        public int rsvBits() {
            return rsv;
        }

        @Override
        public FrameTransform newTransform(TransformContext context) {
            return new FrameTransform() {
                @Override
                public IncomingStage incoming(FrameListener next) {
                    return new IncomingStage() {
                        @Override
                        public void onFrameHeader(FrameHeader h) {
                            if ((h.rsv() & rsv) == 0) {
                                throw new AssertionError(letter + " sees a frame without its bit");
                            }
                            next.onFrameHeader(new FrameHeader(h.fin(), h.rsv() & ~rsv, h.opCode(),
                                    h.payloadLength() - 2, h.masked()));
                        }

                        @Override
                        public void onPayload(ByteBuffer chunk) {
                            String text = StandardCharsets.UTF_8.decode(chunk).toString();
                            if (!text.startsWith(letter) || !text.endsWith(letter)) {
                                throw new AssertionError(letter + " unwraps " + text);
                            }
                            next.onPayload(StandardCharsets.UTF_8.encode(text.substring(1, text.length() - 1)));
                        }

                        @Override
                        public void onFrameEnd() {
                            next.onFrameEnd();
                        }
                    };
                }

                @Override
                public void outgoing(boolean fin, int bits, OpCode opCode, ByteBuffer payload, OutgoingFrames next)
                        throws IOException {
                    String text = StandardCharsets.UTF_8.decode(payload).toString();
                    next.frame(fin, bits | rsv, opCode, StandardCharsets.UTF_8.encode(letter + text + letter));
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private final List<String> received = new ArrayList<>();
    private final ExtensionStack stack = new ExtensionStack(List.of(new Wrapping("a", 4), new Wrapping("b", 2)),
            new FrameListener() {
                @Override
                public void onFrameHeader(FrameHeader header) {
                    received.add("rsv" + header.rsv());
                }

                @Override
                public void onPayload(ByteBuffer chunk) {
                    received.add(StandardCharsets.UTF_8.decode(chunk).toString());
                }

                @Override
                public void onFrameEnd() {
                }
            }, new TransformContext(1024, 1024, () -> false, () -> { }));

    @Test
    void outgoingPassesTheExtensionsInTheAnswersOrder() throws IOException {
        List<String> wire = new ArrayList<>();
        stack.outgoing(true, OpCode.TEXT, StandardCharsets.UTF_8.encode("x"),
                (fin, rsv, opCode, payload) -> wire.add("rsv" + rsv + " " + StandardCharsets.UTF_8.decode(payload)));
        assertEquals(List.of("rsv6 baxab"), wire);
    }

    @Test
    void incomingPassesThemInTheReverseOrder() {
        stack.incoming().onFrameHeader(new FrameHeader(true, 6, OpCode.TEXT, 5, true));
        stack.incoming().onPayload(StandardCharsets.UTF_8.encode("baxab"));
        stack.incoming().onFrameEnd();
        assertEquals(List.of("rsv0", "x"), received);
    }

    @Test
    void rsvBitsAreTheUnionOfWhatTheExtensionsOwn() {
        assertEquals(6, stack.rsvBits());
    }
}
