package dev.switch101.session;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.ProtocolException;

/**
 * Where one connection is in its ending, and what is due: the close handshake from either side
 * (RFC 6455 §7), what ended the input, the wait for a failed peer to stop sending, whether the
 * handler has been told, and whether the container has let go of the connection.
 *
 * <p>Bookkeeping only, under one lock: no I/O, no handler calls, and the time is passed in.
 * {@link CoreSession} asks, then acts on the answer outside the lock (a write, a callback, a TCP
 * close), and the rules can be pinned with a clock of the test's choosing.
 */
final class CloseState {

    private static final System.Logger LOG = System.getLogger(CloseState.class.getName());

    /** After failing, how long the peer must have sent nothing before TCP is closed (see {@link #lingerWhilePeerSends}). */
    static final long LINGER_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private enum Phase {
        /** Frames flow both ways. */
        OPEN,
        /** We sent a close frame and wait for the peer's (bounded by the close timeout). */
        CLOSE_SENT,
        /** No more frames either way; the transport writes what is queued, then closes TCP. */
        CLOSING
    }

    /** Why the input ended: the peer's close frame, or a protocol error (a close code to fail with). */
    record InputEnd(CloseStatus status, ProtocolException error) {
    }

    /**
     * The answer to the peer's close frame: tell the handler {@code report} and send {@code reply},
     * either of which may be {@code null}, then close TCP.
     */
    record PeerCloseAnswer(CloseStatus report, CloseStatus reply) {
    }

    /** What failing the connection involves. */
    enum Failing {
        /** Nothing: the connection is closing already. */
        ALREADY_CLOSING,
        /** Our close frame, with the failure's code. */
        WITH_CLOSE_FRAME,
        /** No frame: ours has gone out already. */
        AFTER_OUR_CLOSE_FRAME
    }

    /** What the peer's end of input (a TCP half-close) means. */
    enum EndOfInput {
        /** We failed the connection and waited for the peer to stop sending: close TCP now. */
        CLOSE_NOW,
        /** It follows the peer's close frame, or comes while we close: the close goes on. */
        CLOSE_GOES_ON,
        /** It comes without a close frame: the connection ends abnormally (1006). */
        ABNORMAL
    }

    /**
     * What a sweep finds due, in the order {@link CoreSession#checkTimeouts} acts on it.
     *
     * @param idleClose         nothing came or went for the idle timeout: close with 1001
     * @param inputClocksRun    the frame and message clocks apply (the input is open and not paused by us)
     * @param answerInputEnd    the messages before the peer's close are not getting through: act on the close now
     * @param unanswered        our close frame the peer never answered (report it), or {@code null}
     * @param quietAfterFailure a failed peer has stopped sending: close TCP
     * @param abort             drop the connection: what is left to flush is not being read
     */
    record Due(boolean idleClose, boolean inputClocksRun, boolean answerInputEnd, CloseStatus unanswered,
            boolean quietAfterFailure, boolean abort) {

        private static final Due NOTHING = new Due(false, false, false, null, false, false);
        private static final Due INPUT_CLOCKS_ONLY = new Due(false, true, false, null, false, false);
    }

    private final long closeTimeoutNanos;

    private Phase phase = Phase.OPEN;
    private CloseStatus closeSent;
    private InputEnd inputEnd;
    private boolean inputEndTaken;
    private boolean closeReported;
    private boolean handlerTold;
    private boolean connectionClosed;
    /** The peer closed its side of the TCP connection (end of input). */
    private boolean peerClosed;
    /** We failed the connection and wait for the peer to stop sending before closing TCP. */
    private boolean lingering;
    private boolean destroyed;
    private boolean finished;
    private long closeSentAt;
    private long inputEndedAt;
    private long closingAt;
    private long connectionClosedAt;

    /** @param closeTimeoutNanos how long each step of the ending may take before the next is forced */
    CloseState(long closeTimeoutNanos) {
        this.closeTimeoutNanos = closeTimeoutNanos;
    }

    /** Frames may still be sent: neither side has started the close, and TCP is up. */
    synchronized boolean isOpen() {
        return phase == Phase.OPEN && !connectionClosed;
    }

    /** A ping may be answered: no close frame has gone out, nor come in, that a pong would follow. */
    synchronized boolean answersPings() {
        return phase == Phase.OPEN && inputEnd == null;
    }

    synchronized boolean inputEnded() {
        return inputEnd != null;
    }

    /** @return whether this ended the input (only the first end counts) */
    synchronized boolean endInput(InputEnd end, long now) {
        if (inputEnd != null) {
            return false;
        }
        inputEnd = end;
        inputEndedAt = now;
        return true;
    }

    /** The input's end, to act on: once, to whichever of the queue and the sweeper asks first. */
    synchronized InputEnd takeInputEnd() {
        if (inputEndTaken) {
            return null;
        }
        inputEndTaken = true;
        return inputEnd;
    }

    /** @return the answer to the peer's close frame, or {@code null} if there is nothing left to do */
    synchronized PeerCloseAnswer answerPeerClose(CloseStatus status, long now) {
        PeerCloseAnswer answer;
        if (phase == Phase.OPEN) {
            // The peer started the close: answer with the same code (RFC 6455 §5.5.1), then close TCP.
            answer = new PeerCloseAnswer(status,
                    status.code() == CloseCodes.NO_STATUS ? status : new CloseStatus(status.code(), ""));
        } else if (phase == Phase.CLOSE_SENT) {
            answer = new PeerCloseAnswer(closeSent, null); // the peer answered ours
        } else if (lingering) {
            // We failed the connection (and told the handler), and the peer answers our close: it
            // sends no more, so TCP can close now.
            lingering = false;
            answer = new PeerCloseAnswer(null, null);
        } else {
            return null;
        }
        enterClosing(now);
        return answer;
    }

