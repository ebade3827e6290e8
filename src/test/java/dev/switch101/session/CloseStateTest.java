package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.switch101.frame.CloseCodes;
import dev.switch101.frame.CloseStatus;
import dev.switch101.frame.ProtocolException;
import dev.switch101.session.CloseState.Due;
import dev.switch101.session.CloseState.EndOfInput;
import dev.switch101.session.CloseState.Failing;
import dev.switch101.session.CloseState.InputEnd;
import dev.switch101.session.CloseState.PeerCloseAnswer;

/** The rules of a connection's ending, on a clock of the test's choosing (nanoseconds; the close timeout is 1 s). */
class CloseStateTest {

    private static final long TIMEOUT = Duration.ofSeconds(1).toNanos();
    private static final long NO_IDLE_TIMEOUT = 0;
    private static final CloseStatus BYE = new CloseStatus(CloseCodes.NORMAL, "bye");

    private final CloseState state = new CloseState(TIMEOUT);

    /** A sweep at {@code now} of a connection that last read and wrote at {@code lastActivity}, not paused. */
    private Due sweep(long now, long lastActivity) {
        return state.due(now, NO_IDLE_TIMEOUT, lastActivity, lastActivity, false);
    }

    @Test
    void thePeersCloseIsAnsweredWithItsCodeWithoutItsReasonAndReportedWithIt() {
        PeerCloseAnswer answer = state.answerPeerClose(BYE, 0);
        assertEquals(BYE, answer.report());
        assertEquals(new CloseStatus(CloseCodes.NORMAL, ""), answer.reply());
        assertFalse(state.isOpen());
        assertNull(state.answerPeerClose(BYE, 1), "a second close frame needs no answer");
    }

    @Test
    void anAnswerToOurCloseReportsOurStatusAndSendsNothing() {
        CloseStatus ours = new CloseStatus(CloseCodes.GOING_AWAY, "Idle timeout");
        assertTrue(state.startClose(ours, 0));
        assertFalse(state.startClose(BYE, 1), "one close frame of ours");
        PeerCloseAnswer answer = state.answerPeerClose(BYE, 2);
        assertEquals(ours, answer.report());
        assertNull(answer.reply());
    }

    @Test
    void aPeerThatNeverAnswersOurCloseIsReportedAndDroppedAfterTheCloseTimeout() {
        state.startClose(BYE, 0);
        assertNull(sweep(TIMEOUT, TIMEOUT).unanswered());
        Due due = sweep(TIMEOUT + 1, TIMEOUT);
        assertEquals(BYE, due.unanswered());
        assertTrue(due.abort());
        assertNull(sweep(TIMEOUT + 2, TIMEOUT).unanswered(), "reported once");
    }

    @Test
    void noPongFollowsACloseFrameEitherWay() {
        assertTrue(state.answersPings());
        state.startClose(BYE, 0);
        assertFalse(state.answersPings());

        CloseState peerClosed = new CloseState(TIMEOUT);
        peerClosed.endInput(new InputEnd(BYE, null), 0);
        assertFalse(peerClosed.answersPings());
        assertTrue(peerClosed.isOpen(), "frames may still go out until the close is answered");
    }

    @Test
    void theInputsEndIsActedOnOnceByWhicheverAsksFirst() {
        InputEnd first = new InputEnd(BYE, null);
        assertTrue(state.endInput(first, 0));
        assertFalse(state.endInput(new InputEnd(null, new ProtocolException(CloseCodes.PROTOCOL_ERROR, "x")), 1));
        assertSame(first, state.takeInputEnd());
        assertNull(state.takeInputEnd());
    }

    @Test
    void aPeersCloseStuckBehindMessagesIsAnsweredOnlyWhenNothingWasWrittenForACloseTimeout() {
        state.endInput(new InputEnd(BYE, null), 0);
        long now = 3 * TIMEOUT;
        assertFalse(state.due(now, NO_IDLE_TIMEOUT, now, now - TIMEOUT, false).answerInputEnd(),
                "replies still go out: the messages before the close are getting through");
        assertTrue(state.due(now, NO_IDLE_TIMEOUT, now, now - TIMEOUT - 1, false).answerInputEnd());
        state.takeInputEnd();
        assertFalse(state.due(now, NO_IDLE_TIMEOUT, 0, 0, false).answerInputEnd(), "already acted on");
    }

