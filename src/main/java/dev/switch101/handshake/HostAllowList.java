package dev.switch101.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts this server answers to, against DNS rebinding: a page on an attacker's domain that
 * re-points its DNS name to this server is same-origin with itself, so the Origin check lets it
 * in, but its requests carry the attacker's name in {@code Host}. With a list, a handshake whose
 * page host ({@code Host}, or the forwarded host from a {@link TrustedProxies trusted proxy}) is not
 * on it is refused. Entries: {@code host} (any port), {@code host:port}, {@code [::1]:8080}, or
 * {@code *.example.com} (any subdomain, not the domain itself). Empty: every host (the default).
 * Immutable.
 */
public final class HostAllowList {

    private static final HostAllowList ANY = new HostAllowList(List.of(), List.of());

    private final List<Authority> hosts;
    private final List<String> suffixes;

    private HostAllowList(List<Authority> hosts, List<String> suffixes) {
        this.hosts = List.copyOf(hosts);
        this.suffixes = List.copyOf(suffixes);
    }

    /** @return the list that allows every host */
    public static HostAllowList any() {
        return ANY;
    }

    /**
     * Parses a context-param value.
     *
     * @param list entries separated by commas and/or whitespace; null or blank for every host
     * @return the list
     * @throws IllegalArgumentException if an entry is not a host, so a typo fails the deployment
     */
    public static HostAllowList parse(String list) {
        List<Authority> hosts = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        if (list != null) {
            for (String entry : list.trim().split("[,\\s]+")) {
                if (entry.isEmpty()) {
                    continue;
                }
                Optional<Authority> host = Authority.parse(entry.startsWith("*.") ? entry.substring(2) : entry, -1);
                if (host.isEmpty() || (entry.startsWith("*.") && host.get().port() >= 0)) {
                    throw new IllegalArgumentException("Not a host, host:port or *.domain: '" + entry + "'");
                }
                if (entry.startsWith("*.")) {
                    suffixes.add("." + host.get().host());
                } else {
                    hosts.add(host.get());
                }
            }
        }
        return hosts.isEmpty() && suffixes.isEmpty() ? ANY : new HostAllowList(hosts, suffixes);
    }

    /** @return whether every host is allowed */
    public boolean allowsAny() {
        return hosts.isEmpty() && suffixes.isEmpty();
    }

    /**
     * @param page the page's origin, empty if it could not be read
     * @return whether the host (and port) is allowed
     */
    boolean permits(Optional<Origin> page) {
        if (allowsAny()) {
            return true;
        }
        if (page.isEmpty()) {
            return false;
        }
        Authority authority = page.get().authority();
        for (Authority host : hosts) {
            if (host.host().equals(authority.host()) && (host.port() < 0 || host.port() == authority.port())) {
                return true;
            }
        }
        String name = authority.host().toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(name::endsWith);
    }

    @Override
    public String toString() {
        return allowsAny() ? "HostAllowList[any]" : "HostAllowList" + hosts + suffixes;
    }
}
