package dev.switch101.extension.deflate;

import dev.switch101.extension.Extension;
import dev.switch101.extension.ExtensionOffer;
import dev.switch101.extension.FrameTransform;
import dev.switch101.extension.TransformContext;
import dev.switch101.frame.FrameHeader;

/** permessage-deflate as agreed for one connection; it owns RSV1 (RFC 7692 §6). */
public final class PerMessageDeflate implements Extension {

    private final DeflateAgreement agreement;
    private final DeflateConfig config;
    private final DeflatePool pool;

    PerMessageDeflate(DeflateAgreement agreement, DeflateConfig config, DeflatePool pool) {
        this.agreement = agreement;
        this.config = config;
        this.pool = pool;
    }

    @Override
    public String name() {
        return DeflateAgreement.NAME;
    }

    @Override
    public ExtensionOffer response() {
        return agreement.response();
    }

    @Override
    public int rsvBits() {
        return FrameHeader.RSV1;
    }

    /** @return what was agreed */
    public DeflateAgreement agreement() {
        return agreement;
    }

    @Override
    public FrameTransform newTransform(TransformContext context) {
        return new DeflateTransform(agreement, config, pool, context);
    }
}
