package dev.switch101.it.jcontainer;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean for {@link CdiProbeEndpoint} to inject (its annotation makes the WAR a CDI bean archive). */
@ApplicationScoped
public class Greeting {

    public String text() {
        return "injected";
    }
}
