package dev.switch101.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;
import dev.switch101.fuzz.HostileText;
import dev.switch101.http.HeaderTokens;

/**
 * Property fuzzing of the {@code Upgrade} and {@code Connection} grammar (RFC 9110 §7.8, §7.6.1):
 * on any input {@link ProtocolToken#offers} and the request-line version checks return (never
 * throw), every offer is {@code token ["/" token]}, a version is HTTP/1.1 only when it reads
 * {@code HTTP/1.} and ASCII digits; well-formed offer lists round-trip in order.
 */
class UpgradeTokensFuzzTest {

    static final long INPUTS = 30_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void upgradeGrammarHoldsItsProperties() {
        FuzzRun.run("Upgrade/Connection", INPUTS, UpgradeTokensFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        List<String> hostile = HostileText.anyLines(random);
        for (ProtocolToken offer : ProtocolToken.offers(hostile)) {
            assertTrue(HeaderTokens.isToken(offer.name()), offer::toString);
            assertEquals(offer, ProtocolToken.parse(offer.toString()), "re-parsing " + offer);
        }
        String line = random.nextInt(4) == 0 ? "HTTP/1." + HostileText.any(random, 3) : hostile.get(0);
        if (UpgradeRequests.isHttp11(line)) {
            assertTrue(line.matches("(?i)HTTP/1\\.[0-9]{1,3}") && Integer.parseInt(line.substring(7)) >= 1, line);
        }
        UpgradeRequests.isHttp2OrLater(line);

        List<ProtocolToken> offers = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            ProtocolToken token = new ProtocolToken(HostileText.token(random).replace("/", ""),
                    random.nextBoolean() ? null : HostileText.token(random));
            offers.add(token);
            written.add(token.toString());
        }
        assertEquals(offers, ProtocolToken.offers(HostileText.asHeaderLines(written, random)));
    }
}
