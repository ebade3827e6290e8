package dev.switch101.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stress suite against the streaming echo with inline callbacks
 * ({@code /inline-stream-echo}): the handler runs on the container thread that read its input,
 * its sends never wait there, and a read that finds the outbound queue full goes back to the
 * executor. Same pacing, same checks, same seed property as {@link StressIT}.
 */
@ExtendWith(ArquillianExtension.class)
class InlineStressIT extends StressIT {

    @Override
    protected String echoPath() {
        return "inline-stream-echo";
    }
}
