package dev.switch101.extension.deflate;

import java.util.Objects;
import java.util.Optional;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionFactory;
import dev.switch101.extension.ExtensionOffer;

/** Accepts permessage-deflate offers under a {@link DeflateConfig}; see {@link DeflateAgreement} for the rules. */
public final class PerMessageDeflateFactory implements ExtensionFactory {

    private final DeflateConfig config;
    private final DeflatePool pool;

    /**
     * @param config the policy
     * @param pool   the application's pool of compressors and decompressors
     */
    public PerMessageDeflateFactory(DeflateConfig config, DeflatePool pool) {
        this.config = Objects.requireNonNull(config, "config");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String name() {
        return DeflateAgreement.NAME;
    }

    @Override
    public Optional<Extension> negotiate(ExtensionOffer offer) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return DeflateAgreement.negotiate(offer, config.contextTakeover())
                .map(agreement -> new PerMessageDeflate(agreement, config, pool));
    }
}
