package dev.switch101.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;

/** Jakarta WebSocket 2.1 §2.1.3 / {@code Session.addMessageHandler}: the message type comes from the generic signature. */
class GenericTypesTest {

    static final class Direct implements MessageHandler.Whole<String> {
        @Override
        public void onMessage(String message) {
        }
    }

    abstract static class Base<X> implements MessageHandler.Whole<X> {
        @Override
        public void onMessage(X message) {
        }
    }

    static final class ThroughVariable extends Base<ByteBuffer> {
    }

    interface Middle<Y> extends MessageHandler.Partial<Y> {
    }

    static final class ThroughInterface implements Middle<byte[]> {
        @Override
        public void onMessage(byte[] partialMessage, boolean last) {
        }
    }

    abstract static class Rename<A, B> extends Base<B> {
    }

    static final class SecondVariable extends Rename<String, Integer> {
    }

    static final class OfList implements MessageHandler.Whole<List<String>> {
        @Override
        public void onMessage(List<String> message) {
        }
    }

    @SuppressWarnings("rawtypes")
    static final class Raw implements MessageHandler.Whole {
        @Override
        public void onMessage(Object message) {
        }
    }

    static final class Unbound<Z> extends Base<Z> {
    }

    static final class PointDecoder implements Decoder.Text<int[]> {
        @Override
        public int[] decode(String s) {
            return new int[0];
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }

        @Override
        public void init(EndpointConfig config) {
        }

        @Override
        public void destroy() {
        }
    }

    @Test
    void directImplementationGivesItsTypeArgument() {
        assertEquals(Optional.of(String.class), GenericTypes.typeArgument(Direct.class, MessageHandler.Whole.class));
    }

    @Test
    void typeVariableIsFollowedFromSubclassToSuperclass() {
        assertEquals(Optional.of(ByteBuffer.class),
                GenericTypes.typeArgument(ThroughVariable.class, MessageHandler.Whole.class));
        assertEquals(Optional.of(Integer.class),
                GenericTypes.typeArgument(SecondVariable.class, MessageHandler.Whole.class));
    }

    @Test
    void typeVariableIsFollowedThroughASuperinterface() {
        assertEquals(Optional.of(byte[].class),
                GenericTypes.typeArgument(ThroughInterface.class, MessageHandler.Partial.class));
    }

    @Test
    void parameterizedArgumentGivesItsRawClass() {
        assertEquals(Optional.of(List.class), GenericTypes.typeArgument(OfList.class, MessageHandler.Whole.class));
    }

    @Test
    void decoderTypeIsResolvedLikeAHandlerType() {
        assertEquals(Optional.of(int[].class), GenericTypes.typeArgument(PointDecoder.class, Decoder.Text.class));
    }

    @Test
    void lambdaRawAndUnboundGiveNothing() {
        MessageHandler.Whole<String> lambda = message -> { };
        assertTrue(GenericTypes.typeArgument(lambda.getClass(), MessageHandler.Whole.class).isEmpty());
        assertTrue(GenericTypes.typeArgument(Raw.class, MessageHandler.Whole.class).isEmpty());
        assertTrue(GenericTypes.typeArgument(Unbound.class, MessageHandler.Whole.class).isEmpty());
        assertTrue(GenericTypes.typeArgument(Direct.class, MessageHandler.Partial.class).isEmpty());
    }
}
