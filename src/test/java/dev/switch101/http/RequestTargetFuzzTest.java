package dev.switch101.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;
import dev.switch101.fuzz.HostileText;

/**
 * Property fuzzing of the request-target reading (RFC 3986 §2, §3.3): on any raw path
 * {@link RequestPath#parse} returns or throws {@link MalformedTargetException}, nothing else; no
 * decoded segment holds {@code /} or NUL, a normal path has no dot or empty segment; any segments,
 * percent-encoded and joined, decode back to themselves (decoding once); whatever passes
 * {@link PercentEncoding#checkEscapes} makes a {@link URI} once {@link PercentEncoding#escapeForUri escaped}.
 */
class RequestTargetFuzzTest {

    static final long INPUTS = 10_000;

    private static final String PATH_CHARS = "%;/.aZ09-_~eEfF2\u00e9 ?#|{}\u0000";

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void requestTargetsAreReadOnceOrRefused() {
        FuzzRun.run("RequestPath", INPUTS, RequestTargetFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) throws Exception {
        String raw = random.nextBoolean() ? pathLike(random) : "/" + HostileText.any(random, 30);
        try {
            RequestPath path = RequestPath.parse(raw);
            for (String segment : path.segments()) {
                assertFalse(segment.indexOf('/') >= 0 || segment.indexOf('\0') >= 0, raw);
            }
            if (path.isNormal() && path.segments().size() > 1) {
                List<String> all = path.segments();
                assertFalse(all.stream().anyMatch(s -> s.equals(".") || s.equals("..")), raw);
                assertFalse(all.subList(0, all.size() - 1).contains(""), raw); // only a trailing '/' may be empty
            }
            assertEquals(path, RequestPath.parse(encode(path.segments())), "decoding once: " + raw);
        } catch (MalformedTargetException malformed) {
            assertFalse(malformed.getMessage().contains("\n"));
        }

        List<String> segments = new ArrayList<>();
        StringBuilder encoded = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String segment = HostileText.any(random, 8).replace("/", "").replace("\0", "").replaceAll("[\ud800-\udfff]", "");
            segments.add(segment);
            encoded.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            if (random.nextInt(4) == 0) {
                encoded.append(";jsessionid=").append(HostileText.token(random).replace("/", "").replace("%", ""));
            }
        }
        List<String> expected = segments.equals(List.of("")) ? List.of() : segments; // "/" is the root
        assertEquals(expected, RequestPath.parse(encoded.toString()).segments(), "round trip of " + encoded);

        String query = HostileText.any(random, 30);
        try {
            PercentEncoding.checkEscapes(query, "the query");
        } catch (MalformedTargetException bad) {
            return;
        }
        URI uri = new URI("http://host/p?" + PercentEncoding.escapeForUri(query));
        assertTrue(uri.getRawQuery() != null);
    }

    private static String encode(List<String> segments) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : segments) {
            encoded.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.length() == 0 ? "/" : encoded.toString();
    }

    private static String pathLike(SplittableRandom random) {
        StringBuilder s = new StringBuilder("/");
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            s.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
        }
        return s.toString();
    }
}
