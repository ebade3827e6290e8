package dev.switch101.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6455 §5.2 opcode values and §5.5 / §5.6 classification. */
class OpCodeTest {

    @Test
    void definedOpcodesHaveTheirWireValues() {
        assertEquals(0x0, OpCode.CONTINUATION.code());
        assertEquals(0x1, OpCode.TEXT.code());
        assertEquals(0x2, OpCode.BINARY.code());
        assertEquals(0x8, OpCode.CLOSE.code());
        assertEquals(0x9, OpCode.PING.code());
        assertEquals(0xA, OpCode.PONG.code());
        for (OpCode op : OpCode.values()) {
            assertSame(op, OpCode.of(op.code()));
        }
    }

    @Test
    void reservedOpcodesHaveNoConstant() {
        for (int code : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF, -1, 16, 0x81}) {
            assertNull(OpCode.of(code), "opcode " + code);
        }
    }

    @Test
    void controlAndDataClassification() {
        for (OpCode op : new OpCode[] {OpCode.CLOSE, OpCode.PING, OpCode.PONG}) {
            assertTrue(op.isControl(), op.name());
            assertFalse(op.isData(), op.name());
        }
        for (OpCode op : new OpCode[] {OpCode.CONTINUATION, OpCode.TEXT, OpCode.BINARY}) {
            assertTrue(op.isData(), op.name());
            assertFalse(op.isControl(), op.name());
        }
    }
}
