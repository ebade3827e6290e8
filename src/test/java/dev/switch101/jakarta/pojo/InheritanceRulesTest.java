package dev.switch101.jakarta.pojo;

import static dev.switch101.jakarta.pojo.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Annotated methods and Java inheritance (Jakarta WebSocket 2.1 §4.8): a method annotation applies
 * only to the method it is on; inherited annotated methods are callbacks unless the subclass
 * overrides them without the annotation.
 */
class InheritanceRulesTest {

    public abstract static class Base {
        @OnOpen
        public void open() {
        }

        @OnMessage
        public String text(String text) {
            return text;
        }

        @OnClose
        public void close() {
        }
    }

    @ServerEndpoint("/inherits")
    public static class Inherits extends Base {
    }

    @ServerEndpoint("/overrides")
    public static class OverridesWithoutAnnotation extends Base {
        @Override
        public String text(String text) {
            return "not a callback";
        }
    }

    @ServerEndpoint("/reannotates")
    public static class OverridesWithAnnotation extends Base {
        @Override
        @OnMessage
        public String text(String text) {
            return text + "!";
        }
    }

    @ServerEndpoint("/second")
    public static class AddsSecondTextHandler extends Base {
        @OnMessage
        public void number(int number) {
        }
    }

    @ServerEndpoint("/second-open")
    public static class AddsSecondOnOpen extends Base {
        @OnOpen
        public void openToo() {
        }
    }

    private static EndpointModel model(Class<?> type) throws Exception {
        PojoEndpoints.configFor(type);
        return EndpointModel.of(type, "/p", List.of(), List.of());
    }

    @Test // inherited, not overridden: still callbacks
    void inheritedAnnotatedMethodsAreCallbacks() throws Exception {
        EndpointModel model = model(Inherits.class);
        assertSame(Base.class, model.onOpen().method().getDeclaringClass());
        assertSame(Base.class, model.onClose().method().getDeclaringClass());
        assertEquals(1, model.onMessage().size());
    }

    @Test // §4.8: "Subclasses that override methods annotated ... do not obtain WebSocket callbacks unless ... marked"
    void overrideWithoutAnnotationIsNoCallback() throws Exception {
        EndpointModel model = model(OverridesWithoutAnnotation.class);
        assertEquals(List.of(), model.onMessage());
        assertSame(Base.class, model.onOpen().method().getDeclaringClass());
    }

    @Test // the re-annotated override is the one callback, not a duplicate of the overridden method
    void overrideWithAnnotationIsTheCallback() throws Exception {
        EndpointModel model = model(OverridesWithAnnotation.class);
        assertEquals(1, model.onMessage().size());
        assertSame(OverridesWithAnnotation.class, model.onMessage().get(0).target().method().getDeclaringClass());
        assertNull(model.onError());
    }

    @Test // WSC-4.7-4 across the hierarchy
    void secondTextHandlerInSubclassIsRejected() {
        assertRejected(AddsSecondTextHandler.class, "InheritanceRulesTest$", "@OnMessage for text messages",
                "at most one per message kind");
    }

    @Test // WSC-4.4-3 across the hierarchy
    void secondOnOpenInSubclassIsRejected() {
        assertRejected(AddsSecondOnOpen.class, "InheritanceRulesTest$Base.open()", "@OnOpen, and so is",
                "AddsSecondOnOpen.openToo()");
    }
}
