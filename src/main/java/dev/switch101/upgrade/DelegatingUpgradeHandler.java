package dev.switch101.upgrade;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;

/**
 * The handler class {@link UpgradeAnswers} passes to {@code HttpServletRequest.upgrade} (for the
 * filter, and for a request the application hands over): the container
 * creates it with a no-arg constructor, so it only forwards to the protocol's handler, which
 * was built with the negotiated state before the switch.
 */
public final class DelegatingUpgradeHandler implements HttpUpgradeHandler {

    private volatile HttpUpgradeHandler delegate;

    /** Public no-arg constructor, as {@code HttpServletRequest.upgrade} requires. */
    public DelegatingUpgradeHandler() {
    }

    void attach(HttpUpgradeHandler handler) {
        this.delegate = handler;
    }

    @Override
    public void init(WebConnection connection) {
        HttpUpgradeHandler handler = delegate;
        if (handler == null) {
            // upgrade() was called by something other than UpgradeAnswers: nothing can speak here.
            throw new IllegalStateException("No protocol handler attached to the upgraded connection");
        }
        handler.init(connection);
    }

    @Override
    public void destroy() {
        HttpUpgradeHandler handler = delegate;
        if (handler != null) {
            handler.destroy();
        }
    }
}
