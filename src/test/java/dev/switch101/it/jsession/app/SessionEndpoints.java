package dev.switch101.it.jsession.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/** The programmatic endpoints {@code JakartaSessionIT} talks to, each written against the public API only. */
public final class SessionEndpoints {

    private SessionEndpoints() {
    }

    /** Tells the client about an exception the session routed to onError. */
    private abstract static class Reporting extends Endpoint {
        @Override
        public void onError(Session session, Throwable thr) {
            try {
                session.getBasicRemote().sendText("onError:" + thr.getClass().getSimpleName() + ":" + thr.getMessage());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Echoes text and binary through the Basic remote; "throw" throws; "info" describes the session. */
    public static final class Echo extends Reporting {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String text) {
                    try {
                        if (text.equals("throw")) {
                            throw new IllegalStateException("thrown on purpose");
                        } else if (text.equals("info")) {
                            session.getBasicRemote().sendText("info:" + session.getClass().getName() + "|"
                                    + session.getProtocolVersion() + "|" + session.getQueryString() + "|"
                                    + session.getRequestParameterMap().get("a") + "|"
                                    + session.getRequestURI().getScheme() + "|" + session.getOpenSessions().size());
                        } else {
                            session.getBasicRemote().sendText(text);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            session.addMessageHandler(ByteBuffer.class, data -> {
                try {
                    session.getBasicRemote().sendBinary(data);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * Reads text with a Reader and binary with an InputStream. The Reader tells the client its
     * first character before reading on, so the client can hold the rest of the message back
     * until then: only a handler that gets data as it arrives can answer.
     */
    public static final class Streams extends Reporting {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(Reader.class, reader -> {
                try {
                    int first = reader.read();
                    session.getBasicRemote().sendText("first:" + (char) first);
                    long chars = 1;
                    char[] buffer = new char[8192];
                    for (int n; (n = reader.read(buffer)) >= 0;) {
                        chars += n;
                    }
                    session.getBasicRemote().sendText("chars:" + chars);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            session.addMessageHandler(InputStream.class, in -> {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    long bytes = 0;
                    byte[] buffer = new byte[8192];
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        sha.update(buffer, 0, n);
                        bytes += n;
                    }
                    session.getBasicRemote().sendText("bytes:" + bytes + ":" + HexFormat.of().formatHex(sha.digest()));
                } catch (IOException | NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** A point "x,y". */
    public record Point(int x, int y) {
    }

    /** Decodes "x,y" (and says it will not decode anything else). */
    public static final class PointDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            String[] parts = s.split(",");
            try {
                return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new DecodeException(s, "Not a point", e);
            }
        }

        @Override
        public boolean willDecode(String s) {
            return s.contains(",");
        }
    }

    /** Adds up decoded points; a message the decoder refuses reaches onError as a DecodeException. */
    public static final class Points extends Reporting {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(Point.class, point -> {
                try {
                    session.getBasicRemote().sendText("sum:" + (point.x() + point.y()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Whole text messages up to 1000 characters; longer ones close the session with 1009. */
    public static final class SmallBuffer extends Reporting {
        static final int MAX = 1000;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(MAX);
            session.addMessageHandler(String.class, text -> session.getAsyncRemote().sendText(text));
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            // Nothing to do: the client sees the code.
        }
    }

    /**
     * Answers each text through the Async remote: a Future, then a SendHandler, then sendObject
     * from inside the SendHandler — waiting for each, so the answers to one message come before
     * those to the next.
     */
    public static final class Async extends Reporting {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, text -> {
                try {
                    session.getAsyncRemote().sendText("future:" + text).get(30, TimeUnit.SECONDS);
                    CompletableFuture<Future<Void>> object = new CompletableFuture<>();
                    session.getAsyncRemote().sendText("handler:" + text, (SendResult result) -> object.complete(
                            result.isOK() ? session.getAsyncRemote().sendObject(text.length())
                                    : CompletableFuture.failedFuture(result.getException())));
                    object.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * The session's rules: a Basic send overlapping a message in parts, a close code that may
     * not be sent, the idle timeout ({@code ?idle=millis}), send streams, and what is left of a
     * closed session.
     */
    public static final class Rules extends Reporting {
        /** Sessions whose onClose came, by id, and how many times it came. */
        static final Map<String, Session> CLOSED = new ConcurrentHashMap<>();
        static final Map<String, AtomicInteger> CLOSES = new ConcurrentHashMap<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            List<String> idle = session.getRequestParameterMap().get("idle");
            if (idle != null) {
                session.setMaxIdleTimeout(Long.parseLong(idle.get(0)));
            }
            session.addMessageHandler(String.class, text -> {
                try {
                    answer(session, text);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private static void answer(Session session, String text) throws IOException {
            RemoteEndpoint.Basic basic = session.getBasicRemote();
            if (text.startsWith("probe-closed:")) {
                probeClosed(session, text.substring("probe-closed:".length()));
                return;
            }
            switch (text) {
                case "id" -> basic.sendText("id:" + session.getId());
                case "partial" -> {
                    basic.sendText("part1-", false);
                    String overlap;
                    try {
                        basic.sendText("whole");
                        overlap = "sent";
                    } catch (IllegalStateException e) {
                        overlap = "IllegalStateException";
                    }
                    basic.sendText("part2", true);
                    basic.sendText("overlap:" + overlap);
                }
                case "close1006" -> {
                    try {
                        session.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "no"));
                        basic.sendText("close1006:accepted");
                    } catch (IllegalArgumentException e) {
                        basic.sendText("close1006:IllegalArgumentException");
                    }
                }
                case "writer" -> {
                    try (Writer writer = basic.getSendWriter()) {
                        for (int i = 0; i < 10_000; i++) {
                            writer.write("w€😀" + (i % 10));
                        }
                    }
                }
                case "stream" -> {
                    try (OutputStream out = basic.getSendStream()) {
                        for (int i = 0; i < 100_000; i++) {
                            out.write(i);
                        }
                    }
                }
                default -> basic.sendText(text);
            }
        }

        /** Describes the closed session {@code id}, once its onClose has come (waiting 10 s at most). */
        private static void probeClosed(Session session, String id) throws IOException {
            Session closed = null;
            for (int i = 0; i < 1000 && closed == null; i++) {
                closed = CLOSED.get(id);
                if (closed == null) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
            }
            if (closed == null) {
                session.getBasicRemote().sendText("closed:never");
                return;
            }
            String properties;
            try {
                closed.getUserProperties();
                properties = "readable";
            } catch (IllegalStateException e) {
                properties = "IllegalStateException";
            }
            session.getBasicRemote().sendText("closed:" + closed.isOpen() + "|" + properties + "|"
                    + CLOSES.get(id).get() + "|" + session.getOpenSessions().contains(closed));
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            session.getUserProperties().put("closed", closeReason); // still usable during onClose
            CLOSES.computeIfAbsent(session.getId(), id -> new AtomicInteger()).incrementAndGet();
            CLOSED.put(session.getId(), session);
        }
    }
}
