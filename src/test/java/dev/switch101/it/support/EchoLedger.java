package dev.switch101.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one connection to the echo endpoint owes its client, and the check of every echo:
 * messages come back in the order sent, each with the type and the exact content (length and
 * SHA-256) of the message sent; every ping gets its pong (the same payload; RFC 6455 §5.5.2
 * lets a pong answer only the latest of several pings); and the server's close frame comes
 * after all of that, with the expected code. The first mismatch ends the connection and is
 * kept, with its {@link Category}, as the connection's failure.
 */
public final class EchoLedger implements PacedWebSocket.Events {

    /** Kinds of failure, to count them across many connections. */
    public enum Category {
        ECHO_MISSING_BEFORE_CLOSE, PONG_MISSING_BEFORE_CLOSE, WRONG_CLOSE_CODE, UNSOLICITED_CLOSE, CORRUPTED_ECHO,
        UNEXPECTED_MESSAGE, UNEXPECTED_PONG, STALL, DROPPED_WITHOUT_CLOSE, PROTOCOL_VIOLATION, TCP_LEFT_OPEN, CLIENT_ERROR
    }

    /** A message sent (or being sent) whose echo is owed. */
    public record Expected(int index, MessageContent content, String how) {
        String describe() {
            return "message #" + index + " (" + content.describe() + ", " + how + ")";
        }
    }

    private final Supplier<String> context;
    private final Deque<Expected> owed = new ConcurrentLinkedDeque<>();
    private final Deque<byte[]> pings = new ArrayDeque<>(); // guarded by itself
    private volatile Integer expectedCloseCode;
    private volatile String expectedCloseWhy = "";
    private volatile Integer closeCode;
    private volatile PacedWebSocket.End end;
    private volatile Category category;
    private volatile String failure;
    private volatile Runnable abort = () -> { };

    // The message being received (reader thread only).
    private Expected receiving;
    private boolean receivingText;
    private long receivedLength;
    private final MessageDigest digest = MessageContent.sha256();
    /** The content sent, produced again to find the first byte an echo gets wrong. */
    private MessageContent replay;
    private byte[] replayed = new byte[64 * 1024];

    private volatile long echoed;
    private volatile long echoedBytes;
    private volatile long pongs;

    /** @param context what to put in front of a failure (seed, client, connection, profile) */
    public EchoLedger(Supplier<String> context) {
        this.context = context;
    }

    /** What to do on the first failure (close the socket). */
    public void onFailureAbort(Runnable action) {
        this.abort = action;
    }

    // ---------------------------------------------------------------- the driver's side

    /** Records a message about to be sent: its echo is owed from now on. */
    public void expect(Expected message) {
        owed.addLast(message);
    }

    public void pingSent(byte[] payload) {
        synchronized (pings) {
            pings.addLast(payload);
        }
    }

    public int pingsOutstanding() {
        synchronized (pings) {
            return pings.size();
        }
    }

    /** The close frame the server owes once everything before it is echoed. */
    public void expectClose(int code, String why) {
        expectedCloseWhy = why;
        expectedCloseCode = code;
    }

    public int owedMessages() {
        return owed.size();
    }

    public boolean ended() {
        return end != null;
    }

    public PacedWebSocket.End end() {
        return end;
    }

    public String failure() {
        return failure;
    }

    public Category category() {
        return category;
    }

    public long echoed() {
        return echoed;
    }

    public long echoedBytes() {
        return echoedBytes;
    }

    public long pongs() {
        return pongs;
    }

    public Integer closeCode() {
        return closeCode;
    }

