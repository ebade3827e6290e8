package dev.switch101.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Which way reading restarts after back-pressure, per container (see README, "Containers"). */
class ReadResumptionTest {

    @Test
    void tomcatNeverReadsOffItsOwnThreads() {
        assertEquals(ReadResumption.SOLICIT_INPUT, ReadResumption.forContainer("Apache Tomcat/11.0.27", null));
    }

    @Test
    void undertowResumesOnTheApplicationThread() {
        assertEquals(ReadResumption.ON_APPLICATION_THREAD,
                ReadResumption.forContainer("Undertow - 2.3.23.Final", null));
    }

    @Test
    void configurationWins() {
        assertEquals(ReadResumption.ON_APPLICATION_THREAD, ReadResumption.forContainer("Apache Tomcat/11", "thread"));
        assertEquals(ReadResumption.SOLICIT_INPUT, ReadResumption.forContainer("Undertow", " solicit "));
        assertThrows(IllegalArgumentException.class, () -> ReadResumption.forContainer("Undertow", "sometimes"));
    }
}
