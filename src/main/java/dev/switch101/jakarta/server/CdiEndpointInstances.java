package dev.switch101.jakarta.server;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;

/**
 * Endpoint instances from the application's CDI container: each connection gets a new instance
 * with its injection points satisfied and {@code @PostConstruct} called (CDI's
 * {@link Unmanaged}, which also serves classes that are not beans), released when the connection
 * ends. Without a bean manager (an application with CDI switched off) instances are plain.
 * Loaded only through {@link EndpointInstances#forApplication}, when the CDI API is visible.
 */
final class CdiEndpointInstances implements EndpointInstances {

    private static final System.Logger LOG = System.getLogger(CdiEndpointInstances.class.getName());
    private static final String BEAN_MANAGER = "java:comp/BeanManager";

    /** Looked up once, on the first connection; {@code NONE} when there is none. */
    private volatile Object beanManager;
    private static final Object NONE = new Object();

    /**
     * One {@link Unmanaged} per endpoint class, made on its first connection: making one builds
     * the class's injection target (Weld reads the class), which is the same for every instance
     * and cost WildFly's handshake rate dearly when it was done per connection; beside it, whether
     * releasing an instance may run the application's code ({@link CdiRelease}). The classes are
     * the application's, and so is this object: nothing outlives a redeploy.
     */
    private final Map<Class<?>, Maker<?>> makers = new ConcurrentHashMap<>();

    private record Maker<T>(Unmanaged<T> unmanaged, boolean releaseRunsApplicationCode) {
        static <T> Maker<T> of(BeanManager manager, Class<T> type) {
            return new Maker<>(new Unmanaged<>(manager, type), CdiRelease.mayRunApplicationCode(type,
                    annotation -> manager.isInterceptorBinding(annotation) || manager.isStereotype(annotation)));
        }
    }

    @Override
    public Instance create(Class<?> type) throws InstantiationException {
        Object manager = beanManager();
        if (!(manager instanceof BeanManager bm)) {
            return PLAIN.create(type);
        }
        return created(bm, type);
    }

    @SuppressWarnings("unchecked") // the map holds a Maker<T> under the key T
    private <T> Instance created(BeanManager manager, Class<T> type) throws InstantiationException {
        Maker<T> maker;
        Unmanaged.UnmanagedInstance<T> instance;
        try {
            maker = (Maker<T>) makers.computeIfAbsent(type, t -> Maker.of(manager, t));
            instance = maker.unmanaged().newInstance().produce().inject().postConstruct();
        } catch (RuntimeException e) {
            InstantiationException failure = new InstantiationException("CDI could not make an instance of "
                    + type.getName() + ": " + e);
            failure.initCause(e);
            throw failure;
        }
        T object = instance.get();
        return new Instance() {
            @Override
            public Object object() {
                return object;
            }

            @Override
            public void release() {
                instance.preDestroy().dispose();
            }

            @Override
            public boolean releaseRunsApplicationCode() {
                return maker.releaseRunsApplicationCode();
            }
        };
    }

    private Object beanManager() {
        Object manager = beanManager;
        if (manager == null) {
            manager = lookup();
            beanManager = manager;
        }
        return manager;
    }

    private static Object lookup() {
        try {
            Object found = new InitialContext().lookup(BEAN_MANAGER);
            if (found instanceof BeanManager) {
                LOG.log(Level.DEBUG, "WebSocket endpoint instances come from CDI");
                return found;
            }
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.DEBUG, "No CDI bean manager at {0} ({1}): endpoints are constructed without CDI",
                    BEAN_MANAGER, e.toString());
        }
        return NONE;
    }
}
