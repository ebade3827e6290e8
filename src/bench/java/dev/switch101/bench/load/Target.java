package dev.switch101.bench.load;

/** Where an echo endpoint listens: {@code ws://host:port/path}. */
public record Target(String host, int port, String path) {

    /** Parses {@code ws://host:port/path}. */
    public static Target parse(String uri) {
        java.net.URI u = java.net.URI.create(uri);
        if (!"ws".equals(u.getScheme()) || u.getPort() < 0) {
            throw new IllegalArgumentException("expected ws://host:port/path, got " + uri);
        }
        return new Target(u.getHost(), u.getPort(), u.getRawPath());
    }

    @Override
    public String toString() {
        return "ws://" + host + ":" + port + path;
    }
}
