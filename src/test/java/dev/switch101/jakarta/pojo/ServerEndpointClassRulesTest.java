package dev.switch101.jakarta.pojo;

import static dev.switch101.jakarta.pojo.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

/** The class-level rules of @ServerEndpoint (Jakarta WebSocket 2.1 §4.1, §4.8) and the config built from it. */
class ServerEndpointClassRulesTest {

    public static class NotAnnotated {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint("/valid")
    public static class Valid {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    /** §4.8: the class-level annotation is not passed down to subclasses. */
    public static class SubclassOfAnnotated extends Valid {
    }

    @ServerEndpoint("/hidden")
    static class NotPublic {
    }

    @ServerEndpoint("/abstract")
    public abstract static class Abstract {
    }

    @ServerEndpoint("/constructor")
    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String needed) {
        }
    }

    @ServerEndpoint("/inner")
    public class Inner {
    }

    @ServerEndpoint("no-slash")
    public static class RelativePath {
    }

    public static class MakesInstances extends ServerEndpointConfig.Configurator {
        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(new MadeByConfigurator("made"));
        }
    }

    @ServerEndpoint(value = "/made", configurator = MakesInstances.class)
    public static class MadeByConfigurator {
        public MadeByConfigurator(String how) {
        }
    }

    public static class Unconstructible extends ServerEndpointConfig.Configurator {
        public Unconstructible(String needed) {
        }
    }

    @ServerEndpoint(value = "/broken-configurator", configurator = Unconstructible.class)
    public static class BrokenConfigurator {
    }

    public static class Thing {
    }

    public static class ThingDecoder implements Decoder.Text<Thing> {
        @Override
        public Thing decode(String s) throws DecodeException {
            return new Thing();
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class ThingEncoder implements Encoder.Text<Thing> {
        @Override
        public String encode(Thing object) throws EncodeException {
            return "thing";
        }
    }

    public static class Counting extends ServerEndpointConfig.Configurator {
    }

    @ServerEndpoint(value = "/full/{room}", subprotocols = {"v2", "v1"}, decoders = ThingDecoder.class,
            encoders = ThingEncoder.class, configurator = Counting.class)
    public static class Full {
        @OnMessage
        public Thing echo(Thing thing) {
            return thing;
        }
    }

    @Test // §4.1 WSC-4.1-1: only classes with @ServerEndpoint are annotated endpoints
    void classWithoutServerEndpointIsRejected() {
        assertRejected(NotAnnotated.class, null, "is not annotated with @ServerEndpoint");
    }

    @Test // §4.8: a subclass of an annotated endpoint does not become one
    void subclassOfAnnotatedEndpointIsNotAnEndpoint() {
        assertRejected(SubclassOfAnnotated.class, null, "is not annotated with @ServerEndpoint");
    }

    @Test // §4.1: "The class must be public, concrete, and have a public no-args constructor"
    void nonPublicClassIsRejected() {
        assertRejected(NotPublic.class, null, "must be public");
    }

    @Test // §4.1
    void abstractClassIsRejected() {
        assertRejected(Abstract.class, null, "must be a concrete class");
    }

    @Test // §4.1, with the default configurator making instances
    void classWithoutPublicNoArgConstructorIsRejected() {
        assertRejected(NoDefaultConstructor.class, null, "public no-argument constructor");
    }

    @Test // §4.1: an inner class's constructor takes the enclosing instance
    void innerClassIsRejected() {
        assertRejected(Inner.class, null, "public no-argument constructor");
    }

    @Test // §3.1.7: a configurator that overrides getEndpointInstance makes the instances itself
    void configuratorThatMakesInstancesLiftsTheConstructorRule() throws Exception {
        ServerEndpointConfig config = PojoEndpoints.configFor(MadeByConfigurator.class);
        assertTrue(config.getConfigurator() instanceof MakesInstances);
    }

    @Test // §4.1.1 WSC-4.1.1-3: a malformed path is rejected at deployment
    void pathWithoutLeadingSlashIsRejected() {
        assertRejected(RelativePath.class, null, "does not start with '/'");
    }

    @Test // §4.1.5
    void configuratorThatCannotBeInstantiatedIsRejected() {
        assertRejected(BrokenConfigurator.class, null, "configurator " + Unconstructible.class.getName(),
                "cannot be instantiated");
    }

    @Test // §4.1.1-§4.1.5: every attribute of @ServerEndpoint reaches the config
    void configCarriesPathSubprotocolsCodersAndConfigurator() throws Exception {
        ServerEndpointConfig config = PojoEndpoints.configFor(Full.class);
        assertSame(Full.class, config.getEndpointClass());
        assertEquals("/full/{room}", config.getPath());
        assertEquals(List.of("v2", "v1"), config.getSubprotocols());
        assertEquals(List.of(ThingDecoder.class), config.getDecoders());
        assertEquals(List.of(ThingEncoder.class), config.getEncoders());
        assertSame(Counting.class, config.getConfigurator().getClass());
    }

    @Test // §3.1: without a named configurator, the platform default (found through ServiceLoader)
    void defaultConfiguratorIsThePlatformOne() throws Exception {
        ServerEndpointConfig config = PojoEndpoints.configFor(Valid.class);
        assertSame(ServerEndpointConfig.Configurator.class, config.getConfigurator().getClass());
        assertTrue(config.getSubprotocols().isEmpty());
        assertTrue(config.getDecoders().isEmpty());
    }
}
