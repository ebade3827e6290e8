package dev.switch101.jakarta.session;

import jakarta.websocket.Session;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions of one endpoint, for {@code Session.getOpenSessions()}. Thread-safe. */
public final class OpenSessions {

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    void add(Session session) {
        sessions.add(session);
    }

    void remove(Session session) {
        sessions.remove(session);
    }

    /** A snapshot of the sessions open now. */
    public Set<Session> snapshot() {
        return Collections.unmodifiableSet(Set.copyOf(sessions));
    }
}
