package dev.switch101.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;
import dev.switch101.fuzz.HostileText;

/**
 * Property fuzzing of the RFC 9110 §5.6 grammar in {@link HeaderTokens}: on any input the parsing
 * methods return (never throw), list elements are never empty nor padded with whitespace
 * (§5.6.1, §5.6.3); well-formed lists of tokens and quoted-strings, however spread over header
 * lines and padded, split back into exactly their elements; {@code quote}/{@code unquote} are
 * inverse (§5.6.4), and {@code quote} refuses only with {@link IllegalArgumentException}.
 */
class HeaderGrammarFuzzTest {

    static final long INPUTS = 30_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void headerGrammarHoldsItsProperties() {
        FuzzRun.run("HeaderTokens", INPUTS, HeaderGrammarFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        // Any input: no exception, and the elements obey the list rule.
        List<String> hostile = HostileText.anyLines(random);
        for (String element : HeaderTokens.elements(hostile)) {
            assertFalse(element.isEmpty(), "an empty element");
            assertFalse(isOws(element.charAt(0)) || isOws(element.charAt(element.length() - 1)), "padded: " + element);
        }
        HeaderTokens.containsToken(hostile, "upgrade");
        String one = hostile.get(0);
        HeaderTokens.isToken(one);
        assertFalse(HeaderTokens.splitOutsideQuotes(one, ';').isEmpty());
        String unquoted = HeaderTokens.unquote(one);
        if (unquoted != null) {
            assertEquals(unquoted, HeaderTokens.unquote(HeaderTokens.quote(unquoted)), "re-quoting " + one);
        }
        try {
            assertEquals(one, HeaderTokens.unquote(HeaderTokens.quote(one)));
        } catch (IllegalArgumentException notQuotable) {
            assertTrue(one.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF), "refused " + one);
        }

        // Well-formed lists round-trip.
        List<String> elements = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            elements.add(random.nextBoolean() ? HostileText.token(random)
                    : HeaderTokens.quote(HostileText.quotable(random, 12)));
        }
        List<String> lines = HostileText.asHeaderLines(elements, random);
        assertEquals(elements, HeaderTokens.elements(lines), () -> "lines " + lines);

        String content = HostileText.quotable(random, 20);
        String quoted = HeaderTokens.quote(content);
        assertNotNull(HeaderTokens.unquote(quoted));
        assertEquals(content, HeaderTokens.unquote(quoted));
        assertEquals(content, HeaderTokens.unquote(HeaderTokens.tokenOrQuoted(content).startsWith("\"")
                ? HeaderTokens.tokenOrQuoted(content) : HeaderTokens.quote(content)));
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
