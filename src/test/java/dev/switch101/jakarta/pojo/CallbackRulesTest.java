package dev.switch101.jakarta.pojo;

import static dev.switch101.jakarta.pojo.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The rules for @OnOpen, @OnClose, @OnError, @OnMessage and @PathParam (Jakarta WebSocket 2.1
 * §4.3-§4.7 and the OnMessage Javadoc): each rejection names the class, the method and the rule.
 */
class CallbackRulesTest {

    public static class Thing {
    }

    public static class TextThingDecoder implements Decoder.Text<Thing> {
        @Override
        public Thing decode(String s) throws DecodeException {
            return new Thing();
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class BinaryThingDecoder implements Decoder.Binary<Thing> {
        @Override
        public Thing decode(ByteBuffer bytes) throws DecodeException {
            return new Thing();
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    public static class ThingEncoder implements Encoder.Text<Thing> {
        @Override
        public String encode(Thing object) throws EncodeException {
            return "thing";
        }
    }

    // ---- at most one of each (§4.4-§4.6, WSC-4.7-4)

    @ServerEndpoint("/x")
    public static class TwoOnOpen {
        @OnOpen
        public void first() {
        }

        @OnOpen
        public void second(Session session) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoOnClose {
        @OnClose
        public void first() {
        }

        @OnClose
        public void second(CloseReason reason) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoOnError {
        @OnError
        public void first(Throwable error) {
        }

        @OnError
        public void second(Throwable error, Session session) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoText {
        @OnMessage
        public void text(String text) {
        }

        @OnMessage
        public void number(int number) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoBinary {
        @OnMessage
        public void buffer(ByteBuffer bytes) {
        }

        @OnMessage
        public void stream(InputStream bytes) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoPong {
        @OnMessage
        public void pong(PongMessage pong) {
        }

        @OnMessage
        public void pongAgain(PongMessage pong, Session session) {
        }
    }

    @ServerEndpoint(value = "/x", decoders = TextThingDecoder.class)
    public static class DecodedTextBesideString {
        @OnMessage
        public void text(String text) {
        }

        @OnMessage
        public void thing(Thing thing) {
        }
    }

    @ServerEndpoint(value = "/x/{room}", decoders = {TextThingDecoder.class, BinaryThingDecoder.class},
            encoders = ThingEncoder.class)
    public static class OnePerKind {
        @OnOpen
        public void open(EndpointConfig config, @PathParam("room") String room, Session session) {
        }

        @OnMessage
        public String text(Session session, String text, @PathParam("room") int room) {
            return text;
        }

        @OnMessage
        public void pong(PongMessage pong) {
        }

        @OnMessage
        public byte[] binary(byte[] bytes, boolean last) {
            return bytes;
        }

        @OnClose
        public void close(CloseReason reason, Session session) {
        }

        @OnError
        public void error(Session session, Throwable error, @PathParam("room") Long room) {
        }
    }

    @Test // WSC-4.4-3
    void secondOnOpenIsRejected() {
        assertRejected(TwoOnOpen.class, "TwoOnOpen.", "@OnOpen", "an endpoint has at most one");
    }

    @Test // WSC-4.5-4
    void secondOnCloseIsRejected() {
        assertRejected(TwoOnClose.class, "TwoOnClose.", "@OnClose", "an endpoint has at most one");
    }

    @Test // WSC-4.6-3
    void secondOnErrorIsRejected() {
        assertRejected(TwoOnError.class, "TwoOnError.", "@OnError", "an endpoint has at most one");
    }

    @Test // WSC-4.7-4: String and int are both text
    void secondTextOnMessageIsRejected() {
        assertRejected(TwoText.class, "TwoText.", "@OnMessage for text messages", "at most one per message kind");
    }

    @Test // WSC-4.7-4: ByteBuffer and InputStream are both binary
    void secondBinaryOnMessageIsRejected() {
        assertRejected(TwoBinary.class, "TwoBinary.", "@OnMessage for binary messages", "at most one per message kind");
    }

    @Test // WSC-4.7-4
    void secondPongOnMessageIsRejected() {
        assertRejected(TwoPong.class, "TwoPong.", "@OnMessage for pong messages", "at most one per message kind");
    }

    @Test // WSC-4.7-4: a type with a text decoder is a text message
    void decodedTextBesideStringIsRejected() {
        assertRejected(DecodedTextBesideString.class, "DecodedTextBesideString.", "@OnMessage for text messages");
    }

    @Test // one per kind, parameters in any order, every allowed parameter kind
    void onePerKindWithParametersInAnyOrderIsAccepted() {
        assertDoesNotThrow(() -> PojoEndpoints.configFor(OnePerKind.class));
    }

    // ---- visibility and annotations

    @ServerEndpoint("/x")
    public static class PrivateCallback {
        @OnMessage
        void text(String text) {
        }
    }

    @ServerEndpoint("/x")
    public static class TwoAnnotationsOnOneMethod {
        @OnOpen
        @OnClose
        public void both() {
        }
    }

    @Test
    void nonPublicCallbackIsRejected() {
        assertRejected(PrivateCallback.class, "PrivateCallback.text(String)", "must be public");
    }

    @Test
    void methodWithTwoCallbackAnnotationsIsRejected() {
        assertRejected(TwoAnnotationsOnOneMethod.class, "TwoAnnotationsOnOneMethod.both()", "carries both @OnOpen and @OnClose");
    }

    // ---- lifecycle parameter lists (§4.4-§4.6)

    @ServerEndpoint("/x")
    public static class OnOpenWithPlainString {
        @OnOpen
        public void open(Session session, String notAPathParam) {
        }
    }

    @ServerEndpoint("/x")
    public static class OnOpenWithCloseReason {
        @OnOpen
        public void open(CloseReason reason) {
        }
    }

    @ServerEndpoint("/x")
    public static class OnCloseWithEndpointConfig {
        @OnClose
        public void close(EndpointConfig config) {
        }
    }

    @ServerEndpoint("/x")
    public static class OnErrorWithoutThrowable {
        @OnError
        public void error(Session session) {
        }
    }

    @ServerEndpoint("/x")
    public static class OnErrorWithTwoThrowables {
        @OnError
        public void error(Throwable one, Throwable two) {
        }
    }

    @ServerEndpoint("/x")
    public static class OnErrorWithException {
        @OnError
        public void error(Exception error) {
        }
    }

    @Test // WSC-4.4-3: @OnOpen takes Session, EndpointConfig and @PathParam only
    void onOpenWithUnannotatedStringIsRejected() {
        assertRejected(OnOpenWithPlainString.class, "OnOpenWithPlainString.open(Session, String)",
                "@OnOpen parameter 1 of type java.lang.String is not allowed");
    }

    @Test // WSC-4.4-3
    void onOpenWithCloseReasonIsRejected() {
        assertRejected(OnOpenWithCloseReason.class, "OnOpenWithCloseReason.open(CloseReason)",
                "@OnOpen parameter 0 of type jakarta.websocket.CloseReason is not allowed");
    }

    @Test // WSC-4.5-4: @OnClose takes Session, CloseReason and @PathParam only
    void onCloseWithEndpointConfigIsRejected() {
        assertRejected(OnCloseWithEndpointConfig.class, "OnCloseWithEndpointConfig.close(EndpointConfig)",
                "@OnClose parameter 0 of type jakarta.websocket.EndpointConfig is not allowed");
    }

    @Test // §4.6: the Throwable parameter is mandatory
    void onErrorWithoutThrowableIsRejected() {
        assertRejected(OnErrorWithoutThrowable.class, "OnErrorWithoutThrowable.error(Session)",
                "@OnError has no Throwable parameter");
    }

    @Test // §4.6
    void onErrorWithTwoThrowablesIsRejected() {
        assertRejected(OnErrorWithTwoThrowables.class, "OnErrorWithTwoThrowables.error(Throwable, Throwable)",
                "@OnError has more than one Throwable parameter");
    }

    @Test // §4.6: the container passes any error, so the parameter must be Throwable
    void onErrorWithNarrowerExceptionIsRejected() {
        assertRejected(OnErrorWithException.class, "OnErrorWithException.error(Exception)",
                "@OnError parameter 0 of type java.lang.Exception is not allowed");
    }

    // ---- @OnMessage parameter lists (OnMessage Javadoc, WSC-4.7-1)

    @ServerEndpoint("/x")
    public static class TwoMessageParameters {
        @OnMessage
        public void text(String one, String two) {
        }
    }

    @ServerEndpoint("/x")
    public static class NoMessageParameter {
        @OnMessage
        public void text(Session session) {
        }
    }

    @ServerEndpoint("/x")
    public static class PartialReader {
        @OnMessage
        public void text(Reader reader, boolean last) {
        }
    }

    @ServerEndpoint("/x")
    public static class PartialInputStream {
        @OnMessage
        public void binary(boolean last, InputStream bytes) {
        }
    }

    @ServerEndpoint("/x")
    public static class PartialInt {
        @OnMessage
        public void text(int number, boolean last) {
        }
    }

    @ServerEndpoint("/x")
    public static class PartialBooleanMessage {
        @OnMessage
        public void text(boolean message, boolean last) {
        }
    }

    @ServerEndpoint(value = "/x", decoders = TextThingDecoder.class)
    public static class PartialDecoded {
        @OnMessage
        public void text(Thing thing, boolean last) {
        }
    }

    @ServerEndpoint("/x")
    public static class PartialPong {
        @OnMessage
        public void pong(PongMessage pong, boolean last) {
        }
    }

    @ServerEndpoint("/x")
    public static class UndecodableType {
        @OnMessage
        public void thing(Thing thing) {
        }
    }

    @ServerEndpoint(value = "/x", decoders = TextThingDecoder.class)
    public static class DecodedWhole {
        @OnMessage
        public void thing(Session session, Thing thing) {
        }
    }

    @ServerEndpoint("/x")
    public static class EndpointConfigOnMessage {
        @OnMessage
        public void text(String text, EndpointConfig config) {
        }
    }

    @ServerEndpoint("/x")
    public static class BooleanWholeMessage {
        @OnMessage
        public void flag(Session session, boolean flag) {
        }
    }

    @ServerEndpoint("/x")
    public static class UnsendableReturn {
        @OnMessage
        public List<String> text(String text) {
            return List.of(text);
        }
    }

    @ServerEndpoint(value = "/x", encoders = ThingEncoder.class)
    public static class EncodedReturn {
        @OnMessage
        public Thing text(String text) {
            return new Thing();
        }
    }

    @ServerEndpoint("/x")
    public static class HugeMaxMessageSize {
        @OnMessage(maxMessageSize = Integer.MAX_VALUE + 1L)
        public void text(String text) {
        }
    }

    @Test // exactly one message parameter
    void twoMessageParametersAreRejected() {
        assertRejected(TwoMessageParameters.class, "TwoMessageParameters.text(String, String)",
                "@OnMessage has more than one message parameter");
    }

    @Test
    void onMessageWithoutMessageParameterIsRejected() {
        assertRejected(NoMessageParameter.class, "NoMessageParameter.text(Session)", "@OnMessage has no message parameter");
    }

    @Test // only String, ByteBuffer and byte[] come in parts
    void readerWithLastIsRejected() {
        assertRejected(PartialReader.class, "PartialReader.text(Reader, boolean)",
                "boolean 'last' flag with a message of type java.io.Reader");
    }

    @Test
    void inputStreamWithLastIsRejected() {
        assertRejected(PartialInputStream.class, "PartialInputStream.binary(boolean, InputStream)",
                "boolean 'last' flag with a message of type java.io.InputStream");
    }

    @Test
    void primitiveWithLastIsRejected() {
        assertRejected(PartialInt.class, "PartialInt.text(int, boolean)", "boolean 'last' flag with a message of type int");
    }

    @Test
    void booleanMessageWithLastIsRejected() {
        assertRejected(PartialBooleanMessage.class, "PartialBooleanMessage.text(boolean, boolean)",
                "takes a boolean message with a boolean 'last' flag");
    }

    @Test // a decoded object is whole by nature
    void decodedTypeWithLastIsRejected() {
        assertRejected(PartialDecoded.class, "PartialDecoded.text(Thing, boolean)",
                "boolean 'last' flag with a message of type " + Thing.class.getName());
    }

    @Test
    void pongWithLastIsRejected() {
        assertRejected(PartialPong.class, "PartialPong.pong(PongMessage, boolean)",
                "boolean 'last' flag with a message of type jakarta.websocket.PongMessage");
    }

    @Test // §4.1.3: a non-native type needs a decoder in the endpoint's decoders
    void typeWithoutDecoderIsRejected() {
        assertRejected(UndecodableType.class, "UndecodableType.thing(Thing)", "no decoder in the endpoint's decoders produces it");
    }

    @Test
    void typeWithDecoderIsAccepted() {
        assertDoesNotThrow(() -> PojoEndpoints.configFor(DecodedWhole.class));
    }

    @Test // EndpointConfig is an @OnOpen parameter only: on @OnMessage it is a second message
    void endpointConfigOnOnMessageIsRejected() {
        assertRejected(EndpointConfigOnMessage.class, "EndpointConfigOnMessage.text(String, EndpointConfig)",
                "@OnMessage has more than one message parameter");
    }

    @Test // a lone boolean is a whole text message converted to boolean
    void loneBooleanIsAWholeTextMessage() {
        assertDoesNotThrow(() -> PojoEndpoints.configFor(BooleanWholeMessage.class));
    }

    @Test // OnMessage Javadoc: String, ByteBuffer, byte[], primitives, boxed, or anything with an encoder
    void unsendableReturnTypeIsRejected() {
        assertRejected(UnsendableReturn.class, "UnsendableReturn.text(String)", "return type java.util.List cannot be sent");
    }

    @Test
    void returnTypeWithEncoderIsAccepted() {
        assertDoesNotThrow(() -> PojoEndpoints.configFor(EncodedReturn.class));
    }

    @Test // §4.7.1: sizes beyond Integer.MAX_VALUE cannot be honoured
    void maxMessageSizeBeyondIntIsRejected() {
        assertRejected(HugeMaxMessageSize.class, "HugeMaxMessageSize.text(String)", "maxMessageSize 2147483648");
    }

    // ---- @PathParam (§4.3)

    @ServerEndpoint("/rooms/{room}")
    public static class PathParamOnObject {
        @OnOpen
        public void open(@PathParam("room") Object room) {
        }
    }

    @ServerEndpoint("/rooms/{room}")
    public static class PathParamOnList {
        @OnMessage
        public void text(String text, @PathParam("room") List<String> room) {
        }
    }

    @ServerEndpoint("/rooms/{room}")
    public static class PrimitivePathParamWithUnknownName {
        @OnClose
        public void close(@PathParam("floor") int floor) {
        }
    }

    @ServerEndpoint("/rooms/{room}")
    public static class StringPathParamWithUnknownName {
        @OnClose
        public void close(@PathParam("floor") String floor, @PathParam("room") Integer room) {
        }
    }

    @Test // WSC-4.3-1
    void pathParamOnObjectIsRejected() {
        assertRejected(PathParamOnObject.class, "PathParamOnObject.open(Object)",
                "@PathParam(\"room\") parameter 0 has type java.lang.Object");
    }

    @Test // WSC-4.3-1
    void pathParamOnListIsRejected() {
        assertRejected(PathParamOnList.class, "PathParamOnList.text(String, List)",
                "@PathParam(\"room\") parameter 1 has type java.util.List");
    }

    @Test // §4.3: an unknown name gets null, which a primitive cannot hold
    void primitivePathParamNamingNoVariableIsRejected() {
        assertRejected(PrimitivePathParamWithUnknownName.class, "PrimitivePathParamWithUnknownName.close(int)",
                "@PathParam(\"floor\") names no variable of the path template [room]");
    }

    @Test // §4.3: "Otherwise, the value of the String parameter ... must be set to null"
    void stringPathParamNamingNoVariableIsAccepted() {
        assertDoesNotThrow(() -> PojoEndpoints.configFor(StringPathParamWithUnknownName.class));
    }
}
