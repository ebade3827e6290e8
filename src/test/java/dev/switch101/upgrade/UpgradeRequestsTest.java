package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only HTTP/1.1 connections can switch protocols (RFC 9110 §7.8; RFC 9113 §8.2.2 forbids Upgrade in HTTP/2). */
class UpgradeRequestsTest {

    @Test
    void http11AndLaterMinorVersionsCanSwitch() {
        assertTrue(UpgradeRequests.isHttp11("HTTP/1.1"));
        assertTrue(UpgradeRequests.isHttp11("HTTP/1.2"));
    }

    @Test
    void http10IsNeverUpgraded() {
        assertFalse(UpgradeRequests.isHttp11("HTTP/1.0"));
        assertFalse(UpgradeRequests.isHttp11("HTTP/0.9"));
    }

    @Test
    void http2AndLaterAreNeverUpgraded() {
        assertFalse(UpgradeRequests.isHttp11("HTTP/2.0"));
        assertTrue(UpgradeRequests.isHttp2OrLater("HTTP/2.0"));
        assertTrue(UpgradeRequests.isHttp2OrLater("HTTP/3"));
        assertFalse(UpgradeRequests.isHttp2OrLater("HTTP/1.1"));
    }

    @Test
    void malformedProtocolsAreNotHttp11() {
        assertFalse(UpgradeRequests.isHttp11(null));
        assertFalse(UpgradeRequests.isHttp11("HTTP/1."));
        assertFalse(UpgradeRequests.isHttp11("HTTP/1.x"));
        assertFalse(UpgradeRequests.isHttp11("HTTP/1.99999999999"));
        assertFalse(UpgradeRequests.isHttp11("SPDY/3"));
    }

    // RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT, and DIGIT is ASCII 0-9 (RFC 5234
    // B.1). Found by UpgradeTokensFuzzTest: "HTTP/1.\uFF11" (a fullwidth one) passed as HTTP/1.1,
    // because Character.isDigit and Integer.parseInt take every Unicode digit.
    @Test
    void nonAsciiDigitsAreNotAnHttpVersion() {
        assertFalse(UpgradeRequests.isHttp11("HTTP/1.\uFF11"));
        assertFalse(UpgradeRequests.isHttp11("HTTP/1.\u0661"));
    }
}
