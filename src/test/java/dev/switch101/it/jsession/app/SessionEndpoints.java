package dev.switch101.it.jsession.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
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
}
