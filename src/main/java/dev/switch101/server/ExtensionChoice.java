package dev.switch101.server;

import java.util.ArrayList;
import java.util.List;

import dev.switch101.extension.ExtensionFactory;
import dev.switch101.extension.ExtensionNegotiator;

/**
 * What an endpoint can negotiate, made once per extension policy rather than per handshake: the
 * names of the extension factories (what the application's extension selector chooses among)
 * and the negotiator over them.
 *
 * @param generation the server's count of added extensions this was made from (see
 *                   {@link WebSocketServer#addExtension}): a choice from an older count is made again
 */
record ExtensionChoice(List<String> names, ExtensionNegotiator negotiator, int generation) {

    static ExtensionChoice of(List<ExtensionFactory> factories, int generation) {
        List<String> names = new ArrayList<>(factories.size());
        for (ExtensionFactory factory : factories) {
            names.add(factory.name());
        }
        return new ExtensionChoice(List.copyOf(names), new ExtensionNegotiator(factories), generation);
    }
}
