package dev.switch101.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTokensTest {

    // RFC 9110 §5.6.1: OWS around elements is not part of them.
    @Test
    void ElementsAreTrimmed() {
        assertEquals(List.of("keep-alive", "Upgrade"), HeaderTokens.elements(List.of(" keep-alive ,\tUpgrade\t")));
    }

    // RFC 9110 §5.6.1: recipients ignore empty list elements such as ", ,a,,".
    @Test
    void EmptyElementsAreIgnored() {
        assertEquals(List.of("a", "b"), HeaderTokens.elements(List.of(", ,a,,", "", "b,")));
    }

    // RFC 9110 §5.3: repeated field lines are one list joined with commas.
    @Test
    void RepeatedHeadersAreMergedInOrder() {
        assertEquals(List.of("a", "b", "c"), HeaderTokens.elements(List.of("a, b", "c")));
    }

    // RFC 9110 §5.6.4: a comma inside a quoted-string does not split.
    @Test
    void QuotedCommaDoesNotSplit() {
        assertEquals(List.of("x; p=\"1,2\"", "y"), HeaderTokens.elements(List.of("x; p=\"1,2\", y")));
    }

    // RFC 9110 §5.6.4: an escaped quote does not end the quoted-string.
    @Test
    void EscapedQuoteDoesNotEndQuotedString() {
        assertEquals(List.of("\"a\\\",b\"", "c"), HeaderTokens.elements(List.of("\"a\\\",b\", c")));
    }

    // RFC 9110 §5.6.1 with case-insensitive tokens (e.g. Connection options, §7.6.1).
    @Test
    void ContainsTokenIsCaseInsensitive() {
        assertTrue(HeaderTokens.containsToken(List.of("keep-alive, Upgrade"), "upgrade"));
        assertTrue(HeaderTokens.containsToken(List.of("keep-alive", "UPGRADE"), "upgrade"));
    }

    // A token is a whole element: "upgrade" is not found in "upgraded" or "x-upgrade".
    @Test
    void ContainsTokenMatchesWholeElementsOnly() {
        assertFalse(HeaderTokens.containsToken(List.of("upgraded, x-upgrade"), "upgrade"));
        assertFalse(HeaderTokens.containsToken(List.of(), "upgrade"));
    }

    // RFC 9110 §5.6.2: token = 1*tchar.
    @Test
    void TokensAreOneOrMoreTchar() {
        assertTrue(HeaderTokens.isToken("permessage-deflate"));
        assertTrue(HeaderTokens.isToken("!#$%&'*+-.^_`|~09azAZ"));
        assertFalse(HeaderTokens.isToken(""));
        assertFalse(HeaderTokens.isToken(null));
        assertFalse(HeaderTokens.isToken("a b"));
        assertFalse(HeaderTokens.isToken("a=b"));
        assertFalse(HeaderTokens.isToken("\"a\""));
        assertFalse(HeaderTokens.isToken("a,b"));
        assertFalse(HeaderTokens.isToken("é"));
    }

    // RFC 9110 §5.6.4: quoted-pair "\" resolves to the next character.
    @Test
    void UnquoteResolvesQuotedPairs() {
        assertEquals("10", HeaderTokens.unquote("\"10\""));
        assertEquals("", HeaderTokens.unquote("\"\""));
        assertEquals("a\"b\\c", HeaderTokens.unquote("\"a\\\"b\\\\c\""));
    }

    // RFC 9110 §5.6.4: malformed quoted-strings give null.
    @Test
    void MalformedQuotedStringsUnquoteToNull() {
        assertNull(HeaderTokens.unquote("10"));
        assertNull(HeaderTokens.unquote("\""));
        assertNull(HeaderTokens.unquote("\"10"));
        assertNull(HeaderTokens.unquote("\"a\"b\""));
        assertNull(HeaderTokens.unquote("\"a\\\""));
        assertNull(HeaderTokens.unquote("\"a\nb\""));
    }

    // Quoting is the inverse of unquoting.
    @Test
    void QuoteEscapesQuotesAndBackslashes() {
        assertEquals("\"a\\\"b\\\\c d\"", HeaderTokens.quote("a\"b\\c d"));
        assertEquals("a\"b\\c d", HeaderTokens.unquote(HeaderTokens.quote("a\"b\\c d")));
        assertThrows(IllegalArgumentException.class, () -> HeaderTokens.quote("a\r\nb"));
    }

    // RFC 9110 §5.6.6: parameter values are written as tokens when they can be.
    @Test
    void TokenOrQuotedQuotesOnlyNonTokens() {
        assertEquals("10", HeaderTokens.tokenOrQuoted("10"));
        assertEquals("\"a b\"", HeaderTokens.tokenOrQuoted("a b"));
        assertEquals("\"\"", HeaderTokens.tokenOrQuoted(""));
    }

    // Empty pieces survive splitOutsideQuotes so that "a;;b" can be told apart from "a;b".
    @Test
    void SplitOutsideQuotesKeepsEmptyPieces() {
        assertEquals(List.of("a", "", "b=\"x;y\"", ""), HeaderTokens.splitOutsideQuotes("a ;; b=\"x;y\";", ';'));
    }

    // Five places read a short decimal each with a loop of their own (the HTTP versions, a port,
    // an IPv4 part, deflate's window bits); they share this one now.
    @Test
    void decimalIsOneToMaxAsciiDigitsFromTheOffsetOrMinusOne() {
        assertEquals(65535, HeaderTokens.decimal("65535", 0, 5));
        assertEquals(1, HeaderTokens.decimal("HTTP/1.1", 7, 3));
        assertEquals(7, HeaderTokens.decimal("007", 0, 3), "leading zeros are the caller's to refuse");
        assertEquals(-1, HeaderTokens.decimal("", 0, 3));
        assertEquals(-1, HeaderTokens.decimal("HTTP/1.", 7, 3));
        assertEquals(-1, HeaderTokens.decimal("1234", 0, 3));
        assertEquals(-1, HeaderTokens.decimal("1a", 0, 3));
        assertEquals(-1, HeaderTokens.decimal("-1", 0, 3));
        assertEquals(-1, HeaderTokens.decimal("\u0661", 0, 3), "an Arabic-Indic one is no DIGIT");
    }
}
