package dev.switch101.extension;

import java.util.Optional;

/** Creates an {@link Extension} from a client offer, or declines the offer. */
public interface ExtensionFactory {

    /**
     * @return the extension token this factory handles, e.g. {@code permessage-deflate}
     */
    String name();

    /**
     * Accepts or declines one offer of this extension.
     *
     * @param offer an offer whose name equals {@link #name()}
     * @return the accepted extension, or empty if the offer has an invalid, duplicated or unknown
     *     parameter (the negotiator then tries the client's next offer of the same name)
     */
    Optional<Extension> negotiate(ExtensionOffer offer);
}
