package dev.switch101.jakarta.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import org.junit.jupiter.api.Test;

import dev.switch101.jakarta.pojo.PojoEndpoints;
import dev.switch101.jakarta.session.QuietLifecycle;

/**
 * Which lifecycle callbacks the engine may run on a container thread: only those that run none
 * of the application's code. Calling the application's code there by mistake would block a
 * container thread (or deadlock on its own output); the opposite costs a thread handoff.
 */
class QuietLifecyclesTest {

    @ServerEndpoint("/plain")
    public static class PlainEcho {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint("/opens")
    public static class Opens extends PlainEcho {
        @OnOpen
        public void open(Session session) {
        }
    }

    @ServerEndpoint("/closes")
    public static class Closes extends PlainEcho {
        @OnClose
        public void close() {
        }
    }

    @ServerEndpoint("/errors")
    public static class Errors extends PlainEcho {
        @OnError
        public void error(Throwable cause) {
        }
    }

    public static class Upper implements Decoder.Text<StringBuilder> {
        @Override
        public StringBuilder decode(String s) throws DecodeException {
            return new StringBuilder(s.toUpperCase());
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    @ServerEndpoint(value = "/decodes", decoders = Upper.class)
    public static class Decodes {
        @OnMessage
        public void text(StringBuilder text) {
        }
    }

    public static class ProgrammaticPlain extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public static class ProgrammaticClosing extends ProgrammaticPlain {
        @Override
        public void onClose(Session session, CloseReason closeReason) {
        }
    }

    public static class ProgrammaticFailing extends ProgrammaticPlain {
        @Override
        public void onError(Session session, Throwable thr) {
        }
    }

    @Test
    void anAnnotatedEndpointWithoutLifecycleMethodsOpensAndClosesQuietly() throws Exception {
        assertEquals(new QuietLifecycle(true, true), annotated(PlainEcho.class));
    }

    @Test
    void anOnOpenMethodIsTheApplicationsCode() throws Exception {
        assertEquals(new QuietLifecycle(false, true), annotated(Opens.class));
    }

    @Test
    void onCloseAndOnErrorMethodsAreTheApplicationsCode() throws Exception {
        assertEquals(new QuietLifecycle(true, false), annotated(Closes.class));
        assertEquals(new QuietLifecycle(true, false), annotated(Errors.class));
    }

    // Decoders are made and initialised when the session opens, destroyed when it closes.
    @Test
    void decodersMakeBothCallbacksTheApplicationsCode() throws Exception {
        assertEquals(QuietLifecycle.NONE, annotated(Decodes.class));
    }

    @Test
    void aProgrammaticEndpointNeverOpensQuietlyAndClosesQuietlyOnlyWithoutOverrides() {
        assertEquals(new QuietLifecycle(false, true), programmatic(new ProgrammaticPlain()));
        assertEquals(QuietLifecycle.NONE, programmatic(new ProgrammaticClosing()));
        assertEquals(QuietLifecycle.NONE, programmatic(new ProgrammaticFailing()));
    }

    private static QuietLifecycle annotated(Class<?> type) throws Exception {
        ServerEndpointConfig config = PojoEndpoints.configFor(type);
        Endpoint endpoint = PojoEndpoints.endpointFor(config, type.getConstructor().newInstance());
        return QuietLifecycles.of(endpoint, true, config);
    }

    private static QuietLifecycle programmatic(Endpoint endpoint) {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(endpoint.getClass(), "/p")
                .decoders(List.of()).build();
        return QuietLifecycles.of(endpoint, false, config);
    }
}
