package dev.switch101.extension.deflate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.ExtensionParameter;
import dev.switch101.http.HeaderTokens;

/**
 * What the server agrees to for one permessage-deflate offer (RFC 7692 §7.1), and the response
 * that says so.
 *
 * <p>An offer is declined (the client's next offer is tried) when a parameter is unknown,
 * duplicated, has a value where none is allowed or lacks one where it is required, or has a
 * window size that is not a decimal 8..15 without leading zeros (§7.1).
 *
 * <p><b>Window sizes.</b> {@link java.util.zip.Deflater} always compresses with a 32 KiB window
 * (15 bits), so an offer with {@code server_max_window_bits} below 15 is declined: honouring
 * it would need a compressor with a smaller window, and sending data that refers further back
 * than the client's window would corrupt it. {@code client_max_window_bits} is accepted with any
 * value or none and left out of the response: the client may then compress with any window up to
 * 15 bits (§7.1.2.2), and our 32 KiB inflate window covers every smaller one (a decompressor only
 * needs a window at least as large as the compressor's).
 *
 * @param serverNoContextTakeover whether the server resets its compressor after each message
 * @param clientNoContextTakeover whether the client resets its compressor after each message
 * @param response                the response element
 */
public record DeflateAgreement(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
        ExtensionOffer response) {

    /** The extension token. */
    public static final String NAME = "permessage-deflate";

    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** The window our compressor uses (java.util.zip cannot choose another). */
    static final int DEFLATER_WINDOW_BITS = 15;

    /**
     * Negotiates one offer.
     *
     * @param offer           an offer named {@value #NAME}
     * @param contextTakeover whether the server's policy allows keeping context between messages; if
     *                        not, the response asks for no context takeover both ways (RFC 7692
     *                        §7.1.1.1 and §7.1.1.2 let the server add both parameters unasked)
     * @return the agreement, or empty to decline this offer
     */
    public static Optional<DeflateAgreement> negotiate(ExtensionOffer offer, boolean contextTakeover) {
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        Integer serverWindowBits = null;
        Set<String> seen = new HashSet<>();
        for (ExtensionParameter parameter : offer.parameters()) {
            if (!seen.add(parameter.name())) {
                return Optional.empty(); // §7.1: a duplicated parameter makes the offer invalid
            }
            switch (parameter.name()) {
                case SERVER_NO_CONTEXT_TAKEOVER -> {
                    if (parameter.hasValue()) {
                        return Optional.empty();
                    }
                    serverNoContext = true;
                }
                case CLIENT_NO_CONTEXT_TAKEOVER -> {
                    if (parameter.hasValue()) {
                        return Optional.empty();
                    }
                    clientNoContext = true;
                }
                case SERVER_MAX_WINDOW_BITS -> {
                    Integer bits = windowBits(parameter.value());
                    if (bits == null || bits < DEFLATER_WINDOW_BITS) {
                        return Optional.empty(); // invalid, or a window our compressor cannot keep to
                    }
                    serverWindowBits = bits;
                }
                case CLIENT_MAX_WINDOW_BITS -> {
                    if (parameter.hasValue() && windowBits(parameter.value()) == null) {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty(); // §7.1: an unknown parameter makes the offer invalid
                }
            }
        }
        boolean serverReset = serverNoContext || !contextTakeover;
        boolean clientReset = clientNoContext || !contextTakeover;
        List<ExtensionParameter> answer = new ArrayList<>();
        if (serverReset) {
            answer.add(ExtensionParameter.of(SERVER_NO_CONTEXT_TAKEOVER));
        }
        if (clientReset) {
            answer.add(ExtensionParameter.of(CLIENT_NO_CONTEXT_TAKEOVER));
        }
        if (serverWindowBits != null) {
            // §7.1.2.1: accepting the parameter means answering it, with the same or a smaller value.
            answer.add(ExtensionParameter.of(SERVER_MAX_WINDOW_BITS, Integer.toString(serverWindowBits)));
        }
        return Optional.of(new DeflateAgreement(serverReset, clientReset, new ExtensionOffer(NAME, answer)));
    }

    /** @return 8..15 from a decimal without leading zeros (§7.1.2.1), else {@code null} */
    private static Integer windowBits(String value) {
        if (value == null || value.startsWith("0")) {
            return null;
        }
        int bits = HeaderTokens.decimal(value, 0, 2);
        return bits >= 8 && bits <= 15 ? bits : null;
    }
}
