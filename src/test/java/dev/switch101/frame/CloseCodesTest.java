package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** RFC 6455 §7.4 and the IANA WebSocket Close Code Number Registry. */
class CloseCodesTest {

    /** Defined by §7.4.1, plus 1012-1014 from the IANA registry (accepted by Autobahn|Testsuite). */
    private static final Set<Integer> DEFINED_SENDABLE =
            Set.of(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014);

    @Test
    void constantsHaveTheirRfcValues() {
        assertEquals(1000, CloseCodes.NORMAL);
        assertEquals(1001, CloseCodes.GOING_AWAY);
        assertEquals(1002, CloseCodes.PROTOCOL_ERROR);
        assertEquals(1003, CloseCodes.UNSUPPORTED_DATA);
        assertEquals(1005, CloseCodes.NO_STATUS);
        assertEquals(1006, CloseCodes.ABNORMAL);
        assertEquals(1007, CloseCodes.INVALID_PAYLOAD);
        assertEquals(1008, CloseCodes.POLICY_VIOLATION);
        assertEquals(1009, CloseCodes.MESSAGE_TOO_BIG);
        assertEquals(1010, CloseCodes.MANDATORY_EXTENSION);
        assertEquals(1011, CloseCodes.INTERNAL_ERROR);
        assertEquals(1015, CloseCodes.TLS_HANDSHAKE);
    }

    /** §7.4.1 and §7.4.2, checked for every code from -1 to 70000. */
    @Test
    void validOnWireExactlyForDefinedCodesAndTheRegisteredAndPrivateRanges() {
        for (int code = -1; code <= 70_000; code++) {
            boolean expected = DEFINED_SENDABLE.contains(code) || (code >= 3000 && code <= 4999);
            assertEquals(expected, CloseCodes.isValidOnWire(code), "code " + code);
        }
    }
}
