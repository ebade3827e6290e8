package dev.switch101.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    // RFC 3986 §2.1: every '%' in a query starts a two-hex-digit escape (issue 12: "?a=%zz" made a 500).
    @Test
    void QueryWithBadEscapeIsMalformed() {
        for (String query : new String[] {"a=%zz", "a=%", "a=%4", "a=1&b=%G0", "a=%\uff11\uff11", "a=%\u0661\u0661"}) {
            assertEquals("bad percent-escape in the query",
                    assertThrows(MalformedTargetException.class, () -> PercentEncoding.checkEscapes(query, "the query"))
                            .getMessage(), query);
        }
        assertDoesNotThrow(() -> PercentEncoding.checkEscapes("a=%41%c3%a9&b=%25", "the query"));
    }

    // RFC 3986 §2.2-§2.4: characters a URI may not carry raw are escaped as UTF-8, the rest (and
    // existing escapes) are kept, so what a lenient container passed still makes a URI.
    @Test
    void CharactersAUriCannotCarryAreEscaped() {
        assertEquals("a=%7Cb%7D&c=%20%22%3C%3E%5C%5E%60%7B", PercentEncoding.escapeForUri("a=|b}&c= \"<>\\^`{"));
        assertEquals("x=%C3%A9%F0%9F%98%80%41", PercentEncoding.escapeForUri("x=\u00e9\ud83d\ude00%41"));
        assertEquals("/p/a-b_c.~!$&'()*+,;=:@?/", PercentEncoding.escapeForUri("/p/a-b_c.~!$&'()*+,;=:@?/"));
        assertDoesNotThrow(() -> new URI("http://h/p?" + PercentEncoding.escapeForUri("q=[1]{2}|3 \u0000")));
    }
}
