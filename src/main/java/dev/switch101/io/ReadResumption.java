package dev.switch101.io;

/**
 * How reading restarts after the engine paused it for back-pressure. Containers differ in
 * what their non-blocking input allows off their own threads, and the Servlet API does not
 * say, so the engine has a strategy per container (see README, "Containers").
 */
public enum ReadResumption {

    /**
     * Read again on the application thread that resumes. For containers that stop watching the
     * socket while the reader is paused (Undertow/WildFly), so nothing else reads meanwhile.
     */
    ON_APPLICATION_THREAD,

    /**
     * Never read outside the container's own callbacks; to be sure one comes, send the peer a
     * ping, whose pong arrives as input. For containers that go on watching the socket and may
     * read from it on their own thread at any time (Tomcat), where a read from another thread
     * would race with theirs.
     */
    SOLICIT_INPUT;

    /**
     * The strategy for a container, from its {@code ServletContext.getServerInfo()}; a
     * configured value ({@code thread} or {@code solicit}) wins.
     */
    public static ReadResumption forContainer(String serverInfo, String configured) {
        if (configured != null && !configured.isBlank()) {
            return switch (configured.trim()) {
                case "thread" -> ON_APPLICATION_THREAD;
                case "solicit" -> SOLICIT_INPUT;
                default -> throw new IllegalArgumentException(
                        "dev.switch101.readResumption must be 'thread' or 'solicit', not " + configured);
            };
        }
        return serverInfo != null && serverInfo.startsWith("Apache Tomcat") ? SOLICIT_INPUT : ON_APPLICATION_THREAD;
    }
}
