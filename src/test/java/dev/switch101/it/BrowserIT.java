package dev.switch101.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.switch101.it.support.ClientProcess;
import dev.switch101.it.support.DeployedTarget;
import dev.switch101.it.support.JakartaExamples;
import dev.switch101.it.support.TargetContainer;

/**
 * Headless Chromium uses the page itself ({@code src/test/clients/browser-page.mjs}, Playwright
 * driving Debian's {@code /usr/bin/chromium}): every check runs through the page's own controls
 * and what it displays. Screenshots go to {@code target/screenshots/<container>/}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserIT extends DeployedTarget {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Echo (text, 1 MiB binary), subprotocols, clean closes, the raw 101 and accept key, 426/403/404/400, phone width. */
    @Test
    void pageEchoesInspectsAndShowsFailedHandshakesInChromium() {
        ClientProcess.requireChromiumAndPlaywright();
        ClientProcess.assertSucceeds(List.of("node", script(), base().toString(), screenshots()), TIMEOUT);
    }

    /** Chat between two tabs (chat and superchat), the /inspect report, the ticker: the annotated examples. */
    @Test
    void twoTabsChatAndTheInspectorShowsTheServersView() {
        assumeTrue(JakartaExamples.deployable(), JakartaExamples.NOT_YET);
        ClientProcess.requireChromiumAndPlaywright();
        ClientProcess.assertSucceeds(List.of("node", script(), base().toString(), screenshots(), "--api"), TIMEOUT);
    }

    private static String script() {
        return ClientProcess.CLIENTS.resolve("browser-page.mjs").toString();
    }

    private static String screenshots() {
        return Path.of("target", "screenshots", TargetContainer.qualifier()).toString();
    }
}
