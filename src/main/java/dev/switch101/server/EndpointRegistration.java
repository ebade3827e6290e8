package dev.switch101.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.switch101.extension.deflate.DeflateConfig;
import dev.switch101.handshake.OriginPolicy;
import dev.switch101.handshake.Subprotocols;
import dev.switch101.session.FrameHandler;
import dev.switch101.session.Limits;

/**
 * A WebSocket endpoint on the engine's own interface: a path, a handler per connection, and
 * the endpoint's handshake choices. Immutable; the {@code with...} methods return copies.
 *
 * <p>An accepted handshake runs, in this order: the Origin decision ({@code originCheck} if
 * set, else the Origin policy; 403 on refusal), {@code subprotocolSelector},
 * {@code extensionSelector} and the engine's extension negotiation, {@code hook}, and
 * {@code handlers} (the order of Jakarta WebSocket's {@code Configurator} calls).
 *
 * @param path                the path template within the application
 * @param handlers            makes one handler per connection, after the hook (an exception answers 500)
 * @param subprotocols        the subprotocols the endpoint speaks, in its order of preference
 * @param subprotocolSelector picks one from (client offers, supported); the default takes the client's
 *                            first supported offer. Must return one the client offered, or empty.
 * @param extensionSelector   the client's extension offers the endpoint is willing to negotiate
 * @param originPolicy        the Origin policy, or {@code null} for the application's
 * @param originCheck         the endpoint's own Origin decision replacing the policy, or {@code null}
 * @param limits              the connection limits, or {@code null} for the application's
 * @param hook                application code run on an accepted handshake
 * @param deflate             the permessage-deflate policy, or {@code null} for the application's
 * @param inlineCallbacks     whether the handlers' callbacks may run on the container thread that
 *                            read their input (they do not block; see
 *                            {@link dev.switch101.session.CoreSession}), or {@code null} for the
 *                            application's {@code dev.switch101.inlineCallbacks}
 */
public record EndpointRegistration(PathTemplate path, Function<AcceptedHandshake, ? extends FrameHandler> handlers,
        List<String> subprotocols, BiFunction<List<String>, List<String>, Optional<String>> subprotocolSelector,
        ExtensionSelector extensionSelector, OriginPolicy originPolicy, OriginCheck originCheck, Limits limits,
        HandshakeHook hook, DeflateConfig deflate, Boolean inlineCallbacks) {

    public EndpointRegistration {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handlers, "handlers");
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(subprotocolSelector, "subprotocolSelector");
        Objects.requireNonNull(extensionSelector, "extensionSelector");
        Objects.requireNonNull(hook, "hook");
    }

    /** An endpoint at {@code path} with the defaults: no subprotocols, the application's policy and limits. */
    public static EndpointRegistration of(String path, Supplier<? extends FrameHandler> handlers) {
        Objects.requireNonNull(handlers, "handlers");
        return perHandshake(path, handshake -> handlers.get());
    }

    /**
     * An endpoint at {@code path} whose handler is made from what its handshake carried and
     * negotiated, with the defaults otherwise.
     */
    public static EndpointRegistration perHandshake(String path,
            Function<AcceptedHandshake, ? extends FrameHandler> handlers) {
        return new EndpointRegistration(new PathTemplate(path), handlers, List.of(), Subprotocols::select,
                ExtensionSelector.ALL, null, null, null, HandshakeHook.NONE, null, null);
    }

    public EndpointRegistration withSubprotocols(List<String> supported) {
        return new EndpointRegistration(path, handlers, supported, subprotocolSelector, extensionSelector,
                originPolicy, originCheck, limits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withSubprotocolSelector(
            BiFunction<List<String>, List<String>, Optional<String>> selector) {
        return new EndpointRegistration(path, handlers, subprotocols, selector, extensionSelector, originPolicy,
                originCheck, limits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withExtensionSelector(ExtensionSelector selector) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, selector, originPolicy,
                originCheck, limits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withOriginPolicy(OriginPolicy policy) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector, policy,
                originCheck, limits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withOriginCheck(OriginCheck check) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector,
                originPolicy, check, limits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withLimits(Limits endpointLimits) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector,
                originPolicy, originCheck, endpointLimits, hook, deflate, inlineCallbacks);
    }

    public EndpointRegistration withHook(HandshakeHook handshakeHook) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector,
                originPolicy, originCheck, limits, handshakeHook, deflate, inlineCallbacks);
    }

    /** A copy with its own permessage-deflate policy, e.g. {@link DeflateConfig#OFF}. */
    public EndpointRegistration withDeflate(DeflateConfig endpointDeflate) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector,
                originPolicy, originCheck, limits, hook, endpointDeflate, inlineCallbacks);
    }

    /** A copy whose callbacks may run on the container's reading thread ({@code true}), or never do ({@code false}). */
    public EndpointRegistration withInlineCallbacks(boolean inline) {
        return new EndpointRegistration(path, handlers, subprotocols, subprotocolSelector, extensionSelector,
                originPolicy, originCheck, limits, hook, deflate, inline);
    }
}
