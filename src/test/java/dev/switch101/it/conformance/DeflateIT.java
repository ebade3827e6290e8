package dev.switch101.it.conformance;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link DeflateChecks} against the engine, in each container. */
@ExtendWith(ArquillianExtension.class)
class DeflateIT extends DeflateChecks {
}
