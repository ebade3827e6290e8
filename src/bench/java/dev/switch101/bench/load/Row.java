package dev.switch101.bench.load;

import java.util.List;
import java.util.Locale;

/**
 * One row of the benchmark table: what every connection sends, how many connections, how many
 * messages each keeps in flight, and how the result is counted.
 *
 * @param key         short name, for {@code -Dbench.rows}
 * @param label       the row as the table shows it
 * @param binary      binary messages (else text)
 * @param size        message size, bytes
 * @param connections connections at once
 * @param depth       messages in flight per connection (1: each waits for its echo)
 * @param deflate     offer permessage-deflate (n/a if the server does not accept it)
 * @param handshakes  the handshake row: connections opened, upgraded and closed, no messages
 * @param megabytes   count MB/s of echoed payload (else messages/s)
 */
public record Row(String key, String label, boolean binary, int size, int connections, int depth,
        boolean deflate, boolean handshakes, boolean megabytes) {

    /** Connections upgraded at once in the handshake row. */
    public static final int HANDSHAKE_CONCURRENCY = 50;

    /**
     * The rows of issue 13's table, in its order, plus permessage-deflate. The handshake row's
     * label names {@code -Dbench.handshakes} (the connections of one of its rounds).
     */
    public static List<Row> all() {
        return List.of(
                new Row("echo64", "echo 64 B text, 1 connection (msg/s)", false, 64, 1, 1, false, false, false),
                new Row("echo64x100", "echo 64 B text, 100 connections (msg/s)", false, 64, 100, 1, false, false, false),
                new Row("echo16k", "echo 16 KiB text, 10 connections (MB/s)", false, 16 << 10, 10, 1, false, false, true),
                new Row("pipelined", "32 pipelined 64 B text on 10 connections (msg/s)", false, 64, 10, 32, false, false,
                        false),
                new Row("echo1m", "echo 1 MiB binary, 4 connections (MB/s)", true, 1 << 20, 4, 1, false, false, true),
                new Row("handshakes", String.format(Locale.ROOT, "handshakes/s, %,d connections a round, %d at a "
                        + "time, each closed", Integer.getInteger("bench.handshakes", 10_000), HANDSHAKE_CONCURRENCY),
                        false, 0, HANDSHAKE_CONCURRENCY, 0, false, true, false),
                new Row("deflate", "permessage-deflate: echo 16 KiB JSON text, 10 connections (MB/s)", false, 16 << 10, 10,
                        1, true, false, true));
    }

    /** The rows named in a comma-separated list ("all" for every row). */
    public static List<Row> select(String keys) {
        if (keys == null || keys.isBlank() || keys.equals("all")) {
            return all();
        }
        List<String> wanted = List.of(keys.split("\\s*,\\s*"));
        List<Row> rows = all().stream().filter(r -> wanted.contains(r.key)).toList();
        if (rows.size() != wanted.size()) {
            throw new IllegalArgumentException("unknown row in " + keys + "; rows are "
                    + all().stream().map(Row::key).toList());
        }
        return rows;
    }
}