    /** Records a failure seen by the driver (e.g. a write failed with nothing else to explain it). */
    public void fail(Category kind, String what) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            category = kind;
            failure = context.get() + ": " + what;
        }
        abort.run();
    }

    // ---------------------------------------------------------------- the reader's side

    @Override
    public boolean owed() {
        return !owed.isEmpty() || pingsOutstanding() > 0 || expectedCloseCode != null && closeCode == null;
    }

    @Override
    public void onMessageStart(boolean text) {
        receiving = owed.peekFirst();
        if (receiving == null) {
            fail(Category.UNEXPECTED_MESSAGE, "a " + (text ? "text" : "binary") + " message arrived with no echo owed (after "
                    + echoed + " echoes)" + (expectedCloseCode == null ? "" : "; " + expectedCloseWhy));
            return;
        }
        receivingText = text;
        receivedLength = 0;
        digest.reset();
        replay = receiving.content().replay();
        if (text != receiving.content().isText()) {
            fail(Category.CORRUPTED_ECHO, "echo of " + receiving.describe() + " came back as " + (text ? "text" : "binary"));
        }
    }

    @Override
    public void onMessageData(byte[] bytes, int offset, int length) {
        if (receiving == null || failure != null) {
            return;
        }
        if (receivedLength + length > receiving.content().length()) {
            fail(Category.CORRUPTED_ECHO, "echo of " + receiving.describe() + " is longer than sent: "
                    + (receivedLength + length) + " bytes so far");
            return;
        }
        if (replayed.length < length) {
            replayed = new byte[length];
        }
        replay.next(replayed, 0, length);
        int differs = Arrays.mismatch(bytes, offset, offset + length, replayed, 0, length);
        if (differs >= 0) {
            long at = receivedLength + differs;
            int shown = Math.min(12, length - differs);
            byte[] wrong = Arrays.copyOfRange(bytes, offset + differs, offset + differs + Math.min(16, length - differs));
            fail(Category.CORRUPTED_ECHO, String.format("echo of %s differs from byte %,d on: %s... instead of %s..."
                    + " (in a slice of %,d bytes received from offset %,d); %s", receiving.describe(), at,
                    HexFormat.of().formatHex(bytes, offset + differs, offset + differs + shown),
                    HexFormat.of().formatHex(replayed, differs, differs + shown), length, receivedLength,
                    whereFrom(receiving.content(), wrong)));
            return;
        }
        receivedLength += length;
        digest.update(bytes, offset, length);
    }

    /** Where in the message sent the wrong bytes of an echo come from, if they are its own. */
    private static String whereFrom(MessageContent sent, byte[] wrong) {
        if (wrong.length < 8) {
            return "too few wrong bytes to say where they come from";
        }
        MessageContent again = sent.replay();
        byte[] window = new byte[64 * 1024 + wrong.length];
        int kept = 0;
        long windowStart = 0;
        List<Long> found = new ArrayList<>();
        while (again.produced() < again.length() && found.size() < 3) {
            int n = (int) Math.min(64 * 1024, again.length() - again.produced());
            again.next(window, kept, n);
            int filled = kept + n;
            for (int i = 0; i + wrong.length <= filled && found.size() < 3; i++) {
                if (Arrays.equals(window, i, i + wrong.length, wrong, 0, wrong.length)) {
                    found.add(windowStart + i);
                }
            }
            kept = Math.min(wrong.length - 1, filled);
            System.arraycopy(window, filled - kept, window, 0, kept);
            windowStart += filled - kept;
        }
        if (!found.isEmpty()) {
            return "the wrong bytes are this message's own bytes from offset(s) " + found;
        }
        boolean period4 = wrong.length >= 12;
        for (int i = 4; i < wrong.length && period4; i++) {
            period4 = wrong[i] == wrong[i - 4];
        }
        return "the wrong bytes are not from this message" + (period4 ? "; they repeat every 4 bytes, as zero bytes do once"
                + " unmasked with a frame's masking key: the server passed on buffer space that did not hold this data" : "");
    }

    @Override
    public void onMessageEnd() {
        if (receiving == null || failure != null) {
            return;
        }
        Expected message = receiving;
        receiving = null;
        byte[] got = digest.digest();
        if (receivedLength != message.content().length()) {
            fail(Category.CORRUPTED_ECHO, "echo of " + message.describe() + " has " + receivedLength + " bytes");
            return;
        }
        byte[] sent;
        try {
            // The last byte of the echo can arrive before the sender has finished its own bookkeeping.
            sent = message.content().hash().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            fail(Category.CLIENT_ERROR, "the hash of " + message.describe() + " never became known: " + e);
            return;
        }
        if (!Arrays.equals(sent, got)) {
            fail(Category.CORRUPTED_ECHO, "echo of " + message.describe() + " differs: SHA-256 " + MessageContent.hex(got)
                    + "... instead of " + MessageContent.hex(sent) + "... (" + (receivingText ? "text" : "binary") + ")");
            return;
        }
        owed.pollFirst();
        echoed++;
        echoedBytes += receivedLength;
    }

    @Override
    public void onControl(int opCode, byte[] payload) {
        if (failure != null) {
            return;
        }
        if (opCode == PacedWebSocket.OP_PONG) {
            onPong(payload);
        } else if (opCode == PacedWebSocket.OP_CLOSE) {
            onClose(payload);
        }
    }

    private void onPong(byte[] payload) {
        synchronized (pings) {
            int matched = 0;
            for (byte[] ping : pings) {
                matched++;
                if (Arrays.equals(ping, payload)) {
                    // This pong answers its ping and may stand for the ones before it (§5.5.3).
                    for (int i = 0; i < matched; i++) {
                        pings.removeFirst();
                    }
                    pongs++;
                    return;
                }
            }
        }
        fail(Category.UNEXPECTED_PONG, "a pong (" + payload.length + " bytes, " + HexFormat.of().formatHex(payload, 0,
                Math.min(16, payload.length)) + ") that answers none of the " + pingsOutstanding() + " pings outstanding");
    }

    private void onClose(byte[] payload) {
        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        closeCode = code;
        String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        String closeFrame = "close frame " + code + (reason.isEmpty() ? "" : " \"" + reason + "\"");
        Integer wanted = expectedCloseCode;
        if (wanted == null) {
            fail(Category.UNSOLICITED_CLOSE, "the server closed with " + closeFrame + " out of the blue; " + owedSummary());
            return;
        }
        if (!owed.isEmpty()) {
            Expected first = owed.peekFirst();
            long partly = receiving == first ? receivedLength : 0;
            fail(Category.ECHO_MISSING_BEFORE_CLOSE, closeFrame + " came before the echo of " + first.describe()
                    + (partly > 0 ? " (" + partly + " bytes of it had come)" : "") + ": " + owed.size()
                    + " echo(es) missing; " + expectedCloseWhy);
            return;
        }
        int outstanding = pingsOutstanding();
        if (outstanding > 0) {
            fail(Category.PONG_MISSING_BEFORE_CLOSE, closeFrame + " came before the pong to our last ping (" + outstanding
                    + " outstanding); " + expectedCloseWhy);
            return;
        }
        if (code != wanted) {
            fail(Category.WRONG_CLOSE_CODE, closeFrame + " instead of " + wanted + "; " + expectedCloseWhy);
        }
    }

    @Override
    public void onEnd(PacedWebSocket.End how, String detail) {
        end = how;
        switch (how) {
            case CLOSED_AFTER_CLOSE_FRAME, ABORTED -> { }
            case STALL -> fail(Category.STALL, detail + "; " + owedSummary());
            case EOF_WITHOUT_CLOSE_FRAME, RESET_WITHOUT_CLOSE_FRAME -> fail(Category.DROPPED_WITHOUT_CLOSE,
                    detail + "; " + owedSummary());
            case VIOLATION -> fail(Category.PROTOCOL_VIOLATION, detail);
            case TCP_LEFT_OPEN -> fail(Category.TCP_LEFT_OPEN, detail);
        }
    }

    private String owedSummary() {
        Expected first = owed.peekFirst();
        return owed.size() + " echo(es) owed" + (first == null ? "" : ", the first: " + first.describe()
                + (receiving == first ? " (" + receivedLength + " bytes of it received)" : " (nothing of it received)"))
                + ", " + pingsOutstanding() + " ping(s) unanswered"
                + (expectedCloseCode == null ? "" : ", close " + expectedCloseCode + " owed (" + expectedCloseWhy + ")");
    }
}
