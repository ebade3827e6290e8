package dev.switch101.it.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * URI-template matching (Jakarta WebSocket 2.1 §3.1.1): an exact match beats a template; among
 * templates of the same segment count the one whose literal segment comes first, left to right,
 * wins. The {@code /api/match} endpoints say their name and path parameters.
 */
public interface UriTemplateChecks extends ApiTarget {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "api/match/exact; MatchExact:{}",                // exact beats /api/match/{a}
            "api/match/other; MatchTemplate:{a=other}",      // only the template matches
            "api/match/y/x; MatchLeftLiteral:{b=x}",         // /y/{b} beats /{a}/x: literal further left
            "api/match/z/x; MatchRightLiteral:{a=z}",        // only /{a}/x matches
    })
    default void theSpecsPrecedenceChoosesTheEndpoint(String path, String expected) {
        try (ApiClient client = ApiClient.open(base(), path)) {
            assertEquals(expected, client.nextText());
        }
    }

    // §3.1.1: a request that matches no path (here: a segment too many) is not upgraded.
    @ParameterizedTest(name = "{0}")
    @CsvSource({"api/match/a/b/c", "api/chat/lobby"})
    default void aPathThatMatchesNoTemplateIsNotUpgraded(String path) {
        assertEquals(404, ApiClient.refusedStatus(base(), path, Map.of()));
    }
}
