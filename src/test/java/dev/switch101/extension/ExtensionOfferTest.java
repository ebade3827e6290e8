package dev.switch101.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExtensionOfferTest {

    // RFC 6455 §9.1 header form: name; p1; p2=v.
    @Test
    void HeaderValueListsParametersWithSemicolons() {
        ExtensionOffer offer = new ExtensionOffer("permessage-deflate", List.of(
                ExtensionParameter.of("server_no_context_takeover"), ExtensionParameter.of("client_max_window_bits", "10")));
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10", offer.toHeaderValue());
    }

    // RFC 9110 §5.6.6: a value that is not a token is written as a quoted-string.
    @Test
    void NonTokenValueIsQuoted() {
        ExtensionOffer offer = new ExtensionOffer("x", List.of(ExtensionParameter.of("a", "b c\"d")));
        assertEquals("x; a=\"b c\\\"d\"", offer.toHeaderValue());
    }

    // A bare extension is just its name.
    @Test
    void OfferWithoutParametersIsItsName() {
        assertEquals("x-foo", new ExtensionOffer("x-foo").toHeaderValue());
    }

    // Writing then parsing gives the same offer back.
    @Test
    void HeaderValueParsesBackToTheSameOffer() {
        ExtensionOffer offer = new ExtensionOffer("permessage-deflate", List.of(
                ExtensionParameter.of("client_no_context_takeover"), ExtensionParameter.of("server_max_window_bits", "12")));
        assertEquals(Optional.of(offer), ExtensionOfferParser.parseOffer(offer.toHeaderValue()));
    }

    // RFC 6455 §9.1: names are tokens; anything else could not be written back.
    @Test
    void NonTokenNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExtensionOffer("bad name"));
        assertThrows(IllegalArgumentException.class, () -> ExtensionParameter.of("a=b"));
    }

    // The offer is a value: later changes to the caller's list do not reach it.
    @Test
    void ParametersAreCopied() {
        List<ExtensionParameter> parameters = new ArrayList<>(List.of(ExtensionParameter.of("a")));
        ExtensionOffer offer = new ExtensionOffer("x", parameters);
        parameters.add(ExtensionParameter.of("b"));
        assertEquals("x; a", offer.toHeaderValue());
    }

    // parameter(name) finds the first parameter of that name.
    @Test
    void ParameterLookupFindsFirstByName() {
        ExtensionOffer offer = new ExtensionOffer("x", List.of(ExtensionParameter.of("a", "1"), ExtensionParameter.of("a", "2")));
        assertEquals(Optional.of(ExtensionParameter.of("a", "1")), offer.parameter("a"));
        assertEquals(Optional.empty(), offer.parameter("b"));
    }
}
