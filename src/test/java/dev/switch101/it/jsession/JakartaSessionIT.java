package dev.switch101.it.jsession;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.jsession.app.JakartaSessionApp;
import dev.switch101.it.support.Switch101War;

/**
 * The session side of Jakarta WebSocket 2.1 on the engine, in a real container, with the JDK
 * client: programmatic endpoints (the public API only) registered through the engine API with
 * {@code EndpointFrameHandler}.
 */
@ExtendWith(ArquillianExtension.class)
class JakartaSessionIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Switch101War.create().addPackage(JakartaSessionApp.class.getPackage());
    }

    @ArquillianResource
    private URL base;

    private URI uri(String path) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath().replaceAll("/$", "") + path);
    }

    private static String text(int chars, long seed) {
        Random random = new Random(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyz é€😀";
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            int i = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(i))) {
                if (text.length() + 2 > chars) {
                    continue;
                }
                text.append(alphabet, i, i + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(i))) {
                text.append(alphabet.charAt(i));
            }
        }
        return text.toString();
    }

    @Test
    void sessionIsOursAndDescribesTheRequest() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/echo?a=1&a=2"))) {
            client.sendText("info", true);
            assertEquals("info:dev.switch101.jakarta.session.JakartaSession|13|a=1&a=2|[1, 2]|ws|1", client.nextText());
        }
    }

    @Test
    void wholeTextAndBinaryEchoUpToOneMebibyte() throws Exception {
        long seed = System.nanoTime();
        System.out.println("JakartaSessionIT seed " + seed);
        try (JdkClient client = JdkClient.connect(uri("/jsession/echo"))) {
            client.sendText("héllo ✓", true);
            assertEquals("héllo ✓", client.nextText());
            // Multi-byte characters fall on the engine's part boundaries (16 KiB reads).
            String big = text(1 << 20, seed);
            client.sendText(big, true);
            assertEquals(big, client.nextText(), "seed " + seed);
            byte[] bytes = new byte[1 << 20];
            new Random(seed).nextBytes(bytes);
            client.sendBinary(bytes);
            assertArrayEquals(bytes, (byte[]) client.next(), "seed " + seed);
            client.sendText("", true);
            assertEquals("", client.nextText());
        }
    }

    @Test
    void handlerExceptionGoesToOnErrorAndTheConnectionStaysOpen() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/echo"))) {
            client.sendText("throw", true);
            assertEquals("onError:IllegalStateException:thrown on purpose", client.nextText());
            client.sendText("still here", true);
            assertEquals("still here", client.nextText());
        }
    }

    @Test
    void readerGetsTheMessageWhileItArrives() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/streams"))) {
            client.sendText("x€", false);
            // The rest is held back until the handler has read the first character: a handler
            // that got the message only once whole could never answer this.
            assertEquals("first:x", client.nextText());
            String rest = text(300_000, 7);
            client.sendText(rest, true);
            assertEquals("chars:" + (2 + rest.length()), client.nextText());
        }
    }

    @Test
    void inputStreamReadsALargeBinaryMessage() throws Exception {
        byte[] bytes = new byte[3 << 20]; // over the 2 MiB buffer size: a stream is not limited by it
        new Random(11).nextBytes(bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        try (JdkClient client = JdkClient.connect(uri("/jsession/streams"))) {
            client.sendBinary(bytes);
            assertEquals("bytes:" + bytes.length + ":" + sha, client.nextText());
        }
    }

    @Test
    void decoderDecodesAndADecodeExceptionGoesToOnError() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/points"))) {
            client.sendText("3,4", true);
            assertEquals("sum:7", client.nextText());
            client.sendText("not a point", true); // willDecode says no, and no other decoder takes it
            assertTrue(client.nextText().startsWith("onError:DecodeException:"));
            client.sendText("x,4", true); // willDecode says yes, decode fails
            assertEquals("onError:DecodeException:Not a point", client.nextText());
            client.sendText("-1,1", true);
            assertEquals("sum:0", client.nextText());
        }
    }

    @Test
    void wholeTextOverTheBufferSizeClosesWith1009() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/small"))) {
            String fits = "é".repeat(1000); // 1000 characters, 2000 bytes: the size counts characters
            client.sendText(fits, true);
            assertEquals(fits, client.nextText());
            client.sendText("a".repeat(1001), true);
            assertEquals(1009, client.closeCode());
        }
    }

    @Test
    void asyncSendsCompleteTheirFutureAndHandlerInOrder() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/async"))) {
            for (int i = 0; i < 20; i++) {
                client.sendText("m" + i, true);
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("future:m" + i, client.nextText());
                assertEquals("handler:m" + i, client.nextText());
                assertEquals(String.valueOf(("m" + i).length()), client.nextText());
            }
        }
    }

    @Test
    void basicSendOverlappingAMessageInPartsIsAnIllegalStateException() throws Exception {
        // RemoteEndpoint.Basic Javadoc: a new message while one is being sent may throw IllegalStateException.
        try (JdkClient client = JdkClient.connect(uri("/jsession/rules"))) {
            client.sendText("partial", true);
            assertEquals("part1-part2", client.nextText());
            assertEquals("overlap:IllegalStateException", client.nextText());
        }
    }

    @Test
    void closeCodeThatMayNotBeSentIsAnIllegalArgumentException() throws Exception {
        // RFC 6455 §7.4.1: 1006 must not be sent in a close frame.
        try (JdkClient client = JdkClient.connect(uri("/jsession/rules"))) {
            client.sendText("close1006", true);
            assertEquals("close1006:IllegalArgumentException", client.nextText());
            client.sendText("open", true);
            assertEquals("open", client.nextText());
        }
    }

    @Test
    void sendWriterAndSendStreamSendOneWholeMessage() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/rules"))) {
            client.sendText("writer", true);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                expected.append("w€😀").append(i % 10);
            }
            assertEquals(expected.toString(), client.nextText());
            client.sendText("stream", true);
            byte[] bytes = (byte[]) client.next();
            assertEquals(100_000, bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                assertEquals((byte) i, bytes[i], "byte " + i);
            }
        }
    }

    @Test
    void idleTimeoutSetOnTheSessionClosesWith1001() throws Exception {
        try (JdkClient client = JdkClient.connect(uri("/jsession/rules?idle=1000"))) {
            client.sendText("hello", true);
            assertEquals("hello", client.nextText());
            assertEquals(1001, client.closeCode()); // engine default: 5 minutes; this test waits 30 s at most
        }
    }

    @Test
    void closedSessionIsToldOnceAndRefusesUse() throws Exception {
        String id;
        try (JdkClient first = JdkClient.connect(uri("/jsession/rules"))) {
            first.sendText("id", true);
            id = first.nextText().substring("id:".length());
            first.ws().sendClose(1000, "bye").get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1000, first.closeCode());
        }
        try (JdkClient second = JdkClient.connect(uri("/jsession/rules"))) {
            // The closed one is not open, its methods throw (Session Javadoc), onClose came once,
            // and it is not among the endpoint's open sessions.
            second.sendText("probe-closed:" + id, true);
            assertEquals("closed:false|IllegalStateException|1|false", second.nextText());
        }
    }
}
