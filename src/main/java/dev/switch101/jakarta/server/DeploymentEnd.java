package dev.switch101.jakarta.server;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Added by {@link EngineInitializer}: containers call listeners added by an initializer after
 * the application's own (web.xml, {@code @WebListener}), so when this one runs, every listener
 * that may add endpoints has run, and the container closes its deployment phase.
 */
final class DeploymentEnd implements ServletContextListener {

    private final EngineServerContainer container;

    DeploymentEnd(EngineServerContainer container) {
        this.container = container;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        container.deploymentComplete();
    }
}
