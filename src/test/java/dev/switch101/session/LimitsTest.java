package dev.switch101.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Limits come from context-params, with safe defaults, and refuse nonsense. */
class LimitsTest {

    @Test
    void unsetParamsGiveTheDefaults() {
        assertEquals(Limits.DEFAULT, Limits.from(name -> null));
    }

    @Test
    void paramsOverrideEachLimit() {
        Map<String, String> params = Map.of(
                "dev.switch101.maxMessageSize", "2048",
                "dev.switch101.idleTimeoutMillis", "1500",
                "dev.switch101.outboundQueueSize", " 65536 ");
        Limits limits = Limits.from(params::get);
        assertEquals(2048, limits.maxMessageSize());
        assertEquals(Duration.ofMillis(1500), limits.idleTimeout());
        assertEquals(65536, limits.outboundQueueSize());
        assertEquals(Limits.DEFAULT.maxFramePayload(), limits.maxFramePayload());
    }

    @Test
    void aValueThatIsNotANumberNamesTheParam() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.from(Map.of("dev.switch101.sendTimeoutMillis", "soon")::get));
        assertEquals(true, e.getMessage().contains("dev.switch101.sendTimeoutMillis"));
    }

    @Test
    void limitsTooSmallToWorkAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Limits.from(Map.of("dev.switch101.readBufferSize", "16")::get));
    }

    @Test
    void theFrameAndMessageTimeoutsAreReadInMillisecondsUnderTheirOwnNames() {
        Map<String, String> params = Map.of(
                "dev.switch101.frameTimeoutMillis", "2000",
                "dev.switch101.messageTimeoutMillis", " 7000 ");
        Limits limits = Limits.from(params::get);
        assertEquals(Duration.ofSeconds(2), limits.frameTimeout());
        assertEquals(Duration.ofSeconds(7), limits.messageTimeout());
    }

    @Test
    void aMessageMayTakeAsLongAsAFrameByDefaultAndNotANegativeTime() {
        assertEquals(Limits.DEFAULT_FRAME_TIMEOUT, Limits.DEFAULT.messageTimeout());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMessageTimeout(Duration.ofMillis(-1)));
    }
}
