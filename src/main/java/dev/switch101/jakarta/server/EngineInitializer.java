package dev.switch101.jakarta.server;

import java.lang.System.Logger.Level;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;

import dev.switch101.upgrade.UpgradeFilter;

/**
 * Bootstraps Jakarta WebSocket on Switch101 in a web application (registered in
 * {@code META-INF/services}, so it runs from the WAR's classes and from the engine jar in
 * WEB-INF/lib alike): publishes the application's {@link EngineServerContainer}, makes sure the
 * {@link UpgradeFilter} is installed, and deploys the application's endpoints as
 * {@link EndpointScan} selects them. An invalid endpoint fails the deployment.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class, Endpoint.class})
public final class EngineInitializer implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(EngineInitializer.class.getName());
    static final String FILTER_NAME = "switch101-upgrade";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        EngineServerContainer container = EngineServerContainer.of(context);
        installFilter(context);
        context.addListener(new DeploymentEnd(container));
        try {
            EndpointScan scan = EndpointScan.of(classes, context.getClassLoader());
            for (var config : scan.endpointConfigs()) {
                container.addEndpoint(config);
            }
            for (Class<?> annotated : scan.annotatedClasses()) {
                container.addEndpoint(annotated);
            }
        } catch (DeploymentException e) {
            // The specification: an invalid endpoint fails the deployment of the application.
            throw new ServletException("WebSocket deployment failed: " + e.getMessage(), e);
        }
    }

    /**
     * The filter is declared by the demo WAR's web.xml and by the engine jar's web-fragment.xml;
     * an application that has neither (its fragment excluded by an absolute ordering, or the
     * classes copied into WEB-INF/classes) gets it here, ahead of its own filters.
     */
    private static void installFilter(ServletContext context) {
        for (var registration : context.getFilterRegistrations().values()) {
            if (UpgradeFilter.class.getName().equals(registration.getClassName())) {
                return;
            }
        }
        FilterRegistration.Dynamic filter = context.addFilter(FILTER_NAME, UpgradeFilter.class);
        if (filter == null) {
            LOG.log(Level.WARNING, "A filter named {0} exists but is not the Upgrade filter: WebSocket handshakes "
                    + "will not reach Switch101", FILTER_NAME);
            return;
        }
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
}
