package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** When the frame and message timeouts start, stop, start again and fire. */
class InputClocksTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final InputClocks clocks = new InputClocks(Limits.DEFAULT
            .withFrameTimeout(Duration.ofSeconds(2)).withMessageTimeout(Duration.ofSeconds(5)));

    @Test
    void anUnfinishedFrameIsLateAfterTheFrameTimeoutFromTheReadThatBeganIt() {
        clocks.afterRead(0, false, false, true, false);
        clocks.afterRead(SECOND, false, false, true, false); // more of the same frame
        assertNull(clocks.overrun(2 * SECOND));
        assertEquals("Frame not completed within 2000 ms", clocks.overrun(2 * SECOND + 1));
    }

    @Test
    void aMessageOfCompleteFramesIsLateAfterTheMessageTimeoutHoweverOftenItsFramesCome() {
        for (long t = 0; t <= 5 * SECOND; t += SECOND) {
            clocks.afterRead(t, true, true, true, false); // a whole continuation frame each second
            assertNull(clocks.overrun(t));
        }
        assertEquals("Message not completed within 5000 ms", clocks.overrun(5 * SECOND + 1));
    }

    @Test
    void aReadThatEndsOneMessageAndBeginsTheNextStartsTheNextOnesClock() {
        clocks.afterRead(0, true, true, true, false);
        clocks.afterRead(4 * SECOND, true, true, true, true);
        assertNull(clocks.overrun(8 * SECOND));
        clocks.afterRead(9 * SECOND, true, true, false, true); // it ends: nothing is timed
        assertNull(clocks.overrun(100 * SECOND));
    }

    @Test
    void aRestartAfterOurOwnPauseGivesThePeerItsTimeAgainAndStartsNothing() {
        clocks.afterRead(0, false, false, true, false);
        clocks.restart(10 * SECOND);
        assertNull(clocks.overrun(11 * SECOND));
        assertEquals("Frame not completed within 2000 ms", clocks.overrun(12 * SECOND + 1));

        InputClocks idle = new InputClocks(Limits.DEFAULT);
        idle.restart(SECOND);
        assertNull(idle.overrun(Duration.ofDays(1).toNanos()));
    }

    @Test
    void zeroDisablesEither() {
        InputClocks off = new InputClocks(Limits.DEFAULT.withFrameTimeout(Duration.ZERO)
                .withMessageTimeout(Duration.ZERO));
        off.afterRead(0, false, false, true, false);
        assertNull(off.overrun(Duration.ofDays(1).toNanos()));
    }
}
