package dev.switch101.extension.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionNegotiator;
import dev.switch101.extension.ExtensionOfferParser;

/**
 * RFC 7692 §7.1 negotiation, as the client's header in and the server's answer out: every
 * parameter with and without values, alternatives (the first acceptable offer wins), and invalid
 * offers declined one by one, never failing the handshake.
 */
class DeflateAgreementTest {

    /** Answer for {@code offers} under the default policy (no context takeover), or "-" for none. */
    private static String answer(String offers, boolean contextTakeover) {
        DeflateConfig config = DeflateConfig.DEFAULT.withContextTakeover(contextTakeover);
        List<Extension> accepted = new ExtensionNegotiator(List.of(new PerMessageDeflateFactory(config,
                new DeflatePool(0)))).negotiate(ExtensionOfferParser.parse(List.of(offers)));
        Optional<String> header = ExtensionNegotiator.responseHeader(accepted);
        return header.orElse("-");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the default policy asks for no context takeover both ways (§7.1.1.1, §7.1.1.2)
        "permessage-deflate | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits=10 | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits=\"8\" | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=15 | permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=15",
        // §7.1.2.1: a smaller server window is declined (java.util.zip compresses with 15 bits only)...
        "permessage-deflate; server_max_window_bits=10 | -",
        // ... and the client's next offer is taken instead (§5: the first acceptable one wins)
        "permessage-deflate; server_max_window_bits=10, permessage-deflate | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; client_max_window_bits=9, permessage-deflate; server_max_window_bits=15 | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        // invalid values and duplicates decline their offer only
        "permessage-deflate; server_max_window_bits | -",
        "permessage-deflate; server_max_window_bits=16 | -",
        "permessage-deflate; server_max_window_bits=015 | -",
        "permessage-deflate; client_max_window_bits=7 | -",
        "permessage-deflate; client_max_window_bits=abc | -",
        "permessage-deflate; server_no_context_takeover=1 | -",
        "permessage-deflate; client_no_context_takeover=x | -",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover | -",
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10 | -",
        "permessage-deflate; unknown_parameter | -",
        "permessage-deflate; unknown_parameter, permessage-deflate; client_no_context_takeover | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "x-webkit-deflate-frame, permessage-deflate | permessage-deflate; server_no_context_takeover; client_no_context_takeover",
    })
    void offersUnderTheDefaultPolicy(String offers, String expected) {
        assertEquals(expected, answer(offers, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // with context takeover allowed, the client's own wishes are echoed and nothing is added
        "permessage-deflate | permessage-deflate",
        "permessage-deflate; client_max_window_bits | permessage-deflate",
        "permessage-deflate; server_no_context_takeover | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover | permessage-deflate; client_no_context_takeover",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=15; client_max_window_bits=15 | permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=15",
    })
    void offersWithContextTakeoverAllowed(String offers, String expected) {
        assertEquals(expected, answer(offers, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"permessage-deflate", "permessage-deflate; server_max_window_bits=15"})
    void offersAreDeclinedWhenDeflateIsOff(String offers) {
        List<Extension> accepted = new ExtensionNegotiator(List.of(new PerMessageDeflateFactory(DeflateConfig.OFF,
                new DeflatePool(0)))).negotiate(ExtensionOfferParser.parse(List.of(offers)));
        assertEquals(List.of(), accepted);
    }
}
