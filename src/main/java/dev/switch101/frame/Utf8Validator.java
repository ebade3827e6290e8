package dev.switch101.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Streaming UTF-8 validator (RFC 3629 §4), for text messages (RFC 6455 §5.6, §8.1) and close
 * reasons (§5.5.1) that arrive in arbitrary chunks.
 *
 * <p>The validator is a deterministic finite automaton: every byte is mapped to one of
 * {@value #CLASS_COUNT} byte classes, and a transition table maps (state, class) to the next state.
 * The state is one small int, so a validator can follow a message of any size in O(1) memory and a
 * code point may be split across any number of chunks. Rejection is sticky and immediate: the first
 * byte that cannot continue any well-formed sequence makes {@link #feed} return {@code false},
 * which lets the connection be failed with 1007 without waiting for the rest of the message
 * (RFC 6455 §8.1: "fail the WebSocket Connection" as soon as invalid UTF-8 is seen).
 *
 * <p>The table encodes the RFC 3629 grammar directly, which is what rules out overlong forms
 * (C0, C1, E0 80..9F, F0 80..8F), UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF
 * (F4 90..BF, F5..FF).
 *
 * <p>Not thread-safe; one instance per message stream.
 */
public final class Utf8Validator {

    // Byte classes: which role a byte can play in the RFC 3629 grammar.
    private static final int C_ASCII = 0;     // 00..7F
    private static final int C_CONT_LO = 1;   // 80..8F  continuation, also the only one F4 allows
    private static final int C_CONT_MID = 2;  // 90..9F  continuation, also the only one ED allows (with 80..8F)
    private static final int C_CONT_HI = 3;   // A0..BF  continuation, E0 needs A0..BF
    private static final int C_INVALID = 4;   // C0, C1, F5..FF: never appear in UTF-8
    private static final int C_LEAD2 = 5;     // C2..DF
    private static final int C_E0 = 6;        // E0: second byte A0..BF (rules out overlongs)
    private static final int C_LEAD3 = 7;     // E1..EC, EE..EF
    private static final int C_ED = 8;        // ED: second byte 80..9F (rules out surrogates)
    private static final int C_F0 = 9;        // F0: second byte 90..BF (rules out overlongs)
    private static final int C_LEAD4 = 10;    // F1..F3
    private static final int C_F4 = 11;      // F4: second byte 80..8F (rules out > U+10FFFF)
    private static final int CLASS_COUNT = 12;

    // States: how much of the current sequence is still expected, and any restriction on the next byte.
    private static final int ACCEPT = 0;      // on a code point boundary
    private static final int REJECT = 1;      // sticky failure
    private static final int TAIL1 = 2;       // one more 80..BF
    private static final int TAIL2 = 3;       // two more 80..BF
    private static final int TAIL3 = 4;       // three more 80..BF
    private static final int AFTER_E0 = 5;    // A0..BF, then one more
    private static final int AFTER_ED = 6;    // 80..9F, then one more
    private static final int AFTER_F0 = 7;    // 90..BF, then two more
    private static final int AFTER_F4 = 8;    // 80..8F, then two more
    private static final int STATE_COUNT = 9;

    private static final byte[] CLASS_OF = new byte[256];
    private static final byte[] TRANSITION = new byte[STATE_COUNT * CLASS_COUNT];
    /** Bits per state in a {@link #ROWS} entry: room for {@value #STATE_COUNT} states' next states in 64 bits. */
    private static final int STATE_BITS = 6;
    /**
     * The transition table as a "shift DFA": {@code ROWS[b]} holds, for every state {@code s}, the
     * next state on byte {@code b}, at bit {@code s * 6}, itself stored times six. One step is
     * {@code shift = (ROWS[b] >>> shift) & 63}: the load does not depend on the state, so the
     * chain from byte to byte is a shift and a mask, not a table lookup (which a load-to-use
     * latency of several cycles per byte made the bottleneck on text that is not ASCII).
     */
    private static final long[] ROWS = new long[256];
    /** Bytes per call of the inner loop (see {@link #run}). */
    private static final int SLICE = 4096;
    /** Bytes tested at once for the ASCII fast path (see {@link #run}). */
    private static final int BLOCK = 32;
    /** Eight bytes of an array as one long, for the ASCII fast path. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // Used to test eight bytes at once for the ASCII fast path; the byte order does not matter
    // for a test of all eight high bits.
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    static {
        fillClass(0x00, 0x7F, C_ASCII);
        fillClass(0x80, 0x8F, C_CONT_LO);
        fillClass(0x90, 0x9F, C_CONT_MID);
        fillClass(0xA0, 0xBF, C_CONT_HI);
        fillClass(0xC0, 0xC1, C_INVALID);
        fillClass(0xC2, 0xDF, C_LEAD2);
        fillClass(0xE0, 0xE0, C_E0);
        fillClass(0xE1, 0xEC, C_LEAD3);
        fillClass(0xED, 0xED, C_ED);
        fillClass(0xEE, 0xEF, C_LEAD3);
        fillClass(0xF0, 0xF0, C_F0);
        fillClass(0xF1, 0xF3, C_LEAD4);
        fillClass(0xF4, 0xF4, C_F4);
        fillClass(0xF5, 0xFF, C_INVALID);

        // Everything not listed below goes to REJECT (the array is zero-filled, so set it first).
        java.util.Arrays.fill(TRANSITION, (byte) REJECT);

        on(ACCEPT, C_ASCII, ACCEPT);
        on(ACCEPT, C_LEAD2, TAIL1);
        on(ACCEPT, C_E0, AFTER_E0);
        on(ACCEPT, C_LEAD3, TAIL2);
        on(ACCEPT, C_ED, AFTER_ED);
        on(ACCEPT, C_F0, AFTER_F0);
        on(ACCEPT, C_LEAD4, TAIL3);
        on(ACCEPT, C_F4, AFTER_F4);

        onAnyContinuation(TAIL1, ACCEPT);
        onAnyContinuation(TAIL2, TAIL1);
        onAnyContinuation(TAIL3, TAIL2);

        on(AFTER_E0, C_CONT_HI, TAIL1);
        on(AFTER_ED, C_CONT_LO, TAIL1);
        on(AFTER_ED, C_CONT_MID, TAIL1);
        on(AFTER_F0, C_CONT_MID, TAIL2);
        on(AFTER_F0, C_CONT_HI, TAIL2);
        on(AFTER_F4, C_CONT_LO, TAIL2);

        for (int state = 0; state < STATE_COUNT; state++) {
            for (int b = 0; b < 256; b++) {
                long next = TRANSITION[state * CLASS_COUNT + CLASS_OF[b]];
                ROWS[b] |= (next * STATE_BITS) << (state * STATE_BITS);
            }
        }
    }

    private static void fillClass(int from, int to, int byteClass) {
        for (int b = from; b <= to; b++) {
            CLASS_OF[b] = (byte) byteClass;
        }
    }

    private static void on(int state, int byteClass, int next) {
        TRANSITION[state * CLASS_COUNT + byteClass] = (byte) next;
    }

    private static void onAnyContinuation(int state, int next) {
        on(state, C_CONT_LO, next);
        on(state, C_CONT_MID, next);
        on(state, C_CONT_HI, next);
    }

    private int state = ACCEPT;

    /** Creates a validator positioned at the start of a message. */
    public Utf8Validator() {
    }

    /**
     * Feeds the bytes {@code [chunk.position(), chunk.limit())} without consuming them: the
     * buffer's position, limit and contents are left unchanged.
     *
     * @param chunk the next bytes of the text
     * @return {@code false} as soon as the bytes so far cannot be a prefix of valid UTF-8 (and on
     *         every later call until {@link #reset()}); {@code true} otherwise
     */
    public boolean feed(ByteBuffer chunk) {
        if (state == REJECT) {
            return false;
        }
        int shift = state * STATE_BITS;
        if (chunk.hasArray()) {
            int offset = chunk.arrayOffset();
            shift = run(chunk.array(), offset + chunk.position(), offset + chunk.limit(), shift);
        } else {
            for (int i = chunk.position(), limit = chunk.limit(); i < limit; i++) {
                shift = step(shift, chunk.get(i));
            }
        }
        state = shift / STATE_BITS;
        return state != REJECT;
    }

    /**
     * The automaton over {@code bytes[from, to)} from the state at {@code shift}, a block of
     * {@value #BLOCK} bytes at a time: a block of ASCII in ACCEPT (shift 0), where ASCII leaves the
     * state as it is, is skipped whole; any other block goes through the automaton byte by byte,
     * without a branch. The block is this long so that the skip test is predictable on text with
     * a multi-byte character every few words (with 8-byte words it was taken about half the time,
     * and its mispredictions cost more than the automaton). REJECT is sticky (its row leads only
     * to itself), so it is checked once, at the end. Long inputs go through in slices so that the
     * JIT compiles this method, not just its loop.
     */
    private static int run(byte[] bytes, int from, int to, int shift) {
        long s = shift;
        for (int start = from; start < to; start += SLICE) {
            s = runSlice(bytes, start, Math.min(to, start + SLICE), s);
        }
        return (int) s & 63;
    }

    /**
     * The state is carried as the previous {@code ROWS} entry shifted, whose low six bits are the
     * shift of the current state: Java uses only the low six bits of a {@code long} shift count,
     * so the mask is not needed between steps and the chain from byte to byte is one shift.
     */
    private static long runSlice(byte[] bytes, int from, int to, long shift) {
        long s = shift;
        int i = from;
        for (; i + BLOCK <= to; i += BLOCK) {
            long w0 = (long) WORDS.get(bytes, i);
            long w1 = (long) WORDS.get(bytes, i + 8);
            long w2 = (long) WORDS.get(bytes, i + 16);
            long w3 = (long) WORDS.get(bytes, i + 24);
            if ((s & 63) == 0 && ((w0 | w1 | w2 | w3) & HIGH_BITS) == 0) {
                continue;
            }
            s = word(s, w0);
            s = word(s, w1);
            s = word(s, w2);
            s = word(s, w3);
        }
        for (; i < to; i++) {
            s = ROWS[bytes[i] & 0xFF] >>> s;
        }
        return s & 63;
    }

    /** Eight steps, the bytes of {@code word} from its lowest. */
    private static long word(long s, long word) {
        long t = s;
        for (int k = 0; k < Long.BYTES; k++) {
            t = ROWS[(int) (word >>> (k * Byte.SIZE)) & 0xFF] >>> t;
        }
        return t;
    }

    /** One step of the automaton: the state after byte {@code b} (its low eight bits), as a shift. */
    private static int step(int shift, int b) {
        return (int) (ROWS[b & 0xFF] >>> shift) & 63;
    }

    /**
     * @return {@code true} if no invalid sequence has been seen and the bytes fed so far end on a
     *         code point boundary; call at the end of a message, where a truncated sequence is an
     *         error even though {@link #feed} accepted every byte
     */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /** Forgets all bytes fed so far, for reuse on the next message. */
    public void reset() {
        state = ACCEPT;
    }

    /**
     * Validates a complete byte sequence.
     *
     * @param bytes the bytes to check
     * @return {@code true} if {@code bytes} is well-formed UTF-8 in its entirety
     */
    public static boolean isValid(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        return validator.feed(ByteBuffer.wrap(bytes)) && validator.isComplete();
    }
}
