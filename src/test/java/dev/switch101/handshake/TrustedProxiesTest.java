package dev.switch101.handshake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    // RFC 4632 §3.1 (IPv4 prefixes) and RFC 4291 §2.3 (IPv6 prefixes): a block holds every address
    // whose first bits equal the network's.
    @Test
    void CidrBlocksHoldTheirAddresses() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8 192.168.1.7, fd00::/8 ::1");
        assertTrue(proxies.contains("10.255.0.1"));
        assertFalse(proxies.contains("11.0.0.1"));
        assertTrue(proxies.contains("192.168.1.7"));
        assertFalse(proxies.contains("192.168.1.8"));
        assertTrue(proxies.contains("fd12:3456::1"));
        assertTrue(proxies.contains("0:0:0:0:0:0:0:1"));
        assertTrue(proxies.contains("[::1]"));
        assertTrue(proxies.contains("fe80::1%eth0") == false);
        assertFalse(proxies.contains(null));
    }

    // RFC 4291 §2.5.5.2: an IPv4 peer seen as ::ffff:a.b.c.d is the same peer.
    @Test
    void MappedIpv4AddressesMatchIpv4Blocks() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");
        assertTrue(proxies.contains("::ffff:127.0.0.1"));
        assertTrue(TrustedProxies.parse("::ffff:10.0.0.0/104").contains("10.1.1.1"));
    }

    // Nothing is trusted by default, and names are never looked up: a name is not an address.
    @Test
    void NobodyIsTrustedByDefaultAndNamesAreNotAddresses() {
        assertFalse(TrustedProxies.none().contains("127.0.0.1"));
        assertFalse(TrustedProxies.parse(null).contains("127.0.0.1"));
        assertFalse(TrustedProxies.parse("127.0.0.1").contains("localhost"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("localhost"));
    }

    // A typo fails the deployment instead of trusting nobody, or everybody.
    @Test
    void MalformedEntriesAreRejected() {
        for (String entry : new String[] {"10.0.0.0/33", "10.0.0/8", "10", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "1.2.3.4.5", "300.1.1.1"}) {
            assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(entry), entry);
        }
    }
}
