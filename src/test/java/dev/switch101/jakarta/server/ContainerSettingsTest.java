package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jakarta container's own context-params, read once when the application deploys. */
class ContainerSettingsTest {

    // The value was only trimmed at deployment and parsed in every session's constructor: a bad
    // one deployed fine, then failed every connection with 1011.
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abc", "0", "-3"})
    void aBadMaxPendingAsyncSendsDeployedAndThenFailedEveryConnection(String value) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> EngineServerContainer.of(
                ServletFakes.context(Map.of(EngineServerContainer.MAX_PENDING_ASYNC_SENDS, value))));
        assertTrue(failure.getMessage().contains(EngineServerContainer.MAX_PENDING_ASYNC_SENDS), failure.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"8", " 8 "})
    void aGoodMaxPendingAsyncSendsIsWhatEverySessionStartsWith(String value) {
        EngineServerContainer container = EngineServerContainer.of(
                ServletFakes.context(Map.of(EngineServerContainer.MAX_PENDING_ASYNC_SENDS, value)));
        assertEquals(8, container.sessionProperties().get(EngineServerContainer.MAX_PENDING_ASYNC_SENDS));
    }
}
