package dev.switch101.jakarta.pojo;

import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Reads the parameter list of one annotated method: decides, once, where each parameter's value
 * comes from, and rejects a list the spec does not allow for that annotation (WebSocket 2.1
 * §4.3 to §4.7 and the {@code OnMessage} Javadoc). Parameters may come in any order.
 */
final class SignatureReader {

    private final Class<?> endpoint;
    private final Set<String> pathVariables;
    private final Coders coders;

    /**
     * @param endpoint      the endpoint class (named in error messages)
     * @param pathVariables the variable names of the endpoint's URI template
     * @param coders        what the endpoint's decoders and encoders handle
     */
    SignatureReader(Class<?> endpoint, Set<String> pathVariables, Coders coders) {
        this.endpoint = endpoint;
        this.pathVariables = Set.copyOf(pathVariables);
        this.coders = coders;
    }

    /** An {@code @OnOpen}, {@code @OnClose} or {@code @OnError} method. */
    AnnotatedMethod lifecycle(Method method, Callback callback) throws DeploymentException {
        Parameter[] parameters = method.getParameters();
        ParameterSource[] sources = new ParameterSource[parameters.length];
        int throwables = 0;
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getType();
            ParameterSource common = common(method, callback, parameters[i], i);
            if (common != null) {
                sources[i] = common;
            } else if (callback == Callback.OPEN && type == EndpointConfig.class) {
                sources[i] = ParameterSource.ENDPOINT_CONFIG;
            } else if (callback == Callback.OPEN && type == ServerEndpointConfig.class) {
                sources[i] = ParameterSource.SERVER_ENDPOINT_CONFIG;
            } else if (callback == Callback.CLOSE && type == CloseReason.class) {
                sources[i] = ParameterSource.CLOSE_REASON;
            } else if (callback == Callback.ERROR && type == Throwable.class) {
                sources[i] = ParameterSource.ERROR;
                throwables++;
            } else {
                throw violation(method, callback, "parameter " + i + " of type " + type.getName()
                        + " is not allowed; " + callback.annotationName() + " takes " + allowed(callback));
            }
        }
        if (callback == Callback.ERROR && throwables != 1) {
            throw violation(method, callback, (throwables == 0 ? "has no" : "has more than one")
                    + " Throwable parameter; @OnError takes exactly one");
        }
        return new AnnotatedMethod(method, sources);
    }

    /** An {@code @OnMessage} method: exactly one message parameter, maybe a {@code boolean last}. */
    MessageMethod message(Method method) throws DeploymentException {
        Parameter[] parameters = method.getParameters();
        ParameterSource[] sources = new ParameterSource[parameters.length];
        List<Integer> candidates = new ArrayList<>();
        List<Integer> booleans = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            ParameterSource common = common(method, Callback.MESSAGE, parameters[i], i);
            if (common != null) {
                sources[i] = common;
            } else if (parameters[i].getType() == boolean.class) {
                booleans.add(i);
            } else {
                candidates.add(i);
            }
        }
        if (booleans.size() > 2 || booleans.size() == 2 && !candidates.isEmpty()) {
            throw violation(method, Callback.MESSAGE, "has more boolean parameters than a message and its 'last' flag");
        }
        if (candidates.isEmpty() && booleans.size() == 2) {
            throw violation(method, Callback.MESSAGE, "takes a boolean message with a boolean 'last' flag; only "
                    + "String, ByteBuffer and byte[] can be received in parts");
        }
        if (candidates.isEmpty() && booleans.size() == 1) {
            candidates.add(booleans.remove(0)); // a whole text message converted to boolean
        }
        if (candidates.isEmpty()) {
            throw violation(method, Callback.MESSAGE, "has no message parameter");
        }
        if (candidates.size() > 1) {
            throw violation(method, Callback.MESSAGE, "has more than one message parameter (parameters "
                    + candidates + "); it may have only one, besides Session, @PathParam and boolean 'last'");
        }
        int messageIndex = candidates.get(0);
        boolean partial = !booleans.isEmpty();
        sources[messageIndex] = ParameterSource.MESSAGE;
        if (partial) {
            sources[booleans.get(0)] = ParameterSource.LAST;
        }
        Class<?> type = parameters[messageIndex].getType();
        Set<MessageKind> kinds = kindsOf(method, type, partial);
        checkReturnType(method);
        long maxMessageSize = method.getAnnotation(OnMessage.class).maxMessageSize();
        if (maxMessageSize < -1 || maxMessageSize > Integer.MAX_VALUE) {
            throw violation(method, Callback.MESSAGE, "maxMessageSize " + maxMessageSize
                    + " is neither -1 (no limit) nor a size from 0 to Integer.MAX_VALUE");
        }
        return new MessageMethod(new AnnotatedMethod(method, sources), Primitives.boxed(type), kinds, partial,
                maxMessageSize);
    }

    /** Session and @PathParam, allowed on every callback; {@code null} for any other parameter. */
    private ParameterSource common(Method method, Callback callback, Parameter parameter, int index)
            throws DeploymentException {
        PathParam pathParam = parameter.getAnnotation(PathParam.class);
        Class<?> type = parameter.getType();
        if (pathParam != null) {
            if (!PathParameter.isAllowedType(type)) {
                throw violation(method, callback, "@PathParam(\"" + pathParam.value() + "\") parameter " + index
                        + " has type " + type.getName() + "; a path parameter must be a String, a primitive or a "
                        + "boxed primitive (WebSocket 2.1 §4.3, WSC-4.3-1)");
            }
            if (type.isPrimitive() && !pathVariables.contains(pathParam.value())) {
                // §4.3 gives an unknown name null, which a primitive cannot hold
                throw violation(method, callback, "@PathParam(\"" + pathParam.value() + "\") names no variable of "
                        + "the path template " + pathVariables + ", and a primitive " + type.getName()
                        + " cannot take the null value WebSocket 2.1 §4.3 gives it");
            }
            return new PathParameter(pathParam.value(), type);
        }
        return type == Session.class ? ParameterSource.SESSION : null;
    }

    private Set<MessageKind> kindsOf(Method method, Class<?> type, boolean partial) throws DeploymentException {
        boolean partialCapable = type == String.class || type == ByteBuffer.class || type == byte[].class;
        if (partial && !partialCapable) {
            throw violation(method, Callback.MESSAGE, "takes a boolean 'last' flag with a message of type "
                    + type.getName() + "; only String, ByteBuffer and byte[] can be received in parts");
        }
        if (type == String.class || type == Reader.class || Primitives.isPrimitiveOrBoxed(type)) {
            return EnumSet.of(MessageKind.TEXT);
        }
        if (type == ByteBuffer.class || type == byte[].class || type == InputStream.class) {
            return EnumSet.of(MessageKind.BINARY);
        }
        if (type == PongMessage.class) {
            return EnumSet.of(MessageKind.PONG);
        }
        EnumSet<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        if (coders.decodesText(type)) {
            kinds.add(MessageKind.TEXT);
        }
        if (coders.decodesBinary(type)) {
            kinds.add(MessageKind.BINARY);
        }
        if (kinds.isEmpty()) {
            throw violation(method, Callback.MESSAGE, "message parameter of type " + type.getName()
                    + " is not a native message type (String, Reader, a primitive or boxed primitive, ByteBuffer, "
                    + "byte[], InputStream, PongMessage) and no decoder in the endpoint's decoders produces it");
        }
        return kinds;
    }

    private void checkReturnType(Method method) throws DeploymentException {
        Class<?> type = method.getReturnType();
        if (type == void.class || type == Void.class || type == String.class || type == ByteBuffer.class
                || type == byte[].class || Primitives.isPrimitiveOrBoxed(type) || coders.mayEncode(type)) {
            return;
        }
        throw violation(method, Callback.MESSAGE, "return type " + type.getName() + " cannot be sent: it is not "
                + "String, ByteBuffer, byte[], a primitive or boxed primitive, and no encoder in the endpoint's "
                + "encoders accepts it");
    }

    private static String allowed(Callback callback) {
        return switch (callback) {
            case OPEN -> "only Session, EndpointConfig and @PathParam parameters";
            case CLOSE -> "only Session, CloseReason and @PathParam parameters";
            case ERROR -> "only Session, Throwable and @PathParam parameters";
            case MESSAGE -> "one message parameter, boolean 'last', Session and @PathParam parameters";
        };
    }

    private DeploymentException violation(Method method, Callback callback, String rule) {
        return Violations.ofMethod(endpoint, method, callback.annotationName() + " " + rule, callback.clause);
    }
}
