package dev.switch101.it.jakarta;

import java.net.URL;

/**
 * Where the API checks run: the URL of a deployment holding the endpoints of
 * {@code dev.switch101.it.jakarta.fixtures} (ending in '/'). The checks are interfaces with
 * default test methods, so one deployment (a WAR on Switch101, or Tyrus' own server) runs them
 * all; a target that differs from the spec where the spec allows it overrides a check, with the
 * clause in the reason.
 */
public interface ApiTarget {

    URL base();
}
