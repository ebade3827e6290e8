package dev.switch101.server;

import java.util.List;

import dev.switch101.extension.ExtensionOffer;

/**
 * Which of a client's extension offers an endpoint is willing to negotiate (the engine then
 * negotiates those with its extension factories, RFC 6455 §9.1). The default takes them all.
 */
@FunctionalInterface
public interface ExtensionSelector {

    /** Every offer. */
    ExtensionSelector ALL = (installed, offers) -> offers;

    /**
     * @param installed the names of the extensions the server can negotiate
     * @param offers    the client's offers, in its order
     * @return the offers to negotiate, a subset of {@code offers}, in the order of preference
     */
    List<ExtensionOffer> select(List<String> installed, List<ExtensionOffer> offers);
}