    @Test
    void afterAFailureTcpClosesOnceThePeerHasBeenQuiet() {
        assertEquals(Failing.WITH_CLOSE_FRAME, state.fail(0));
        assertEquals(Failing.ALREADY_CLOSING, state.fail(1));
        assertTrue(state.lingerWhilePeerSends());
        long quiet = CloseState.LINGER_QUIET_NANOS;
        assertFalse(sweep(quiet, 0).quietAfterFailure());
        assertTrue(sweep(quiet + 1, 0).quietAfterFailure());
        assertFalse(sweep(quiet + 2, 0).quietAfterFailure(), "once");
    }

    @Test
    void afterAFailureThePeersCloseFrameOrEndOfInputClosesTcpAtOnce() {
        state.fail(0);
        state.lingerWhilePeerSends();
        PeerCloseAnswer answer = state.answerPeerClose(BYE, 1);
        assertNull(answer.report(), "the handler was told of the failure");
        assertNull(answer.reply(), "our close frame went out with the failure");

        CloseState eof = new CloseState(TIMEOUT);
        eof.fail(0);
        eof.lingerWhilePeerSends();
        assertEquals(EndOfInput.CLOSE_NOW, eof.peerEndedInput());

        CloseState gone = new CloseState(TIMEOUT);
        gone.peerEndedInput();
        gone.fail(0);
        assertFalse(gone.lingerWhilePeerSends(), "the peer has stopped sending already");
    }

    @Test
    void failingAfterOurCloseSendsNoSecondCloseFrame() {
        state.startClose(BYE, 0);
        assertEquals(Failing.AFTER_OUR_CLOSE_FRAME, state.fail(1));
    }

    @Test
    void anEndOfInputWithoutACloseFrameIsAbnormalAndAfterOneItIsNot() {
        assertEquals(EndOfInput.ABNORMAL, state.peerEndedInput());

        CloseState closed = new CloseState(TIMEOUT);
        closed.endInput(new InputEnd(BYE, null), 0);
        assertEquals(EndOfInput.CLOSE_GOES_ON, closed.peerEndedInput());
    }

    @Test
    void aCloseThatFlushesNothingForACloseTimeoutIsDropped() {
        state.answerPeerClose(BYE, 0);
        assertFalse(sweep(TIMEOUT, 0).abort());
        assertTrue(sweep(TIMEOUT + 1, 0).abort());
        state.connectionClosed(TIMEOUT + 2);
        assertFalse(sweep(10 * TIMEOUT, 0).abort(), "TCP is closed: nothing left to drop");
    }

    @Test
    void theSessionFinishesOnceWhenTheHandlerWasToldAndTheContainerLetGo() {
        assertTrue(state.reportClose());
        assertFalse(state.reportClose(), "the handler is told once");
        state.destroyed();
        assertFalse(state.finish(), "onClose has not run yet");
        state.markHandlerTold();
        assertTrue(state.finish());
        assertFalse(state.finish());
    }

    @Test
    void aContainerThatNeverDestroysAClosedConnectionStopsHoldingItAfterACloseTimeout() {
        state.connectionClosed(0);
        state.markHandlerTold();
        sweep(TIMEOUT, 0);
        assertFalse(state.finish());
        sweep(TIMEOUT + 1, 0);
        assertTrue(state.finish());
    }

    @Test
    void theIdleTimeoutAndTheInputClocksDoNotRunWhileOurOwnBackPressurePausesReading() {
        long idle = TIMEOUT;
        Due due = state.due(idle + 1, idle, 0, 0, false);
        assertTrue(due.idleClose());
        assertTrue(due.inputClocksRun());
        Due paused = state.due(idle + 1, idle, 0, 0, true);
        assertFalse(paused.idleClose());
        assertFalse(paused.inputClocksRun());
    }

    @Test
    void aSweepThatFindsNothingNewAllocatesNothing() {
        assertSame(sweep(1, 0), sweep(2, 0));
        state.startClose(BYE, 3);
        assertSame(sweep(4, 3), sweep(5, 3));
    }
}
