package dev.switch101.jakarta.session;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.websocket.Decoder;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

/**
 * A registered message handler, bound to the native message kind it takes and to the way its
 * messages reach it (Jakarta WebSocket 2.1 §2.1.3, and the MessageHandler and Decoder Javadoc):
 * whole or partial, native type, built-in conversion, or decoded — decided once, when it is
 * added.
 *
 * @param kind    the native kind: the session holds one handler per kind
 * @param handler the application's handler
 * @param sinks   makes the sink for each message
 */
record HandlerBinding(MessageKind kind, MessageHandler handler, Function<Context, MessageSink> sinks) {

    /** What a message's sink needs from its session, read when the message starts. */
    interface Context {
        int maxTextMessageBufferSize();

        int maxBinaryMessageBufferSize();

        /** Runs stream handlers beside the engine's thread. */
        Executor streams();

        /** How long a closing connection waits for a stream handler to give up its message. */
        Duration abandonWait();
    }

    /**
     * Binds a {@code MessageHandler.Whole<T>}: to one kind, or to both text and binary when the
     * configured decoders of {@code T} include both (as Tomcat does; an {@code @OnMessage} method
     * taking such a type is the endpoint's text and binary method).
     *
     * @return one binding per kind the handler takes
     * @throws IllegalStateException if no native type, built-in conversion or configured decoder takes {@code type}
     */
    @SuppressWarnings("unchecked")
    static List<HandlerBinding> whole(Class<?> type, MessageHandler.Whole<?> handler, SessionDecoders decoders) {
        MessageHandler.Whole<Object> target = (MessageHandler.Whole<Object>) handler;
        Class<?> boxed = BuiltInCoders.boxed(type);
        if (boxed == PongMessage.class) {
            return List.of(new HandlerBinding(MessageKind.PONG, handler, c -> MessageSink.DROP));
        }
        if (boxed == Reader.class) {
            return List.of(stream(MessageKind.TEXT, handler, target, HandlerBinding::utf8Reader));
        }
        if (boxed == InputStream.class) {
            return List.of(stream(MessageKind.BINARY, handler, target, in -> in));
        }
        if (boxed == ByteBuffer.class || boxed == byte[].class) {
            BinaryConversion conversion = new BinaryConversion(boxed, List.of());
            return List.of(new HandlerBinding(MessageKind.BINARY, handler,
                    c -> new WholeBinarySink(c.maxBinaryMessageBufferSize(), conversion, target)));
        }
        List<SessionDecoders.Entry> candidates = decoders.candidates(boxed);
        if (candidates.isEmpty()) {
            if (!BuiltInCoders.decodesText(boxed)) {
                throw new IllegalStateException("No decoder in the endpoint's configuration decodes " + type.getName()
                        + ", and it is no type a message handler takes natively");
            }
            TextConversion conversion = new TextConversion(boxed, List.of());
            return List.of(new HandlerBinding(MessageKind.TEXT, handler,
                    c -> new WholeTextSink(c.maxTextMessageBufferSize(), conversion, target)));
        }
        // Per kind, the first decoder of that kind in configuration order decides whether it
        // streams (configured decoders come before the built-in String and primitive conversions).
        List<HandlerBinding> bindings = new ArrayList<>(2);
        candidates.stream().filter(e -> e.shape().kind == MessageKind.TEXT).findFirst()
                .ifPresent(first -> bindings.add(textBinding(first, boxed, candidates, handler, target)));
        candidates.stream().filter(e -> e.shape().kind == MessageKind.BINARY).findFirst()
                .ifPresent(first -> bindings.add(binaryBinding(first, boxed, candidates, handler, target)));
        return List.copyOf(bindings);
    }

    private static HandlerBinding textBinding(SessionDecoders.Entry first, Class<?> boxed,
            List<SessionDecoders.Entry> candidates, MessageHandler handler, MessageHandler.Whole<Object> target) {
        if (first.shape() == SessionDecoders.Shape.TEXT_STREAM) {
            Decoder.TextStream<?> decoder = (Decoder.TextStream<?>) first.decoder();
            return stream(MessageKind.TEXT, handler, target, in -> decoder.decode(utf8Reader(in)));
        }
        TextConversion conversion = new TextConversion(boxed, textDecoders(candidates));
        return new HandlerBinding(MessageKind.TEXT, handler,
                c -> new WholeTextSink(c.maxTextMessageBufferSize(), conversion, target));
    }

    private static HandlerBinding binaryBinding(SessionDecoders.Entry first, Class<?> boxed,
            List<SessionDecoders.Entry> candidates, MessageHandler handler, MessageHandler.Whole<Object> target) {
        if (first.shape() == SessionDecoders.Shape.BINARY_STREAM) {
            Decoder.BinaryStream<?> decoder = (Decoder.BinaryStream<?>) first.decoder();
            return stream(MessageKind.BINARY, handler, target, decoder::decode);
        }
        BinaryConversion conversion = new BinaryConversion(boxed, binaryDecoders(candidates));
        return new HandlerBinding(MessageKind.BINARY, handler,
                c -> new WholeBinarySink(c.maxBinaryMessageBufferSize(), conversion, target));
    }

    /**
     * Binds a {@code MessageHandler.Partial<T>}: {@code T} is {@code String}, {@code ByteBuffer}
     * or {@code byte[]} (the spec defines partial delivery for those only).
     *
     * @throws IllegalStateException for any other type
     */
    @SuppressWarnings("unchecked")
    static HandlerBinding partial(Class<?> type, MessageHandler.Partial<?> handler) {
        MessageHandler.Partial<Object> target = (MessageHandler.Partial<Object>) handler;
        if (type == String.class) {
            return new HandlerBinding(MessageKind.TEXT, handler, c -> new PartialTextSink(target));
        }
        if (type == ByteBuffer.class || type == byte[].class) {
            boolean asArray = type == byte[].class;
            return new HandlerBinding(MessageKind.BINARY, handler, c -> new PartialBinarySink(target, asArray));
        }
        throw new IllegalStateException("A MessageHandler.Partial takes String, ByteBuffer or byte[], not "
                + type.getName());
    }

    private static HandlerBinding stream(MessageKind kind, MessageHandler handler, MessageHandler.Whole<Object> target,
            StreamSink.Opener opener) {
        return new HandlerBinding(kind, handler, c -> new StreamSink(c.streams(), opener, target, c.abandonWait()));
    }

    /** A Reader that decodes UTF-8 as the bytes come, characters split between parts included. */
    private static Reader utf8Reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static List<Decoder.Text<?>> textDecoders(List<SessionDecoders.Entry> candidates) {
        return candidates.stream().filter(e -> e.shape() == SessionDecoders.Shape.TEXT)
                .<Decoder.Text<?>>map(e -> (Decoder.Text<?>) e.decoder()).toList();
    }

    private static List<Decoder.Binary<?>> binaryDecoders(List<SessionDecoders.Entry> candidates) {
        return candidates.stream().filter(e -> e.shape() == SessionDecoders.Shape.BINARY)
                .<Decoder.Binary<?>>map(e -> (Decoder.Binary<?>) e.decoder()).toList();
    }
}
