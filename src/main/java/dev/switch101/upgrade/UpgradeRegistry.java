package dev.switch101.upgrade;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The protocols one web application offers through the HTTP/1.1 Upgrade mechanism.
 *
 * <p>There is one registry per {@link ServletContext}, kept as a context attribute; register
 * protocols while the application starts (a {@code ServletContextListener} or
 * {@code ServletContainerInitializer}), before the {@link UpgradeFilter} serves requests.
 * Registration is thread-safe; lookups take no lock.
 */
public final class UpgradeRegistry {

    /** The servlet-context attribute that holds the registry. */
    public static final String ATTRIBUTE = UpgradeRegistry.class.getName();

    private final List<UpgradeProtocol> protocols = new CopyOnWriteArrayList<>();

    /** The registry of this application, created on first use. */
    public static UpgradeRegistry of(ServletContext context) {
        // The context is shared by every thread of the application: create-and-publish once.
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof UpgradeRegistry registry) {
                return registry;
            }
            UpgradeRegistry registry = new UpgradeRegistry();
            context.setAttribute(ATTRIBUTE, registry);
            return registry;
        }
    }

    /**
     * Adds a protocol. Several protocols may share a token (e.g. the same protocol at two
     * paths): they are asked in the order they were registered.
     */
    public void register(UpgradeProtocol protocol) {
        protocols.add(Objects.requireNonNull(protocol, "protocol"));
    }

    /** Removes a protocol registered earlier; requests in flight may still see it. */
    public void unregister(UpgradeProtocol protocol) {
        protocols.remove(protocol);
    }

    /**
     * The registered protocols that an offer asks for, in registration order.
     *
     * @param offer one protocol from a client's {@code Upgrade} header
     */
    public List<UpgradeProtocol> candidates(ProtocolToken offer) {
        List<UpgradeProtocol> matching = new ArrayList<>(2);
        for (UpgradeProtocol protocol : protocols) {
            if (protocol.token().acceptsOffer(offer)) {
                matching.add(protocol);
            }
        }
        return matching;
    }

    /** Whether any registered protocol is asked for by one of the offers. */
    public boolean wantsAny(List<ProtocolToken> offers) {
        for (ProtocolToken offer : offers) {
            if (!candidates(offer).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Shuts every registered protocol down (the application is stopping). */
    public void shutdown() {
        for (UpgradeProtocol protocol : protocols) {
            try {
                protocol.shutdown();
            } catch (RuntimeException e) {
                // One protocol's failure must not keep the others' connections open.
                System.getLogger(UpgradeRegistry.class.getName())
                        .log(System.Logger.Level.WARNING, "Shutting down " + protocol.token() + " failed", e);
            }
        }
    }

    /**
     * Chooses the protocol for a request (RFC 9110 §7.8): the offers are tried in the client's
     * order of preference, and for each offer the matching protocols in registration order.
     * The first protocol that accepts wins; if none accepts, the first refusal stands; if
     * every protocol declines, there is no selection and the request must go on untouched.
     *
     * @param request   the request, handed to each protocol's {@code decide}
     * @param offers    the client's offers, most preferred first
     * @param canSwitch whether HTTP allows this connection to switch at all; when it does not,
     *                  acceptances are ignored (refusals still count)
     * @return the selection, or {@code null} if no protocol wants the request
     * @throws RuntimeException whatever a protocol's {@code decide} throws
     */
    public Selection select(HttpServletRequest request, List<ProtocolToken> offers, boolean canSwitch) {
        Selection firstRefusal = null;
        for (ProtocolToken offer : offers) {
            for (UpgradeProtocol protocol : candidates(offer)) {
                UpgradeDecision decision = protocol.decide(request, offer);
                if (decision instanceof UpgradeDecision.Accept && canSwitch) {
                    return new Selection(protocol, decision);
                }
                if (decision instanceof UpgradeDecision.Refuse && firstRefusal == null) {
                    firstRefusal = new Selection(protocol, decision);
                }
            }
        }
        return firstRefusal;
    }

    /**
     * A protocol's decision that settles a request.
     *
     * @param protocol the protocol that decided
     * @param decision an {@link UpgradeDecision.Accept} or an {@link UpgradeDecision.Refuse}
     */
    public record Selection(UpgradeProtocol protocol, UpgradeDecision decision) {
    }
}
