package dev.switch101.jakarta.pojo;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/** Finding the type a decoder produces through generic superclasses (needed for WebSocket 2.1 §4.1.3). */
class CoderTypesTest {

    public static class Cat {
    }

    public abstract static class JsonDecoder<T> implements Decoder.TextStream<T> {
        @Override
        public T decode(Reader reader) throws DecodeException, IOException {
            return null;
        }
    }

    public static class CatDecoder extends JsonDecoder<Cat> {
    }

    public static class ListDecoder implements Decoder.Text<List<String>> {
        @Override
        public List<String> decode(String s) {
            return List.of(s);
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    @Test
    void typeArgumentIsFollowedThroughAGenericSuperclass() {
        assertSame(Cat.class, CoderTypes.typeArgument(CatDecoder.class, Decoder.TextStream.class));
    }

    @Test
    void parameterizedTypeArgumentIsErased() {
        assertSame(List.class, CoderTypes.typeArgument(ListDecoder.class, Decoder.Text.class));
    }

    @Test
    void unimplementedInterfaceGivesNull() {
        assertNull(CoderTypes.typeArgument(CatDecoder.class, Decoder.Binary.class));
    }

    @Test
    void unboundVariableGivesItsBound() {
        assertSame(Object.class, CoderTypes.typeArgument(JsonDecoder.class, Decoder.TextStream.class));
    }
}
