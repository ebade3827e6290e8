package dev.switch101.handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switch101.http.HeaderTokens;

/**
 * The peers whose {@code Forwarded} / {@code X-Forwarded-*} headers are believed: a list of IP
 * addresses and CIDR blocks, IPv4 and IPv6 ({@code 10.0.0.0/8, 192.168.1.7, ::1, fd00::/8}).
 * Anybody can send those headers; they mean something only when the connection comes from a
 * proxy that sets them, so they are read only from these peers. Empty by default: nobody.
 * Immutable.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** @return the list that trusts nobody */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses a context-param value.
     *
     * @param list addresses and CIDR blocks separated by commas and/or whitespace; null or blank for none
     * @return the proxies
     * @throws IllegalArgumentException if an entry is not an IP address or block, so a typo fails
     *                                  the deployment instead of trusting nobody (or everybody)
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list != null) {
            for (String entry : list.trim().split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    blocks.add(Block.parse(entry).orElseThrow(() -> new IllegalArgumentException(
                            "Not an IP address or CIDR block: '" + entry + "'")));
                }
            }
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks);
    }

    /**
     * @param address a peer's address as {@code getRemoteAddr()} gives it, may be null
     * @return whether the peer is trusted
     */
    public boolean contains(String address) {
        if (blocks.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && blocks.stream().anyMatch(block -> block.contains(bytes.get()));
    }

    /** @return whether nobody is trusted */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.toString();
    }

    /**
     * The bytes of an IP literal, never a name lookup: IPv4 is parsed here (four decimal parts,
     * each 0..255); IPv6 (anything with a {@code :}, made only of hex digits, {@code :} and
     * {@code .}) goes to {@link InetAddress#getByName}, which treats text with a colon as an IPv6
     * literal and only checks its format. A zone ({@code %eth0}) is dropped; brackets are allowed.
     */
    static Optional<byte[]> literal(String text) {
        String address = text.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.isEmpty() || address.length() > 45) {
            return Optional.empty();
        }
        if (address.indexOf(':') < 0) {
            return ipv4(address);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.')) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException notAnAddress) {
            // Only the literal's format is checked here (no lookup): this is the "not an address" verdict.
            return Optional.empty();
        }
    }

    /** Dotted-decimal IPv4, strictly four parts of one to three digits, 0..255. */
    private static Optional<byte[]> ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            int value = HeaderTokens.decimal(part, 0, 3);
            if (value < 0 || value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /** One address block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits, String text) {

        static Optional<Block> parse(String text) {
            int slash = text.indexOf('/');
            String addressText = slash < 0 ? text : text.substring(0, slash);
            Optional<byte[]> address = literal(addressText);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            if (addressText.indexOf(':') >= 0 && address.get().length == 4) {
                // Written as IPv6 (::ffff:a.b.c.d/104): keep its prefix length meaning IPv6 bits.
                address = Optional.of(mapped(address.get(), 16));
            }
            int max = address.get().length * 8;
            int bits = max;
            if (slash >= 0) {
                String prefix = text.substring(slash + 1);
                if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Optional.empty();
                }
                bits = Integer.parseInt(prefix);
                if (bits > max) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Block(address.get(), bits, text));
        }

        boolean contains(byte[] address) {
            byte[] candidate = address;
            if (candidate.length != network.length) {
                candidate = mapped(candidate, network.length);
                if (candidate == null) {
                    return false;
                }
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** An IPv4 address as its IPv4-mapped IPv6 form (::ffff:a.b.c.d) and back, or null. */
        private static byte[] mapped(byte[] address, int length) {
            if (address.length == 4 && length == 16) {
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xFF;
                v6[11] = (byte) 0xFF;
                System.arraycopy(address, 0, v6, 12, 4);
                return v6;
            }
            return null; // InetAddress already turns ::ffff:a.b.c.d into a 4-byte address
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Block block && block.text.equals(text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text);
        }
    }
}
