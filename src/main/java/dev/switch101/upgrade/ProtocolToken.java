package dev.switch101.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.switch101.http.HeaderTokens;

/**
 * One protocol named in an {@code Upgrade} header: {@code protocol-name ["/" protocol-version]}
 * (RFC 9110 §7.8), e.g. {@code websocket} or {@code echo/1}.
 *
 * <p>Names and versions are tokens and compared case-insensitively, the way HTTP compares
 * the other upgrade tokens ({@code Connection: Upgrade}); the original spelling is kept for
 * display and for the {@code Upgrade} header of a 101.
 *
 * @param name    the protocol name, a token
 * @param version the protocol version, a token, or {@code null} when the offer names none
 */
public record ProtocolToken(String name, String version) {

    public ProtocolToken {
        Objects.requireNonNull(name, "name");
        if (!HeaderTokens.isToken(name) || (version != null && !HeaderTokens.isToken(version))) {
            throw new IllegalArgumentException("Not a protocol token: " + name + (version == null ? "" : "/" + version));
        }
    }

    /** A protocol token without a version. */
    public static ProtocolToken of(String name) {
        return new ProtocolToken(name, null);
    }

    /**
     * Parses one element of an {@code Upgrade} header.
     *
     * @return the token, or {@code null} if the element is not {@code token ["/" token]}
     */
    public static ProtocolToken parse(String element) {
        String text = element.trim();
        int slash = text.indexOf('/');
        String name = slash < 0 ? text : text.substring(0, slash);
        String version = slash < 0 ? null : text.substring(slash + 1);
        if (!HeaderTokens.isToken(name) || (version != null && !HeaderTokens.isToken(version))) {
            return null;
        }
        return new ProtocolToken(name, version);
    }

    /**
     * The protocols a client offers, in its order of preference (most preferred first), from
     * every value of every {@code Upgrade} header. Malformed elements are skipped: an offer
     * we cannot read is an offer we cannot accept, and it must not hide the others.
     */
    public static List<ProtocolToken> offers(List<String> upgradeHeaderValues) {
        List<ProtocolToken> offers = new ArrayList<>();
        for (String element : HeaderTokens.elements(upgradeHeaderValues)) {
            ProtocolToken token = parse(element);
            if (token != null) {
                offers.add(token);
            }
        }
        return offers;
    }

    /**
     * Whether a client's offer asks for this (registered) protocol: the names match, and, if
     * this token names a version, the offer names the same one. A registration without a
     * version (e.g. {@code websocket}) takes offers of any version.
     */
    public boolean acceptsOffer(ProtocolToken offer) {
        return name.equalsIgnoreCase(offer.name)
                && (version == null || version.equalsIgnoreCase(offer.version));
    }

    /** The header form: {@code name} or {@code name/version}. */
    @Override
    public String toString() {
        return version == null ? name : name + "/" + version;
    }
}
