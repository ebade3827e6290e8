package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AcceptKeyTest {

    // RFC 6455 §1.3 and §4.2.2 step 5.4: the worked example.
    @Test
    void RfcExampleKeyGivesRfcAccept() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.of("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    // RFC 6455 §4.2.2: the key is hashed as sent (base64 text), not decoded first; a different key differs.
    @Test
    void AcceptDependsOnTheKeyText() {
        // Expected value computed independently: printf KEY+GUID | openssl sha1 -binary | base64.
        assertEquals("C/0nmHhBztSRGR1CwL6Tf4ZjwpY=", AcceptKey.of("AQIDBAUGBwgJCgsMDQ4PEA=="));
    }
}
