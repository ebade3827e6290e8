package dev.switch101.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReverseEndpointTest {

    @Test
    void reversesByCodePointKeepingSurrogatePairsWhole() {
        assertEquals("😀ña", ReverseEndpoint.reverse("añ😀"));
        assertEquals("", ReverseEndpoint.reverse(""));
    }
}
