package dev.switch101.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionOfferParserTest {

    private static ExtensionParameter p(String name) {
        return ExtensionParameter.of(name);
    }

    private static ExtensionParameter p(String name, String value) {
        return ExtensionParameter.of(name, value);
    }

    // RFC 7692 §5 example: alternatives of one extension, a valueless and a quoted parameter.
    @Test
    void PermessageDeflateAlternativesAreParsed() {
        List<ExtensionOffer> offers = ExtensionOfferParser.parse(List.of(
                "permessage-deflate; client_max_window_bits, "
                        + "permessage-deflate; server_no_context_takeover; client_max_window_bits=\"10\""));
        assertEquals(List.of(
                new ExtensionOffer("permessage-deflate", List.of(p("client_max_window_bits"))),
                new ExtensionOffer("permessage-deflate", List.of(p("server_no_context_takeover"),
                        p("client_max_window_bits", "10")))), offers);
    }

    // RFC 6455 §9.1: the header may be split over several lines; order is kept across them.
    @Test
    void OffersFromSeveralHeadersAreKeptInOrder() {
        List<ExtensionOffer> offers = ExtensionOfferParser.parse(List.of("foo, bar; baz=2", "qux"));
        assertEquals(List.of(new ExtensionOffer("foo"), new ExtensionOffer("bar", List.of(p("baz", "2"))),
                new ExtensionOffer("qux")), offers);
    }

    // RFC 6455 §9.1 (implied LWS): whitespace around ";" and "=" is not part of names or values.
    @Test
    void WhitespaceAroundSeparatorsIsIgnored() {
        assertEquals(Optional.of(new ExtensionOffer("x", List.of(p("a", "1"), p("b")))),
                ExtensionOfferParser.parseOffer("x ;a = 1;\tb"));
    }

    // A malformed offer is skipped, the others kept in order, and the caller learns which one.
    @Test
    void MalformedOfferIsSkipped() {
        List<String> skipped = new ArrayList<>();
        List<ExtensionOffer> offers = ExtensionOfferParser.parse(
                List.of("foo, bad ext; x, bar; =1, baz"), skipped::add);
        assertEquals(List.of(new ExtensionOffer("foo"), new ExtensionOffer("baz")), offers);
        assertEquals(List.of("bad ext; x", "bar; =1"), skipped);
    }

    // RFC 6455 §9.1 grammar: each of these breaks extension / extension-param.
    @Test
    void MalformedOffersAreRecognised() {
        for (String malformed : List.of("x;", "x;;a", ";a", "x; a=", "x; a=b c", "x; a=\"1", "x; a=\"1\"2",
                "x; a b", "x; \"a\"=1", "x=1")) {
            assertEquals(Optional.empty(), ExtensionOfferParser.parseOffer(malformed), malformed);
        }
    }

    // RFC 6455 §9.1: "the value after quoted-string unescaping MUST conform to the 'token' ABNF".
    @Test
    void QuotedValueMustBeATokenOnceUnquoted() {
        assertEquals(Optional.of(new ExtensionOffer("x", List.of(p("a", "10")))),
                ExtensionOfferParser.parseOffer("x; a=\"1\\0\""));
        assertEquals(Optional.empty(), ExtensionOfferParser.parseOffer("x; a=\"1 0\""));
    }

    // RFC 9110 §5.6.4: a comma inside a quoted value does not split offers; the whole offer is
    // then malformed (not a token), and only it is skipped.
    @Test
    void QuotedCommaDoesNotSplitOffers() {
        List<String> skipped = new ArrayList<>();
        List<ExtensionOffer> offers = ExtensionOfferParser.parse(List.of("x; a=\"1,2\", y"), skipped::add);
        assertEquals(List.of(new ExtensionOffer("y")), offers);
        assertEquals(List.of("x; a=\"1,2\""), skipped);
    }

    // Duplicate parameters are syntax-valid; declining them is the factory's business (RFC 7692 §7).
    @Test
    void DuplicateParametersAreKeptForTheFactory() {
        assertEquals(Optional.of(new ExtensionOffer("x", List.of(p("a"), p("a", "1")))),
                ExtensionOfferParser.parseOffer("x; a; a=1"));
    }

    // No header, or only empty elements, means no offers.
    @Test
    void NoHeaderGivesNoOffers() {
        assertEquals(List.of(), ExtensionOfferParser.parse(List.of()));
        assertEquals(List.of(), ExtensionOfferParser.parse(List.of(" , ")));
    }
}
