package dev.switch101.it.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * What the annotated examples promise, checked with the JDK client against a deployment at
 * {@link #base()}: {@code ExamplesIT} runs them on Switch101 in the containers,
 * {@code ExamplesOnTyrusTest} on Tyrus' own server as the reference.
 */
public abstract class ExamplesChecks {

    /** @return the application's URL, ending in '/' */
    protected abstract URL base();

    private URI ws(String path) {
        URL base = base();
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + base.getPath() + path);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The seed chapter's subprotocols: chat is plain lines, superchat JSON with sender and timestamp. */
    @Test
    public void membersChatInTheirOwnSubprotocolAndSeeJoinsAndLeaves() throws Exception {
        String room = "room" + System.nanoTime();
        TextClient alice = TextClient.connect(ws("chat/" + room + "?name=alice"), List.of("superchat"));
        assertEquals("superchat", alice.socket.getSubprotocol());
        JsonObject joined = json(alice.next());
        assertEquals("join", joined.getString("type"));
        assertEquals("alice", joined.getString("sender"));
        assertEquals(room, joined.getString("room"));

        TextClient bob = TextClient.connect(ws("chat/" + room + "?name=bob"), List.of("chat"));
        assertEquals("chat", bob.socket.getSubprotocol());
        assertEquals("* bob joined " + room, bob.next());
        assertEquals("bob", json(alice.next()).getString("sender"));

        bob.send("hi \"alice\"");
        assertEquals("bob: hi \"alice\"", bob.next());
        JsonObject message = json(alice.next());
        assertEquals("message", message.getString("type"));
        assertEquals("bob", message.getString("sender"));
        assertEquals("hi \"alice\"", message.getString("text"));
        Instant.parse(message.getString("timestamp"));

        assertTrue(alice.close().startsWith("1000"));
        assertEquals("* alice left " + room, bob.next());
        assertTrue(bob.close().startsWith("1000"));
    }

    @Test
    public void slashChatIsTheLobby() throws Exception {
        TextClient viaLobbyPath = TextClient.connect(ws("chat/lobby?name=one"), List.of("chat"));
        // In the room once its own join comes back (the server's onOpen may run after the 101).
        viaLobbyPath.nextContaining("one joined");
        TextClient viaChat = TextClient.connect(ws("chat?name=two"), List.of("chat"));
        assertEquals("* two joined lobby", viaLobbyPath.nextContaining("two joined"));
        viaChat.close();
        viaLobbyPath.close();
    }

    @Test
    public void aRoomNameThatIsNotAllowedIsRefusedWith1008() throws Exception {
        TextClient client = TextClient.connect(ws("chat/" + "x".repeat(33)), List.of("chat"));
        client.resume();
        String close = client.closed.get(10, TimeUnit.SECONDS);
        assertTrue(close.startsWith("1008 room names are"), close);
    }

    /**
     * A member that reads nothing while the room is busy is disconnected with 1008 and the
     * reason, once its queue overflows; the sender gets every one of its own messages back
     * meanwhile (the room is not held up).
     */
    @Test
    public void aMemberThatCannotKeepUpIsDisconnectedWith1008AndTheRoomGoesOn() throws Exception {
        String room = "slow" + System.nanoTime();
        TextClient busy = TextClient.connect(ws("chat/" + room + "?name=busy"), List.of("chat"));
        busy.nextContaining("busy joined");
        TextClient slow = TextClient.connect(ws("chat/" + room + "?name=slow"), List.of("chat"), true);
        busy.nextContaining("slow joined");
        String line = "x".repeat(4000);
        int count = 8000; // 32 MB: more than socket buffers and the slow member's queue can hold
        int batch = 16; // the busy member reads its room as a chat client does: its own echoes come back between batches
        int echoed = 0;
        for (int i = 0; i < count; i++) {
            // One send at a time (the JDK client refuses a send while one is pending).
            try {
                busy.socket.sendText(i + " " + line, true).get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("the busy member's send " + i + " failed; its connection: "
                        + (busy.closed.isDone() ? "closed " + busy.closed.getNow("?") : "open") + "; the slow one's: "
                        + (slow.closed.isDone() ? "closed " + slow.closed.getNow("?") : "open"), e);
            }
            if (i % batch == batch - 1 || i == count - 1) {
                while (echoed <= i) {
                    String got = busy.next();
                    if (got.startsWith("busy: ")) {
                        assertTrue(got.startsWith("busy: " + echoed + " "), "in order: expected " + echoed + ", got " + got.substring(0, 20));
                        echoed++;
                    }
                }
            }
        }
        slow.resume();
        String close = slow.closed.get(30, TimeUnit.SECONDS);
        assertEquals("1008 too slow: more than 64 messages waiting", close);
        assertEquals("* slow left " + room, busy.nextContaining("slow left"));
        busy.close();
    }

    @Test
    public void tickerSubscribesPushesTicksAndUnsubscribes() throws Exception {
        TextClient client = TextClient.connect(ws("ticker"), List.of());
        JsonObject first = json(client.next());
        assertEquals("subscriptions", first.getString("type"));
        assertEquals(List.of(), first.getJsonArray("subscribed"));
        assertTrue(first.getJsonArray("available").getString(0).equals("ACME"), first.toString());

        client.send("{\"action\":\"subscribe\",\"symbol\":\"ACME\"}");
        assertEquals("[\"ACME\"]", json(client.nextContaining("subscriptions")).getJsonArray("subscribed").toString());
        JsonObject tick = json(client.nextContaining("\"tick\""));
        assertEquals("ACME", tick.getString("symbol"));
        assertTrue(tick.getJsonNumber("price").bigDecimalValue().signum() > 0);

        client.send("not a command");
        assertTrue(json(client.nextContaining("\"error\"")).getString("message").startsWith("not JSON"));

        client.send("{\"action\":\"unsubscribe\",\"symbol\":\"ACME\"}");
        assertEquals("[]", json(client.nextContaining("subscriptions")).getJsonArray("subscribed").toString());
        assertTrue(client.close().startsWith("1000"));
    }

    @Test
    public void inspectReportsTheHandshakeAsTheServerSawIt() throws Exception {
        TextClient client = TextClient.connect(ws("inspect?x=1"), List.of("v2.chat", "superchat", "chat"));
        assertEquals("superchat", client.socket.getSubprotocol(), "the client's first the endpoint supports");
        JsonObject report = json(client.next());
        JsonObject request = report.getJsonObject("request");
        assertTrue(request.getString("line").matches("GET /[^ ]*inspect\\?x=1 HTTP/1\\.1"), request.getString("line"));
        assertEquals("examples", request.getJsonObject("headers").getJsonArray(headerName(request, "x-switch101-probe")).getString(0));
        assertFalse(request.getJsonObject("headers").getJsonArray(headerName(request, "sec-websocket-key")).isEmpty());
        assertEquals(101, report.getJsonObject("response").getInt("status"));
        assertEquals("superchat", report.getString("subprotocol"));
        assertFalse(report.getJsonObject("engine").getString("container").isEmpty());
        client.send("again");
        assertEquals(report, json(client.next()), "the same report again");
        assertTrue(client.close().startsWith("1000"));
    }

    private static String headerName(JsonObject request, String lowerCase) {
        return request.getJsonObject("headers").keySet().stream().filter(n -> n.equalsIgnoreCase(lowerCase)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + lowerCase + " in " + request));
    }

    @Test
    public void theProgrammaticEndpointReversesText() throws Exception {
        TextClient client = TextClient.connect(ws("reverse"), List.of());
        client.send("añ😀");
        assertEquals("😀ña", client.next());
        assertTrue(client.close().startsWith("1000"));
    }
}
