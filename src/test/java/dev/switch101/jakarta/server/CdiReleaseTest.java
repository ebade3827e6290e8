package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.junit.jupiter.api.Test;

/**
 * Which CDI-made endpoint instances the engine may release on a container thread: only those
 * whose release runs none of the application's code. Running a {@code @PreDestroy} there by
 * mistake would block a container thread; the opposite costs a thread handoff per connection
 * on WildFly.
 */
class CdiReleaseTest {

    /** Stands for an interceptor binding of the application's. */
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @interface Audited {
    }

    private static final Predicate<Class<? extends Annotation>> AUDITED_BINDS = type -> type == Audited.class;

    @ServerEndpoint("/plain")
    public static class PlainEcho {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    public static class Greeting {
    }

    public static class DestroyCallback extends PlainEcho {
        @PreDestroy
        void released() {
        }
    }

    public static class InheritsDestroyCallback extends DestroyCallback {
    }

    public static class InjectedField extends PlainEcho {
        @Inject
        Greeting greeting;
    }

    public static class InjectedConstructor extends PlainEcho {
        @Inject
        public InjectedConstructor(Greeting greeting) {
        }
    }

    public static class InjectedMethod extends PlainEcho {
        @Inject
        void greet(Greeting greeting) {
        }
    }

    public static class InheritsInjectedMethod extends InjectedMethod {
    }

    @Audited
    public static class Intercepted extends PlainEcho {
    }

    public static class InheritsInterceptorBinding extends Intercepted {
    }

    @Test
    void anEndpointWithNothingForCdiToRunReleasesQuietly() {
        assertFalse(CdiRelease.mayRunApplicationCode(PlainEcho.class, AUDITED_BINDS));
        // Its own annotations (@ServerEndpoint) bring no interceptors.
        assertFalse(CdiRelease.mayRunApplicationCode(PlainEcho.class, type -> false));
    }

    @Test
    void aPreDestroyMethodIsTheApplicationsCodeAlsoInASuperclass() {
        assertTrue(CdiRelease.mayRunApplicationCode(DestroyCallback.class, AUDITED_BINDS));
        assertTrue(CdiRelease.mayRunApplicationCode(InheritsDestroyCallback.class, AUDITED_BINDS));
    }

    @Test
    void injectedDependentsAreDestroyedWithTheInstance() {
        assertTrue(CdiRelease.mayRunApplicationCode(InjectedField.class, AUDITED_BINDS));
        assertTrue(CdiRelease.mayRunApplicationCode(InjectedConstructor.class, AUDITED_BINDS));
        assertTrue(CdiRelease.mayRunApplicationCode(InjectedMethod.class, AUDITED_BINDS));
        assertTrue(CdiRelease.mayRunApplicationCode(InheritsInjectedMethod.class, AUDITED_BINDS));
    }

    @Test
    void anInterceptorBindingMayBringLifecycleInterceptors() {
        assertTrue(CdiRelease.mayRunApplicationCode(Intercepted.class, AUDITED_BINDS));
        assertTrue(CdiRelease.mayRunApplicationCode(InheritsInterceptorBinding.class, AUDITED_BINDS));
        // The same annotation where the CDI container binds nothing with it.
        assertFalse(CdiRelease.mayRunApplicationCode(Intercepted.class, type -> false));
    }
}
