package dev.switch101.jakarta.server;

import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;

/**
 * Makes endpoint instances, one per connection: from CDI where the application has a CDI
 * container (WildFly), so that {@code @Inject} works in endpoint classes, otherwise by the
 * public no-argument constructor. The CDI variant is loaded only if the CDI API is visible,
 * so on a container without CDI (Tomcat) no CDI type is ever linked.
 */
interface EndpointInstances {

    /** An endpoint instance and how to let it go when its connection ends. */
    interface Instance {
        Object object();

        /** Releases what the instance holds (CDI: {@code @PreDestroy}, dependent beans); once. */
        void release();

        /** Whether {@link #release} may run the application's code ({@code @PreDestroy}, disposers). */
        default boolean releaseRunsApplicationCode() {
            return true;
        }
    }

    /**
     * @throws InstantiationException if the class cannot be instantiated (no public no-arg
     *         constructor, abstract, the constructor threw, CDI refused it)
     */
    Instance create(Class<?> type) throws InstantiationException;

    /** By the public no-argument constructor. */
    EndpointInstances PLAIN = type -> {
        try {
            Object object = type.getConstructor().newInstance();
            return new Instance() {
                @Override
                public Object object() {
                    return object;
                }

                @Override
                public void release() {
                    // nothing held
                }

                @Override
                public boolean releaseRunsApplicationCode() {
                    return false;
                }
            };
        } catch (InvocationTargetException e) {
            InstantiationException failure = new InstantiationException("The constructor of " + type.getName()
                    + " threw " + e.getCause());
            failure.initCause(e.getCause());
            throw failure;
        } catch (ReflectiveOperationException | RuntimeException e) {
            InstantiationException failure = new InstantiationException("Cannot instantiate " + type.getName()
                    + " (a public class with a public no-argument constructor is needed): " + e);
            failure.initCause(e);
            throw failure;
        }
    };

    /**
     * The instances for an application: CDI-made if its class loader sees the CDI API (the
     * CDI container itself is looked up on first use, on a request thread, where the
     * application's JNDI names are bound), plain otherwise.
     */
    static EndpointInstances forApplication(ClassLoader loader) {
        try {
            Class.forName("jakarta.enterprise.inject.spi.BeanManager", false, loader);
        } catch (ClassNotFoundException | LinkageError noCdi) {
            return PLAIN;
        }
        try {
            // By name: this interface must not link the CDI variant (and so CDI) where there is none.
            return (EndpointInstances) Class.forName(EndpointInstances.class.getPackageName()
                    + ".CdiEndpointInstances", true, EndpointInstances.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger(EndpointInstances.class.getName()).log(Level.WARNING,
                    "The CDI API is visible but unusable; endpoints are constructed without CDI", e);
            return PLAIN;
        }
    }
}
