package dev.switch101.jakarta.server;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig.Configurator;

import dev.switch101.extension.ExtensionOffer;
import dev.switch101.handshake.Subprotocols;
import dev.switch101.server.ExtensionSelector;
import dev.switch101.server.OriginCheck;

/**
 * An endpoint's {@link Configurator} as the handshake calls it: each method the application's
 * configurator overrides is called; every other one runs Switch101's default
 * ({@link DefaultConfigurator}) directly, not through the API's
 * {@code getContainerDefaultConfigurator()} (which on Tomcat is one cached instance for the whole
 * JVM, found by whichever application asked first).
 *
 * <p>Origin: the Origin policy decides unless the configurator overrides {@code checkOrigin};
 * then its answer replaces the policy. What an overriding method reaches with
 * {@code super.method(...)} is the API's default configurator, the container's own (on Tomcat
 * and WildFly its {@code checkOrigin} is always {@code true}): Switch101 does not register a
 * default in {@code META-INF/services}, see {@link DefaultConfigurator}.
 */
final class ConfiguratorCalls {

    private static final System.Logger LOG = System.getLogger(ConfiguratorCalls.class.getName());

    private final Configurator configurator;
    private final boolean checksOrigin;
    private final boolean choosesSubprotocol;
    private final boolean choosesExtensions;
    private final boolean modifiesHandshake;
    private final boolean makesInstances;

    /**
     * @param configurator      the endpoint's configurator
     * @param containerDefaults configurator classes whose methods count as the container's default
     */
    ConfiguratorCalls(Configurator configurator, Set<Class<?>> containerDefaults) {
        this.configurator = configurator;
        Class<?> type = configurator.getClass();
        this.checksOrigin = overrides(type, containerDefaults, "checkOrigin", String.class);
        this.choosesSubprotocol = overrides(type, containerDefaults, "getNegotiatedSubprotocol", List.class,
                List.class);
        this.choosesExtensions = overrides(type, containerDefaults, "getNegotiatedExtensions", List.class,
                List.class);
        this.modifiesHandshake = overrides(type, containerDefaults, "modifyHandshake", ServerEndpointConfig.class,
                HandshakeRequest.class, HandshakeResponse.class);
        this.makesInstances = overrides(type, containerDefaults, "getEndpointInstance", Class.class);
    }

