package dev.switch101.jakarta.pojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DecodeException;

/**
 * Path segment to @PathParam value (Jakarta WebSocket 2.1 §4.3, WSC-4.3-4/5/6): "as if by the
 * boxed type's public one-argument String constructor", a DecodeException when that fails.
 */
class PathParameterTest {

    private static Object convert(Class<?> type, String raw) throws DecodeException {
        return new PathParameter("p", type).convert(raw);
    }

    @Test // WSC-4.3-5
    void numbersConvertAsTheirConstructorsWould() throws DecodeException {
        assertEquals(-7, convert(int.class, "-7"));
        assertEquals(9_000_000_000L, convert(Long.class, "9000000000"));
        assertEquals((short) 12, convert(short.class, "12"));
        assertEquals((byte) 127, convert(Byte.class, "127"));
        assertEquals(1.5f, convert(float.class, "1.5"));
        assertEquals(2.5e3, convert(Double.class, "2.5e3"));
    }

    @Test // new Boolean(String) is true for "true" in any case, false for anything else
    void booleanIsTrueOnlyForTrue() throws DecodeException {
        assertEquals(true, convert(boolean.class, "TRUE"));
        assertEquals(false, convert(Boolean.class, "yes"));
    }

    @Test // Character has no String constructor: a one-character segment
    void charTakesOneCharacter() throws DecodeException {
        assertEquals('x', convert(char.class, "x"));
        assertThrows(DecodeException.class, () -> convert(Character.class, "xy"));
    }

    @Test // WSC-4.3-6
    void valueOutOfRangeIsADecodeException() {
        DecodeException failed = assertThrows(DecodeException.class, () -> convert(byte.class, "300"));
        assertEquals("300", failed.getText());
        assertTrue(failed.getMessage().contains("'p' = '300' is not a valid byte"), failed.getMessage());
    }

    @Test // §4.3: a name that is not a template variable gives null; a primitive cannot hold it
    void missingValueIsNullUnlessPrimitive() throws DecodeException {
        assertNull(convert(String.class, null));
        assertNull(convert(Integer.class, null));
        assertThrows(DecodeException.class, () -> convert(int.class, null));
    }

    @Test // WSC-4.3-4: a String is the segment as it is
    void stringIsTheSegment() throws DecodeException {
        assertEquals(" a b ", convert(String.class, " a b "));
    }
}
