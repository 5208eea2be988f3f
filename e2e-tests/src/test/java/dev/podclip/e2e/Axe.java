package dev.podclip.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core run inside the page under test. Its script comes from the axe-core WebJar on the test classpath (Maven
 * resolves it like any dependency), and WebDriver injects it, so the pages' Content-Security-Policy needs no change
 * and nothing is downloaded while the tests run.
 */
final class Axe {

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    /** The impacts that fail a page; moderate and minor ones are reported by axe but left to review. */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private static String source;

    private Axe() {
    }

    /** The version of axe-core on the classpath, from the WebJar's own Maven metadata. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = resource(POM_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = resource(WEBJAR + version() + "/axe.min.js")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the test classpath (the axe-core WebJar)");
        }
        return in;
    }

    /**
     * The page's violations of serious or critical impact, one line each: rule, impact, what it asks and the
     * elements that break it. Empty when the page passes.
     */
    static List<String> seriousViolations(Browser browser) {
        // axe preloads the page's media by default and waits up to 10 s for media that is not loaded (the share
        // page's video is preload="none"): three runs of FrontDoorBrowserIT took 10.2 s each against 0.2-0.5 s.
        // Only no-autoplay-audio needs the media, and no page autoplays; the style sheets are still preloaded.
        browser.driver.manage().timeouts().scriptTimeout(RUN_TIMEOUT);
        browser.driver.executeScript(source());
        Object result = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations'], preload: {assets: ['cssom']}}).then(function (r) {"
                + "  done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify({error: String(e)})); });");
        JsonNode violations;
        try {
            violations = Api.JSON.readTree(String.valueOf(result));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations.isArray()).as("axe.run failed: %s", result).isTrue();
        List<String> lines = new ArrayList<>();
        for (JsonNode v : violations) {
            if (!FAILING_IMPACTS.contains(v.path("impact").asText())) {
                continue;
            }
            StringBuilder line = new StringBuilder(v.path("id").asText()).append(" (").append(v.path("impact").asText())
                    .append("): ").append(v.path("help").asText());
            for (JsonNode node : v.path("nodes")) {
                line.append("\n    ").append(node.path("target")).append(": ")
                        .append(node.path("failureSummary").asText().replace('\n', ' '));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Fails with axe's findings when the page has a serious or critical violation. */
    static void assertNoSeriousViolations(Browser browser, String page) {
        List<String> found = seriousViolations(browser);
        assertThat(found).as("axe-core %s on %s (%s): serious or critical violations", version(), page,
                browser.driver.getCurrentUrl()).isEmpty();
    }
}
