package dev.switch101.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.switch101.it.support.EchoLedger.Category;
import dev.switch101.it.support.EchoLedger.Expected;

/** The stress test's bookkeeping: what passes as an echo and how a wrong one is described. */
class EchoLedgerTest {

    private final EchoLedger ledger = new EchoLedger(() -> "test");

    @Test
    void anEchoInAnySlicesPassesAndAPongMayStandForEarlierPings() {
        MessageContent sent = sendAndProduce(200_000);
        byte[] echo = produce(sent.replay());
        ledger.onMessageStart(false);
        for (int at = 0; at < echo.length; at += 7_777) {
            ledger.onMessageData(echo, at, Math.min(7_777, echo.length - at));
        }
        ledger.onMessageEnd();
        ledger.pingSent(new byte[] {1});
        ledger.pingSent(new byte[] {2});
        ledger.onControl(PacedWebSocket.OP_PONG, new byte[] {2});
        ledger.expectClose(1000, "test");
        ledger.onControl(PacedWebSocket.OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
        assertNull(ledger.failure());
        assertEquals(1, ledger.echoed());
    }

    @Test
    void aWrongSliceIsTracedToWhereItComesFrom() {
        MessageContent sent = sendAndProduce(300_000);
        byte[] echo = produce(sent.replay());
        System.arraycopy(echo, 200_000, echo, 16_384, 16_384); // a later slice where an earlier one belongs
        ledger.onMessageStart(false);
        ledger.onMessageData(echo, 0, echo.length);
        assertEquals(Category.CORRUPTED_ECHO, ledger.category());
        assertTrue(ledger.failure().contains("differs from byte 16,384 on")
                && ledger.failure().contains("own bytes from offset(s) [200000]"), ledger.failure());
    }

    @Test
    void aCloseBeforeAnEchoIsAMissingEcho() {
        sendAndProduce(10);
        ledger.expectClose(1000, "close right behind");
        ledger.onControl(PacedWebSocket.OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
        assertEquals(Category.ECHO_MISSING_BEFORE_CLOSE, ledger.category());
    }

    private MessageContent sendAndProduce(int length) {
        MessageContent content = MessageContent.binary(length, 11);
        ledger.expect(new Expected(0, content, "test"));
        produce(content);
        return content;
    }

    private static byte[] produce(MessageContent content) {
        byte[] bytes = new byte[(int) content.length()];
        content.next(bytes, 0, bytes.length);
        return bytes;
    }
}
