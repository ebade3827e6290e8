package dev.switch101.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionNegotiatorTest {

    /** An accepted extension echoing the offer it was made from. */
    private record Accepted(ExtensionOffer response, int rsvBits) implements Extension {
        @Override
        public String name() {
            return response.name();
        }
    }

    /**
     * A test factory that accepts offers of its name with a given RSV usage and declines offers with
     * a duplicated parameter or a parameter outside {@code known}, as RFC 7692 §5 asks of
     * permessage-deflate.
     */
    private record TestFactory(String name, int rsvBits, Set<String> known) implements ExtensionFactory {
        TestFactory(String name, int rsvBits, String... known) {
            this(name, rsvBits, Set.of(known));
        }

        @Override
        public Optional<Extension> negotiate(ExtensionOffer offer) {
            Set<String> seen = new HashSet<>();
            for (ExtensionParameter parameter : offer.parameters()) {
                if (!known.contains(parameter.name()) || !seen.add(parameter.name())) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Accepted(offer, rsvBits));
        }
    }

    private static final TestFactory DEFLATE = new TestFactory("permessage-deflate", 4,
            "server_no_context_takeover", "client_max_window_bits");

    private static List<ExtensionOffer> offers(String header) {
        return ExtensionOfferParser.parse(List.of(header));
    }

    private static List<String> responses(List<Extension> accepted) {
        return accepted.stream().map(extension -> extension.response().toHeaderValue()).toList();
    }

    // RFC 6455 §9.1: the server only accepts extensions it supports.
    @Test
    void UnknownExtensionIsNeverAccepted() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(DEFLATE));
        assertEquals(List.of("permessage-deflate"), responses(negotiator.negotiate(offers("x-webkit-deflate-frame, permessage-deflate"))));
        assertEquals(List.of(), negotiator.negotiate(offers("x-webkit-deflate-frame")));
    }

    // RFC 7692 §5: later offers of the same name are alternatives; the first acceptable one wins.
    @Test
    void FirstAcceptableOfferPerNameWins() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(DEFLATE));
        List<Extension> accepted = negotiator.negotiate(offers(
                "permessage-deflate; server_no_context_takeover, permessage-deflate; client_max_window_bits"));
        assertEquals(List.of("permessage-deflate; server_no_context_takeover"), responses(accepted));
    }

    // RFC 7692 §5: alternatives are settled by name, not only by RSV bits: an extension using no RSV
    // bit is still accepted once.
    @Test
    void AlternativesOfAnAcceptedNameAreIgnoredEvenWithoutRsvBits() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(new TestFactory("x-plain", 0, "a")));
        assertEquals(List.of("x-plain; a"), responses(negotiator.negotiate(offers("x-plain; a, x-plain"))));
    }

    // RFC 7692 §7: an offer with a duplicated parameter is declined, and the next alternative tried.
    @Test
    void DuplicateParameterOfferIsDeclinedAndNextAlternativeUsed() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(DEFLATE));
        List<Extension> accepted = negotiator.negotiate(offers(
                "permessage-deflate; client_max_window_bits; client_max_window_bits=10, permessage-deflate"));
        assertEquals(List.of("permessage-deflate"), responses(accepted));
    }

    // RFC 7692 §7: if every alternative is declined, the extension is simply not used.
    @Test
    void AllAlternativesDeclinedGivesNoExtension() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(DEFLATE));
        assertEquals(List.of(), negotiator.negotiate(offers("permessage-deflate; unknown_param")));
    }

    // RFC 6455 §9 / §5.2: two extensions cannot both give meaning to RSV1; the later one is declined.
    @Test
    void RsvCollisionDeclinesTheLaterExtension() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(
                DEFLATE, new TestFactory("x-other-rsv1", 4), new TestFactory("x-rsv2", 2)));
        List<Extension> accepted = negotiator.negotiate(offers("permessage-deflate, x-other-rsv1, x-rsv2"));
        assertEquals(List.of("permessage-deflate", "x-rsv2"), responses(accepted));
    }

    // Extensions using no RSV bits never collide; the client's order is kept.
    @Test
    void ExtensionsWithoutRsvBitsCoexistInClientOrder() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(
                new TestFactory("a", 0), new TestFactory("b", 0), DEFLATE));
        assertEquals(List.of("b", "permessage-deflate", "a"), responses(negotiator.negotiate(offers("b, permessage-deflate, a"))));
    }

    // Extension names compare exactly, like the registry entries (RFC 6455 §11.4).
    @Test
    void ExtensionNamesAreCaseSensitive() {
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(DEFLATE));
        assertEquals(List.of(), negotiator.negotiate(offers("Permessage-Deflate")));
    }

    // RFC 6455 §9.1: the response lists accepted extensions, comma-separated, in order.
    @Test
    void ResponseHeaderJoinsAcceptedExtensions() {
        List<Extension> accepted = List.of(
                new Accepted(new ExtensionOffer("permessage-deflate", List.of(
                        ExtensionParameter.of("server_no_context_takeover"),
                        ExtensionParameter.of("client_max_window_bits", "10"))), 4),
                new Accepted(new ExtensionOffer("x-foo"), 0));
        assertEquals(Optional.of("permessage-deflate; server_no_context_takeover; client_max_window_bits=10, x-foo"),
                ExtensionNegotiator.responseHeader(accepted));
    }

    // RFC 6455 §4.2.2: with no extension accepted the header is omitted.
    @Test
    void ResponseHeaderIsEmptyWhenNothingAccepted() {
        assertEquals(Optional.empty(), ExtensionNegotiator.responseHeader(List.of()));
    }

    // One name, one factory: two would make the choice depend on list order.
    @Test
    void TwoFactoriesForOneNameAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExtensionNegotiator(List.of(DEFLATE, new TestFactory("permessage-deflate", 4))));
    }

    // A factory answering with another extension's name is a bug that must not reach the wire.
    @Test
    void FactoryAnsweringWithAnotherNameIsABug() {
        ExtensionFactory confused = new ExtensionFactory() {
            @Override
            public String name() {
                return "a";
            }

            @Override
            public Optional<Extension> negotiate(ExtensionOffer offer) {
                return Optional.of(new Accepted(new ExtensionOffer("b"), 0));
            }
        };
        ExtensionNegotiator negotiator = new ExtensionNegotiator(List.of(confused));
        assertThrows(IllegalStateException.class, () -> negotiator.negotiate(offers("a")));
    }
}
