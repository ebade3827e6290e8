package dev.switch101.io;

/**
 * How an upgraded connection is read after the engine paused reading for back-pressure, and
 * from which threads it can be closed. Containers differ where the Servlet API is silent, so the
 * engine has a strategy per container (see README, "Containers").
 */
public enum ReadResumption {

    /**
     * Tomcat: it reads the socket (to fill its own buffer) on its callback threads and keeps
     * watching the socket after every callback, so a read from any other thread races with it,
     * and a callback that returns with input left unread is called again at once. So the input
     * is read only in callbacks, and while the application has a backlog the callback thread
     * waits (parked, not spinning) until the application catches up — what Tomcat's own
     * WebSocket implementation does when an endpoint blocks. Tomcat also closes an upgraded
     * socket only when one of its callbacks returns, so a close asked for elsewhere wakes a
     * parked callback and has Tomcat dispatch one ({@link UpgradedConnection}).
     */
    PARK_CALLBACK_THREAD,

    /**
     * Undertow (WildFly): it stops watching the socket while input it buffered is unread, and
     * only a read brings it back; its stream is not safe to read beside its I/O thread. So
     * reading resumes as a task on the connection's own I/O thread.
     */
    CONTAINER_IO_THREAD,

    /** Any other container: read again on the application thread that resumes; close from any thread. */
    APPLICATION_THREAD;

    /** Whether closing the connection takes effect only inside the container's callbacks. */
    boolean closesOnlyInCallbacks() {
        return this == PARK_CALLBACK_THREAD;
    }

    /**
     * The strategy for a container, from its {@code ServletContext.getServerInfo()}; a
     * configured value ({@code park}, {@code io-thread} or {@code thread}) wins.
     */
    public static ReadResumption forContainer(String serverInfo, String configured) {
        if (configured != null && !configured.isBlank()) {
            return switch (configured.trim()) {
                case "park" -> PARK_CALLBACK_THREAD;
                case "io-thread" -> CONTAINER_IO_THREAD;
                case "thread" -> APPLICATION_THREAD;
                default -> throw new IllegalArgumentException(
                        "dev.switch101.readResumption must be 'park', 'io-thread' or 'thread', not " + configured);
            };
        }
        if (serverInfo == null) {
            return APPLICATION_THREAD;
        }
        if (serverInfo.startsWith("Apache Tomcat")) {
            return PARK_CALLBACK_THREAD;
        }
        return serverInfo.startsWith("Undertow") || serverInfo.startsWith("WildFly") ? CONTAINER_IO_THREAD
                : APPLICATION_THREAD;
    }
}
