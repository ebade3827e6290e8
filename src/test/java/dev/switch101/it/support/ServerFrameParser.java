package dev.switch101.it.support;

/**
 * An incremental parser of the frames a server sends (RFC 6455 §5), written for the tests
 * and independent of the engine's own codec, so a bug shared by both cannot hide. It hands
 * data payloads on in the slices it is fed (nothing is held whole) and collects control
 * payloads (at most 125 bytes). Anything a server must not send fails with a
 * {@link Violation}: a masked frame (§5.1), RSV bits without an extension, a reserved
 * opcode, a fragmented or long control frame, a continuation without a message or a new
 * message inside one (§5.2, §5.4), a length not in its minimal encoding (§5.2), or any byte
 * after the close frame (§5.5.1).
 */
public final class ServerFrameParser {

    /** What the parser hands on; called on the thread that feeds it. */
    public interface Listener {
        /** The first frame of a data message (text or binary) begins. */
        void onMessageStart(boolean text);

        void onMessageData(byte[] bytes, int offset, int length);

        /** The final frame of the message ended. */
        void onMessageEnd();

        /** A whole control frame: ping (0x9), pong (0xA) or close (0x8). */
        void onControl(int opCode, byte[] payload);
    }

    /** The server broke RFC 6455. */
    public static final class Violation extends Exception {
        Violation(String message) {
            super(message);
        }
    }

    private final Listener listener;
    private final byte[] header = new byte[10];
    private int headerHave;
    private int headerNeed = 2;
    private boolean inPayload;
    private boolean fin;
    private int opCode;
    private long remaining;
    private byte[] control;
    private int controlAt;
    private boolean inMessage;
    private boolean closed;
    private long frames;

    public ServerFrameParser(Listener listener) {
        this.listener = listener;
    }

    /** Whether the server's close frame has been parsed. */
    public boolean closed() {
        return closed;
    }

    /** Whether a data message has begun and not yet ended. */
    public boolean inMessage() {
        return inMessage;
    }

    /** Whether the bytes fed so far end exactly at a frame boundary. */
    public boolean atFrameBoundary() {
        return !inPayload && headerHave == 0;
    }

    public long frames() {
        return frames;
    }

    public void feed(byte[] bytes, int offset, int length) throws Violation {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if (closed) {
                throw new Violation((end - at) + " byte(s) after the server's close frame (§5.5.1)");
            }
            if (!inPayload) {
                int take = Math.min(headerNeed - headerHave, end - at);
                System.arraycopy(bytes, at, header, headerHave, take);
                headerHave += take;
                at += take;
                if (headerHave == headerNeed) {
                    headerComplete();
                }
            } else {
                int take = (int) Math.min(remaining, end - at);
                if (control != null) {
                    System.arraycopy(bytes, at, control, controlAt, take);
                    controlAt += take;
                } else if (take > 0) {
                    listener.onMessageData(bytes, at, take);
                }
                at += take;
                remaining -= take;
                if (remaining == 0) {
                    frameEnd();
                }
            }
        }
    }

    private void headerComplete() throws Violation {
        if (headerNeed == 2) {
            if ((header[1] & 0x80) != 0) {
                throw new Violation("masked frame from the server (§5.1: a server MUST NOT mask)");
            }
            int length7 = header[1] & 0x7F;
            int extra = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (extra > 0) {
                headerNeed = 2 + extra;
                return;
            }
        }
        fin = (header[0] & 0x80) != 0;
        int rsv = (header[0] >> 4) & 0x7;
        opCode = header[0] & 0x0F;
        long length = payloadLength();
        if (rsv != 0) {
            throw new Violation("RSV bits " + rsv + " set without a negotiated extension (§5.2)");
        }
        boolean isControl = (opCode & 0x8) != 0;
        if (isControl) {
            if (opCode > 0xA) {
                throw new Violation("reserved control opcode 0x" + Integer.toHexString(opCode) + " (§5.2)");
            }
            if (!fin || length > 125) {
                throw new Violation("control frame 0x" + Integer.toHexString(opCode) + " fragmented or longer than 125 bytes (§5.5)");
            }
            control = new byte[(int) length];
            controlAt = 0;
        } else {
            if (opCode > 0x2) {
                throw new Violation("reserved data opcode 0x" + Integer.toHexString(opCode) + " (§5.2)");
            }
            if (opCode == 0 && !inMessage) {
                throw new Violation("continuation frame without a message in progress (§5.4)");
            }
            if (opCode != 0 && inMessage) {
                throw new Violation("new " + (opCode == 1 ? "text" : "binary") + " frame inside a fragmented message (§5.4)");
            }
            control = null;
            if (opCode != 0) {
                inMessage = true;
                listener.onMessageStart(opCode == 1);
            }
        }
        remaining = length;
        inPayload = true;
        headerHave = 0;
        headerNeed = 2;
        if (remaining == 0) {
            frameEnd();
        }
    }

    private long payloadLength() throws Violation {
        int length7 = header[1] & 0x7F;
        if (length7 < 126) {
            return length7;
        }
        if (length7 == 126) {
            int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            if (length < 126) {
                throw new Violation("16-bit length " + length + " where 7 bits suffice (§5.2: minimal encoding)");
            }
            return length;
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xFF);
        }
        if (length < 0) {
            throw new Violation("64-bit length with its most significant bit set (§5.2)");
        }
        if (length <= 0xFFFF) {
            throw new Violation("64-bit length " + length + " where 16 bits suffice (§5.2: minimal encoding)");
        }
        return length;
    }

    private void frameEnd() {
        inPayload = false;
        frames++;
        if (control != null) {
            byte[] payload = control;
            control = null;
            if (opCode == 0x8) {
                closed = true;
            }
            listener.onControl(opCode, payload);
        } else if (fin) {
            inMessage = false;
            listener.onMessageEnd();
        }
    }
}
