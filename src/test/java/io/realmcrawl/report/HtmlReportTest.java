package io.realmcrawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's page: what data it carries and that it needs nothing from the network. */
class HtmlReportTest {
    private static final String DATA_START = "<script id=\"report-data\" type=\"application/json\">";

    @TempDir
    static Path tmp;

    private static ReportFixture fixture;
    private static String html;

    @BeforeAll
    static void crawlAndReport() throws Exception {
        fixture = ReportFixture.crawled(tmp);
        html = Files.readString(fixture.report(tmp.resolve("report.html")), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static JsonNode data(String page) throws Exception {
        int start = page.indexOf(DATA_START) + DATA_START.length();
        return new ObjectMapper().readTree(page.substring(start, page.indexOf("</script>", start)));
    }

    private static List<String> labels(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("label").asText() + "=" + i.get("value").asInt()));
        return out;
    }

    @Test
    void carriesTheOutcomesOfTheCurrentPass() throws Exception {
        List<String> outcomes = labels(data(html).get("outcomes"));
        assertTrue(outcomes.contains("changed=1"), outcomes.toString());
        assertTrue(outcomes.contains("removed=1"), outcomes.toString());
        assertTrue(outcomes.contains("failed=1"), outcomes.toString());
        assertTrue(outcomes.contains("redirect=1"), outcomes.toString());
    }

    @Test
    void countsPagesPerRealmAndPerStatus() throws Exception {
        JsonNode data = data(html);
        String realm = "http://127.0.0.1:" + fixture.site.port() + " realm \"Secret\"=1";
        assertTrue(labels(data.get("realms")).contains(realm), labels(data.get("realms")).toString());
        assertTrue(labels(data.get("realms")).stream().anyMatch(l -> l.startsWith("(no realm: open pages)=")));
        assertTrue(labels(data.get("statuses")).contains("HTTP 301=1"), labels(data.get("statuses")).toString());
        assertTrue(labels(data.get("statuses")).contains("HTTP 404=2"), labels(data.get("statuses")).toString());
    }

    @Test
    void listsTheSlowestPageFirstWithItsTime() throws Exception {
        JsonNode slowest = data(html).get("slowest").get(0);
        assertEquals(fixture.site.url("/docs/slow.html").toString(), slowest.get("url").asText());
        assertTrue(slowest.get("ms").asLong() >= ReportFixture.slowPage().toMillis(), slowest.toString());
    }

    @Test
    void listsErrorsWithTheirReasons() throws Exception {
        JsonNode error = data(html).get("errors").get(0);
        assertEquals(fixture.site.url("/docs/gone.html").toString(), error.get("url").asText());
        assertEquals(404, error.get("status").asInt());
        assertTrue(error.get("reason").asText().startsWith("HTTP 404"), error.toString());
    }

    @Test
    void carriesBothRunsOfTheHistoryAndTheThroughputBuckets() throws Exception {
        JsonNode data = data(html);
        assertEquals(2, data.get("runs").size());
        assertEquals(1, data.get("runs").get(1).get("changed").asInt());
        assertTrue(data.get("throughput").size() >= 1);
        assertTrue(data.get("throughput").get(0).get("label").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertEquals(List.of(fixture.site.url("/docs/a.html").toString()),
                List.of(data.get("changes").get("removed").get(0).asText()));
    }

    @Test
    void loadsNothingFromTheNetwork() {
        Matcher external = Pattern.compile("(?i)<link|\\ssrc\\s*=|@import|url\\(|fetch\\(|XMLHttpRequest|<iframe|<img")
                .matcher(html);
        assertFalse(external.find(), () -> "found " + external.group());
        assertTrue(html.contains("<style>") && html.contains("<script>"), "CSS and script are inline");
    }

    @Test
    void aUrlHoldingAClosingScriptTagCannotEndTheDataEarly() throws Exception {
        ObjectNode data = new ObjectMapper().createObjectNode().put("output", "x</script><script>alert(1)</script>");

        String page = HtmlReport.render(data);

        assertFalse(page.contains("x</script>"));
        assertEquals("x</script><script>alert(1)</script>", data(page).get("output").asText());
    }

    @Test
    void isWrittenWhileARunHoldsTheOutputFolder() throws Exception {
        try (io.realmcrawl.state.OutputLock lock = io.realmcrawl.state.OutputLock.acquire(fixture.output)) {
            Path during = fixture.report(tmp.resolve("during.html"));
            assertEquals(2, data(Files.readString(during)).get("runs").size());
        }
    }

    @Test
    void aFolderWithoutCrawlStateIsRefusedClearly() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HtmlReport.write(empty, empty.resolve("r.html")));
        assertTrue(e.getMessage().contains("holds no crawl state"), e.getMessage());
    }
}
