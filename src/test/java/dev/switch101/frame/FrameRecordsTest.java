package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The value types: {@link FrameHeader}, {@link FrameParserConfig}, {@link ProtocolException}. */
class FrameRecordsTest {

    @Test
    void frameHeaderRefusesValuesNoWireHeaderCanCarry() {
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(true, 8, OpCode.TEXT, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(true, -1, OpCode.TEXT, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new FrameHeader(true, 0, OpCode.TEXT, -1, false));
        assertThrows(NullPointerException.class, () -> new FrameHeader(true, 0, null, 0, false));
        assertEquals(7, new FrameHeader(true, 7, OpCode.TEXT, Long.MAX_VALUE, true).rsv());
    }

    @Test
    void rsvBitConstantsMatchTheirPositionInTheFirstByte() {
        // §5.2: RSV1 is bit 6 of the first byte, RSV3 bit 4; rsv holds them shifted down by 4.
        assertEquals(0x40 >> 4, FrameHeader.RSV1);
        assertEquals(0x20 >> 4, FrameHeader.RSV2);
        assertEquals(0x10 >> 4, FrameHeader.RSV3);
    }

    @Test
    void parserConfigRolesAndLimit() {
        assertTrue(FrameParserConfig.server(10).requireMasked());
        assertFalse(FrameParserConfig.client(10).requireMasked());
        assertEquals(10, FrameParserConfig.server(10).maxFramePayload());
        assertThrows(IllegalArgumentException.class, () -> new FrameParserConfig(true, -1));
    }

    @Test
    void protocolExceptionCarriesItsCloseCode() {
        ProtocolException e = new ProtocolException(CloseCodes.MESSAGE_TOO_BIG, "too big");
        assertEquals(1009, e.closeCode());
        assertEquals("too big", e.getMessage());
    }
}
