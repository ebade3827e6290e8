/**
 * Annotated endpoints ({@code @ServerEndpoint} classes) on top of the programmatic Jakarta
 * WebSocket API, using nothing else.
 *
 * <p>{@link dev.switch101.jakarta.pojo.PojoEndpoints} is the entry point: {@code configFor} checks a
 * class against the spec's rules (Jakarta WebSocket 2.1 §4) and builds its
 * {@code ServerEndpointConfig}; {@code endpointFor} wraps one instance in the {@code Endpoint} of
 * one connection. Inside: {@code EndpointModel} (the validated callbacks, built once per class
 * and configuration), {@code AnnotatedMethods} (finding them through the superclasses),
 * {@code SignatureReader} (each method's parameters), {@code PojoEndpoint} and
 * {@code MessageInvoker} (the calls, per connection).
 */
package dev.switch101.jakarta.pojo;