    /** @return whether our close frame with {@code status} is to be sent (nothing has ended the connection yet) */
    synchronized boolean startClose(CloseStatus status, long now) {
        if (phase != Phase.OPEN || connectionClosed) {
            return false;
        }
        phase = Phase.CLOSE_SENT;
        closeSent = status;
        closeSentAt = now;
        return true;
    }

    /** The connection is being failed (RFC 6455 §7.1.7): no more frames either way. */
    synchronized Failing fail(long now) {
        if (phase == Phase.CLOSING) {
            return Failing.ALREADY_CLOSING;
        }
        boolean open = phase == Phase.OPEN;
        enterClosing(now);
        return open ? Failing.WITH_CLOSE_FRAME : Failing.AFTER_OUR_CLOSE_FRAME;
    }

    /**
     * After failing: TCP is to be closed only once the peer has stopped sending (its end of input,
     * its close frame, or {@link #LINGER_QUIET_NANOS} of quiet at a sweep).
     *
     * @return {@code true} to wait for that; {@code false} if the peer has stopped already: close now
     */
    synchronized boolean lingerWhilePeerSends() {
        if (!peerClosed && !connectionClosed) {
            lingering = true;
            return true;
        }
        return false;
    }

    /** The connection is dropped without a close handshake. */
    synchronized void abort(long now) {
        enterClosing(now);
    }

    /** @return whether this is the first report of the close: the handler is told once */
    synchronized boolean reportClose() {
        if (closeReported) {
            return false;
        }
        closeReported = true;
        return true;
    }

    /** Whether {@code onClose} has run: input read after it never reaches the handler. */
    synchronized boolean handlerTold() {
        return handlerTold;
    }

    synchronized void markHandlerTold() {
        handlerTold = true;
    }

    /** The peer closed its side of the TCP connection. */
    synchronized EndOfInput peerEndedInput() {
        peerClosed = true;
        if (lingering) {
            lingering = false;
            return EndOfInput.CLOSE_NOW;
        }
        return inputEnd != null || phase == Phase.CLOSING ? EndOfInput.CLOSE_GOES_ON : EndOfInput.ABNORMAL;
    }

    /** The TCP connection is closed (or the container was asked to close it). */
    synchronized void connectionClosed(long now) {
        if (!connectionClosed) {
            connectionClosed = true;
            connectionClosedAt = now;
        }
        phase = Phase.CLOSING;
    }

    /** The container is done with the connection. */
    synchronized void destroyed() {
        destroyed = true;
    }

    /** @return {@code true} once, when the handler has been told and the container is done with the connection */
    synchronized boolean finish() {
        if (finished || !handlerTold || !destroyed) {
            return false;
        }
        finished = true;
        return true;
    }

    /**
     * What is due at {@code now}; the steps it reports as taken (our unanswered close, the end of a
     * linger) are taken here.
     *
     * @param idleTimeoutNanos the idle timeout in force, 0 for none
     * @param lastActivity     when bytes last came or went
     * @param lastWritten      when bytes last went out
     * @param inputPaused      reading is paused by our own back-pressure: the peer is waiting for
     *                         us, so its idle and input clocks do not run
     */
    synchronized Due due(long now, long idleTimeoutNanos, long lastActivity, long lastWritten, boolean inputPaused) {
        if (connectionClosed && !destroyed && now - connectionClosedAt > closeTimeoutNanos) {
            // Bounded books: a container that never calls destroy does not leak the session.
            LOG.log(Level.DEBUG, "The container did not destroy a closed connection; no longer counted");
            destroyed = true;
        }
        boolean idleClose = phase == Phase.OPEN && inputEnd == null && idleTimeoutNanos > 0 && !inputPaused
                && now - lastActivity > idleTimeoutNanos;
        boolean inputClocksRun = phase != Phase.CLOSING && inputEnd == null && !inputPaused;
        // The messages before the peer's close are not getting through: the handler is stuck, or
        // the peer stopped reading our replies for a close timeout.
        boolean answerInputEnd = inputEnd != null && !inputEndTaken && now - inputEndedAt > closeTimeoutNanos
                && now - lastWritten > closeTimeoutNanos;
        CloseStatus unanswered = null;
        if (phase == Phase.CLOSE_SENT && inputEnd == null && now - closeSentAt > closeTimeoutNanos) {
            // The peer never answered our close frame (RFC 6455 §7.1.1): close TCP anyway.
            unanswered = closeSent;
            enterClosing(now);
        }
        boolean quietAfterFailure = false;
        if (lingering && now - lastActivity > LINGER_QUIET_NANOS) {
            lingering = false;
            quietAfterFailure = true;
        }
        // The peer does not read what is left to flush: drop it.
        boolean abort = unanswered != null
                || (phase == Phase.CLOSING && !connectionClosed && now - closingAt > closeTimeoutNanos);
        if (!(idleClose || answerInputEnd || quietAfterFailure || abort)) {
            // The common cases, once per sweep for every connection: nothing new to allocate.
            return inputClocksRun ? Due.INPUT_CLOCKS_ONLY : Due.NOTHING;
        }
        return new Due(idleClose, inputClocksRun, answerInputEnd, unanswered, quietAfterFailure, abort);
    }

    private void enterClosing(long now) {
        if (phase != Phase.CLOSING) {
            phase = Phase.CLOSING;
            closingAt = now;
        }
    }
}
