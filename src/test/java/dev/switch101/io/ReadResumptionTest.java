package dev.switch101.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which way reading restarts after back-pressure, per container (see README, "Containers"). */
class ReadResumptionTest {

    @Test
    void tomcatParksItsCallbackThreadAndClosesOnlyInCallbacks() {
        ReadResumption tomcat = ReadResumption.forContainer("Apache Tomcat/11.0.27", null);
        assertEquals(ReadResumption.PARK_CALLBACK_THREAD, tomcat);
        assertTrue(tomcat.closesOnlyInCallbacks());
    }

    @Test
    void undertowResumesOnTheConnectionsIoThread() {
        ReadResumption undertow = ReadResumption.forContainer("Undertow - 2.3.23.Final", null);
        assertEquals(ReadResumption.CONTAINER_IO_THREAD, undertow);
        assertFalse(undertow.closesOnlyInCallbacks());
    }

    @Test
    void unknownContainerReadsOnTheApplicationThread() {
        assertEquals(ReadResumption.APPLICATION_THREAD, ReadResumption.forContainer("Some Server/1.0", null));
        assertEquals(ReadResumption.APPLICATION_THREAD, ReadResumption.forContainer(null, null));
    }

    @Test
    void configurationWins() {
        assertEquals(ReadResumption.APPLICATION_THREAD, ReadResumption.forContainer("Apache Tomcat/11", "thread"));
        assertEquals(ReadResumption.PARK_CALLBACK_THREAD, ReadResumption.forContainer("Undertow", " park "));
        assertEquals(ReadResumption.CONTAINER_IO_THREAD, ReadResumption.forContainer("Apache Tomcat/11", "io-thread"));
        assertThrows(IllegalArgumentException.class, () -> ReadResumption.forContainer("Undertow", "solicit"));
    }
}
