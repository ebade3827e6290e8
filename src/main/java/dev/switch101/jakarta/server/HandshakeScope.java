package dev.switch101.jakarta.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What Switch101's {@link DefaultConfigurator} needs to know while an application's configurator
 * runs inside one of our handshakes, e.g. when it calls {@code super.checkOrigin(origin)}: the
 * {@code Configurator} methods carry no request, so it is kept on the handshake's thread for the
 * duration of the call. Outside a handshake there is no scope and the defaults are the spec's
 * plain ones.
 */
final class HandshakeScope {

    private static final ThreadLocal<HandshakeScope> CURRENT = new ThreadLocal<>();

    private final boolean originPermitted;
    private final EndpointInstances instances;
    private final List<EndpointInstances.Instance> created = new ArrayList<>(1);

    private HandshakeScope(boolean originPermitted, EndpointInstances instances) {
        this.originPermitted = originPermitted;
        this.instances = instances;
    }

    /** The scope of the handshake running on this thread, or {@code null}. */
    static HandshakeScope current() {
        return CURRENT.get();
    }

    /** Runs {@code call} with our Origin policy's verdict on the current request in scope. */
    static <T> T withOriginVerdict(boolean permitted, Supplier<T> call) {
        return run(new HandshakeScope(permitted, null), call);
    }

    /**
     * Runs {@code call} with the endpoint instances in scope; instances our default made during
     * the call are added to {@code created}, to be released with the connection.
     */
    static <T> T withInstances(EndpointInstances instances, List<EndpointInstances.Instance> created,
            Supplier<T> call) {
        HandshakeScope scope = new HandshakeScope(true, instances);
        try {
            return run(scope, call);
        } finally {
            created.addAll(scope.created);
        }
    }

    private static <T> T run(HandshakeScope scope, Supplier<T> call) {
        HandshakeScope outer = CURRENT.get();
        CURRENT.set(scope);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    boolean originPermitted() {
        return originPermitted;
    }

    /** Makes an instance with the scope's instances (CDI or plain), or {@code null} if the scope has none. */
    <T> T newInstance(Class<T> type) throws InstantiationException {
        if (instances == null) {
            return null;
        }
        EndpointInstances.Instance instance = instances.create(type);
        created.add(instance);
        return type.cast(instance.object());
    }
}
