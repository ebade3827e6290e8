package dev.switch101.jakarta.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.websocket.server.ServerEndpointConfig.Configurator;

/**
 * The application's class loader, except that {@code ServiceLoader} finds Switch101's
 * {@link DefaultConfigurator} before any other container default configurator (it is not
 * registered in {@code META-INF/services}: see {@link DefaultConfigurator} on Tomcat's cache). Set as the
 * thread context class loader while an application's configurator runs in our handshake, so
 * that {@code super.checkOrigin(...)} and the other inherited methods (which the API resolves
 * through {@code ServiceLoader} and the context class loader) reach Switch101's defaults, not
 * those of a built-in implementation the deployment can also see (Undertow's on WildFly).
 * Everything else is the application loader's. Where the API caches its default JVM-wide
 * (Tomcat's copy of the API, a static field), the context class loader is left alone.
 */
final class DefaultFirstLoader extends ClassLoader {

    private static final String SERVICE = "META-INF/services/" + Configurator.class.getName();

    /** Whether the API in use keeps one default configurator for the whole JVM (a static field). */
    static final boolean API_CACHES_JVM_WIDE = Arrays.stream(Configurator.class.getDeclaredFields())
            .anyMatch(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == Configurator.class);

    private final URL ourService;

    DefaultFirstLoader(ClassLoader application) {
        super(application);
        try {
            byte[] content = (DefaultConfigurator.class.getName() + "\n").getBytes(StandardCharsets.UTF_8);
            this.ourService = new URL(null, "switch101:default-configurator", new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(content);
                        }
                    };
                }
            });
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!SERVICE.equals(name)) {
            return super.getResources(name);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(ourService);
        urls.addAll(Collections.list(super.getResources(name)));
        return Collections.enumeration(urls);
    }

    /** Runs {@code call} with this loader as the thread's context class loader. */
    <T> T run(Supplier<T> call) {
        if (API_CACHES_JVM_WIDE) {
            return call.get();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
