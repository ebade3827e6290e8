package dev.switch101.bench.load;

/** The server did something a correct WebSocket echo never does: the row's figures are void. */
public final class BenchFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
