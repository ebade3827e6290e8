package dev.switch101.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.switch101.fuzz.FuzzRun;
import dev.switch101.fuzz.HostileText;
import dev.switch101.http.HeaderTokens;

/**
 * Property fuzzing of {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1): on any input
 * {@link ExtensionOfferParser#parse} returns (never throws) and tells every skipped element;
 * what it returns writes back ({@link ExtensionOffer#toHeaderValue}) to text that parses to the
 * same offers; well-formed offer lists — token or quoted token values, any padding, any split over
 * header lines — parse to exactly their offers, in order.
 */
class ExtensionOfferFuzzTest {

    static final long INPUTS = 30_000;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void extensionGrammarHoldsItsProperties() {
        FuzzRun.run("Sec-WebSocket-Extensions", INPUTS, ExtensionOfferFuzzTest::checkOne);
    }

    static void checkOne(SplittableRandom random) {
        List<String> hostile = HostileText.anyLines(random);
        List<String> skipped = new ArrayList<>();
        List<ExtensionOffer> parsed = ExtensionOfferParser.parse(hostile, skipped::add);
        assertEquals(HeaderTokens.elements(hostile).size(), parsed.size() + skipped.size(), "every element is told");
        for (ExtensionOffer offer : parsed) {
            assertEquals(Optional.of(offer), ExtensionOfferParser.parseOffer(offer.toHeaderValue()), offer::toString);
        }

        List<ExtensionOffer> offers = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = HostileText.token(random);
            StringBuilder text = new StringBuilder(name);
            List<ExtensionParameter> parameters = new ArrayList<>();
            int parameterCount = random.nextInt(4);
            for (int j = 0; j < parameterCount; j++) {
                String parameterName = HostileText.token(random);
                text.append(HostileText.ows(random)).append(';').append(HostileText.ows(random)).append(parameterName);
                if (random.nextBoolean()) {
                    parameters.add(ExtensionParameter.of(parameterName));
                } else {
                    String value = HostileText.token(random);
                    parameters.add(ExtensionParameter.of(parameterName, value));
                    text.append(HostileText.ows(random)).append('=').append(HostileText.ows(random))
                            .append(random.nextBoolean() ? value : HeaderTokens.quote(value));
                }
            }
            offers.add(new ExtensionOffer(name, parameters));
            written.add(text.toString());
        }
        List<String> lines = HostileText.asHeaderLines(written, random);
        assertEquals(offers, ExtensionOfferParser.parse(lines), () -> "lines " + lines);
    }
}