    /**
     * The classes whose configurator methods are container defaults: the API's base class, ours,
     * and every configurator registered as a container default ({@code META-INF/services})
     * that the application's class loader sees (Tomcat's, Undertow's).
     */
    static Set<Class<?>> containerDefaults(ClassLoader loader) {
        Set<Class<?>> defaults = new HashSet<>(List.of(Configurator.class, DefaultConfigurator.class));
        var providers = ServiceLoader.load(Configurator.class, loader).stream().iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return defaults;
                }
                defaults.add(providers.next().type());
            } catch (ServiceConfigurationError unusable) {
                // Not loadable from here, so never the class of a configurator we are handed.
                LOG.log(Level.DEBUG, "A container-default configurator is not loadable here: {0}", unusable.toString());
            }
        }
    }

    private static boolean overrides(Class<?> type, Set<Class<?>> defaults, String name, Class<?>... parameters) {
        try {
            return !defaults.contains(type.getMethod(name, parameters).getDeclaringClass());
        } catch (NoSuchMethodException impossible) {
            throw new AssertionError("Configurator." + name + " exists in every API version", impossible);
        }
    }

    /** Whether the configurator overrides {@code getEndpointInstance}. */
    boolean makesInstances() {
        return makesInstances;
    }

    /** The configurator's own Origin decision, or {@code null} if the Origin policy decides. */
    OriginCheck originCheck() {
        if (!checksOrigin) {
            return null;
        }
        return (request, policy) -> HandshakeScope.withOriginVerdict(policy.permits(request),
                () -> configurator.checkOrigin(request.header("Origin")));
    }

    /** {@code getNegotiatedSubprotocol}, as the engine's selector of (offered, supported). */
    BiFunction<List<String>, List<String>, Optional<String>> subprotocolSelector() {
        if (!choosesSubprotocol) {
            return Subprotocols::select;
        }
        return (offered, supported) -> {
            String chosen = configurator.getNegotiatedSubprotocol(supported, offered);
            if (chosen == null || chosen.isEmpty()) {
                return Optional.empty();
            }
            if (!offered.contains(chosen)) {
                // RFC 6455 §4.2.2: the answer must be one of the client's values.
                throw new IllegalStateException(configurator.getClass().getName()
                        + ".getNegotiatedSubprotocol returned '" + chosen + "', which the client did not offer "
                        + offered);
            }
            return Optional.of(chosen);
        };
    }

    /** {@code getNegotiatedExtensions}, as the engine's selector of the offers to negotiate. */
    ExtensionSelector extensionSelector() {
        if (!choosesExtensions) {
            return ExtensionSelector.ALL;
        }
        return (installed, offers) -> {
            List<Extension> requested = new ArrayList<>();
            offers.forEach(offer -> requested.add(ExtensionView.of(offer)));
            List<Extension> available = new ArrayList<>();
            installed.forEach(name -> available.add(ExtensionView.named(name)));
            List<Extension> chosen = configurator.getNegotiatedExtensions(available, requested);
            List<ExtensionOffer> selected = new ArrayList<>();
            for (Extension extension : chosen == null ? List.<Extension>of() : chosen) {
                int index = requested.indexOf(extension);
                if (index >= 0) {
                    selected.add(offers.get(index));
                } else {
                    // Named only (taken from the installed list, say): the client's first offer of
                    // it, whose parameters the answer must honour (RFC 7692 §7.1: a server_max_window_bits
                    // asked for, for one). Parameters of the configurator's own stand as it gave them.
                    offers.stream().filter(offer -> offer.name().equals(extension.getName())).findFirst()
                            .ifPresent(first -> selected.add(extension.getParameters().isEmpty() ? first
                                    : ExtensionView.toOffer(extension)));
                }
                // An extension the client did not ask for can never be answered (RFC 6455 §9.1).
            }
            return selected;
        };
    }

    /** {@code modifyHandshake}, if the configurator has one (the default changes nothing). */
    void modifyHandshake(ServerEndpointConfig sessionConfig, HandshakeRequest request, HandshakeResponse response) {
        if (modifiesHandshake) {
            configurator.modifyHandshake(sessionConfig, request, response);
        }
    }

    /**
     * {@code getEndpointInstance}: the configurator's, or ours (CDI where there is one). What
     * our default makes, even from within the configurator's own method, is released with the
     * connection.
     */
    EndpointInstances.Instance endpointInstance(Class<?> type, EndpointInstances instances)
            throws InstantiationException {
        if (!makesInstances) {
            return instances.create(type);
        }
        List<EndpointInstances.Instance> created = new ArrayList<>(1);
        Object[] result = new Object[1];
        InstantiationException[] failure = new InstantiationException[1];
        try {
            HandshakeScope.withInstances(instances, created, () -> {
                try {
                    result[0] = configurator.getEndpointInstance(type);
                } catch (InstantiationException e) {
                    failure[0] = e;
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            created.forEach(EndpointInstances.Instance::release);
            throw e;
        }
        if (failure[0] != null) {
            created.forEach(EndpointInstances.Instance::release);
            throw failure[0];
        }
        if (result[0] == null) {
            created.forEach(EndpointInstances.Instance::release);
            throw new InstantiationException(configurator.getClass().getName()
                    + ".getEndpointInstance returned null for " + type.getName());
        }
        Object object = result[0];
        return new EndpointInstances.Instance() {
            @Override
            public Object object() {
                return object;
            }

            @Override
            public void release() {
                created.forEach(EndpointInstances.Instance::release);
            }
        };
    }
}
