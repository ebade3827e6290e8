package dev.switch101.frame;

/**
 * The frame opcodes defined by RFC 6455 §5.2 and §11.8.
 *
 * <p>Opcodes 0x3-0x7 (reserved for further non-control frames) and 0xB-0xF (reserved for further
 * control frames) have no constant: {@link #of(int)} returns {@code null} for them so the parser can
 * fail the connection.
 */
public enum OpCode {
    /** Continuation frame: the next fragment of an open data message (§5.4). */
    CONTINUATION(0x0),
    /** First frame of a text message; the payload is UTF-8 (§5.6). */
    TEXT(0x1),
    /** First frame of a binary message (§5.6). */
    BINARY(0x2),
    /** Connection close control frame (§5.5.1). */
    CLOSE(0x8),
    /** Ping control frame (§5.5.2). */
    PING(0x9),
    /** Pong control frame (§5.5.3). */
    PONG(0xA);

    // Indexed by the 4-bit wire value; null entries are the reserved opcodes.
    private static final OpCode[] BY_CODE = new OpCode[16];

    static {
        for (OpCode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    OpCode(int code) {
        this.code = code;
    }

    /** @return the 4-bit opcode value as it appears on the wire */
    public int code() {
        return code;
    }

    /**
     * Control frames are those whose opcode has the most significant bit set (§5.5).
     *
     * @return true for CLOSE, PING and PONG
     */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    /**
     * Data frames carry application data (§5.6); continuation frames are counted as data frames
     * since they continue a TEXT or BINARY message.
     *
     * @return true for CONTINUATION, TEXT and BINARY
     */
    public boolean isData() {
        return (code & 0x8) == 0;
    }

    /**
     * Looks up an opcode by its wire value.
     *
     * @param code the 4-bit opcode
     * @return the opcode, or {@code null} for reserved or out-of-range values
     */
    public static OpCode of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            return null;
        }
        return BY_CODE[code];
    }
}
