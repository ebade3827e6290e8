package dev.switch101.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    private static String decoded(String raw) {
        return RequestPath.parse(raw).toString();
    }

    private static String reason(String raw) {
        return assertThrows(MalformedTargetException.class, () -> RequestPath.parse(raw)).getMessage();
    }

    // RFC 3986 §3.3: a segment may carry parameters after ';' (Servlet 6.0 §3.5.2: removed before
    // mapping); ;jsessionid=... must not keep a request from its endpoint (issue 12).
    @Test
    void PathParametersAreDropped() {
        assertEquals("/switch101/echo", decoded("/switch101/echo;jsessionid=ABC123"));
        assertEquals("/a/b", decoded("/a;x=1;y=2/b;"));
        assertEquals(List.of("a", "b"), RequestPath.parse("/a;v=1/b").segments());
    }

    // RFC 3986 §2.4: decode exactly once; "%25" is a literal '%', never the start of another escape.
    @Test
    void PercentDecodingIsDoneOnce() {
        assertEquals("/room 1/caf\u00e9", decoded("/room%201/caf%C3%A9"));
        assertEquals("/%2e%2e", decoded("/%252e%252e"));
        assertEquals("/a;b", decoded("/a%3Bb"));
    }

    // RFC 3986 §2.1: '%' must be followed by two hex digits (ASCII only).
    @Test
    void BadPercentEscapeIsMalformed() {
        for (String raw : List.of("/ec%zzho", "/echo%", "/echo%4", "/echo%4g", "/%-1")) {
            assertEquals("bad percent-escape in the path", reason(raw), raw);
        }
    }

    // RFC 3629: the decoded bytes are UTF-8, or the path means nothing we could match.
    @Test
    void NonUtf8PathIsMalformed() {
        assertEquals("the path is not UTF-8", reason("/%C0%AF"));
        assertEquals("the path is not UTF-8", reason("/%FF"));
        assertEquals("the path is not UTF-8", reason("/%ED%A0%80"));
    }

    // RFC 9112 §3.2 / RFC 3986 §2: a request-target is ASCII, without spaces or controls; found by
    // RequestTargetFuzzTest: a raw non-ASCII character in a segment with an escape was re-encoded
    // (a lone surrogate as '?'), so decoding was not one well-defined step.
    @Test
    void RawNonAsciiSpaceAndControlsAreMalformed() {
        for (String raw : List.of("/caf\u00e9", "/a b", "/a\tb", "/\ud800%41", "/a\u007f")) {
            assertEquals("character not allowed in the path", reason(raw), raw);
        }
    }

    // Decision (README): an encoded '/' would split a segment the client sent as one, or hide in it;
    // Tomcat refuses it, Undertow passes it undecoded: refused everywhere. NUL likewise.
    @Test
    void EncodedSlashAndNulAreMalformed() {
        assertEquals("encoded '/' in the path", reason("/a%2Fb"));
        assertEquals("encoded '/' in the path", reason("/a%2fb"));
        assertEquals("encoded NUL in the path", reason("/a%00"));
    }

    // RFC 3986 §5.2.4: dot-segments are for relative references; in a request they never match an
    // endpoint, raw or encoded, nor do empty segments but a trailing one. The root "/" does.
    @Test
    void DotAndEmptySegmentsNeverMatch() {
        for (String raw : List.of("/a/../echo", "/./echo", "/echo/.", "/%2e%2E/echo", "/a/%2e", "//echo", "/a//b",
                "/echo//", "/echo/./")) {
            assertFalse(RequestPath.parse(raw).isNormal(), raw);
        }
        assertTrue(RequestPath.parse("/").isNormal());
        assertTrue(RequestPath.parse("").isNormal());
        assertTrue(RequestPath.parse("/...").isNormal());
        assertTrue(RequestPath.parse("/.hidden/a..b").isNormal());
    }

    // A template may end in '/' (PathTemplate: "/chat/" is a path of its own), so the request path
    // that matches it must be normal: it was not, and an endpoint at "/chat/" could never be reached.
    @Test
    void aTrailingSlashIsASegmentOfItsOwnThatMayMatch() {
        RequestPath path = RequestPath.parse("/app/chat/");
        assertTrue(path.isNormal());
        assertEquals(List.of("app", "chat", ""), path.segments());
        assertEquals("/chat/", path.after(RequestPath.parse("/app")).orElseThrow().toString());
        assertEquals("/chat/", RequestPath.parse("/chat/;jsessionid=1").toString());
    }

    // The root has one form, however written ("/", "", "/;p"), so that equal paths compare equal.
    // Found by RequestTargetFuzzTest: "/;x" was one empty segment, "/" none.
    @Test
    void RootPathHasOneForm() {
        assertEquals(RequestPath.parse("/"), RequestPath.parse("/;jsessionid=1"));
        assertEquals(RequestPath.parse("/"), RequestPath.parse(""));
        assertEquals(List.of(), RequestPath.parse("/;x").segments());
        assertEquals("/", RequestPath.parse("/;x").toString());
    }

    // Servlet 6.0 §3.5: the path within the application follows the context path, compared decoded
    // (containers differ in whether getContextPath() is raw).
    @Test
    void PathWithinApplicationFollowsTheDecodedContextPath() {
        RequestPath context = RequestPath.parse("/switch101");
        assertEquals(Optional.of("/echo"), RequestPath.parse("/switch%3101;v=1/echo").after(context).map(Object::toString));
        assertEquals(Optional.of("/"), RequestPath.parse("/switch101/").after(context).map(Object::toString));
        assertEquals(Optional.of("/"), RequestPath.parse("/switch101").after(context).map(Object::toString));
        assertEquals(Optional.empty(), RequestPath.parse("/other/echo").after(context));
        assertEquals(Optional.of("/echo"), RequestPath.parse("/echo").after(RequestPath.parse("")).map(Object::toString));
    }
}
