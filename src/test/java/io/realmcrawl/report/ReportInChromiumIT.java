package io.realmcrawl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report rendered by a real browser (Debian's headless Chromium): its script ran and every
 * chart drew SVG with sized shapes. The screenshot stays in target/ for a person to look at.
 */
class ReportInChromiumIT {
    private static final Path ARTIFACTS = Path.of(System.getProperty("rc.build", "target"), "report-it");

    @TempDir
    static Path tmp;

    private static ReportFixture fixture;
    private static Path page;
    private static Document dom;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Chromium.unavailable().isEmpty(), () -> "skipped: " + Chromium.unavailable().get());
        fixture = ReportFixture.crawled(tmp);
        Files.createDirectories(ARTIFACTS);
        page = fixture.report(ARTIFACTS.resolve("report.html"));
        dom = Jsoup.parse(new Chromium(ARTIFACTS).dumpDom(page));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void theScriptRanToItsEnd() {
        assertEquals("true", dom.body().attr("data-rendered"), "the page script did not finish");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chart-outcomes", "chart-realms", "chart-statuses", "chart-throughput", "chart-changes",
        "chart-slowest", "chart-errors"})
    void everyChartDrewSizedShapes(String id) {
        Element chart = dom.getElementById(id);
        assertEquals("true", chart.attr("data-drawn"), id + " was not drawn");
        int items = Integer.parseInt(chart.attr("data-items"));
        assertTrue(items > 0, id + " drew no items");
        var shapes = chart.select("svg rect[width][height]");
        assertTrue(shapes.size() >= items, id + ": " + shapes.size() + " shapes for " + items + " items");
        for (Element rect : shapes) {
            assertTrue(Double.parseDouble(rect.attr("width")) > 0 && Double.parseDouble(rect.attr("height")) > 0,
                    id + " has an empty shape: " + rect);
        }
    }

    @Test
    void theRunHistoryAndErrorTablesAreFilled() {
        assertEquals(2, dom.select("#table-runs tbody tr").size());
        assertEquals("1", dom.getElementById("table-errors").attr("data-rows"));
        assertTrue(dom.select("#table-errors tbody td").text().contains("HTTP 404"));
    }

    @Test
    void aScreenshotIsKeptAsAnArtifact() throws Exception {
        Path png = ARTIFACTS.resolve("report.png");
        Files.deleteIfExists(png);
        new Chromium(ARTIFACTS).screenshot(page, png, 1200, 1700);
        assertTrue(Files.size(png) > 10_000, "a page with charts makes a PNG of some size: " + Files.size(png));
    }
}
