package dev.switch101.it.conformance;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ControlFrameChecks} against the engine, in each container. */
@ExtendWith(ArquillianExtension.class)
class ControlFramesIT extends ControlFrameChecks {
}
