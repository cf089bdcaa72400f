package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The converted mirror in a real browser: the packaged jar crawls a protected site with
 * --convert-links, the site is shut down, and headless Chromium opens the mirror from file://.
 * The index page's own script reports what loaded (style sheets, an @import, background and
 * <img> images, including ones the site named by absolute URL) into the DOM, read back with
 * --dump-dom; the network log must show no request from a page. A screenshot is kept in
 * target/offline-mirror.png.
 */
class OfflineBrowserIT {
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path tmp;

    private static byte[] png(int width, int height, Color color) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String index(int port) {
        String abs = "http://127.0.0.1:" + port;
        return "<!DOCTYPE html><html><head><title>Handbook</title>"
                + "<link rel=\"stylesheet\" href=\"" + abs + "/site/css/site.css\"></head><body>"
                + "<h1>Handbook</h1><p class=\"print\">Printed in colour</p>"
                + "<img id=\"logo\" src=\"img/logo.png\" alt=\"logo\">"
                + "<img id=\"abs\" src=\"" + abs + "/site/img/wide.png\" alt=\"wide\">"
                + "<div id=\"banner\" style=\"height:20px;background-image:url('/site/img/banner.png')\"></div>"
                + "<p><a id=\"next\" href=\"" + abs + "/site/page.html\">next page</a></p>"
                + "<pre id=\"result\">pending</pre>"
                + "<script>\n"
                + "function loads(url) { return new Promise(function (ok) { var i = new Image();"
                + " i.onload = function () { ok(i.naturalWidth); }; i.onerror = function () { ok(0); }; i.src = url; }); }\n"
                + "window.addEventListener('load', function () {\n"
                + "  var banner = getComputedStyle(document.getElementById('banner')).backgroundImage;\n"
                + "  var sheet = getComputedStyle(document.body).backgroundImage;\n"
                + "  Promise.all([loads(banner.slice(5, -2)), loads(sheet.slice(5, -2))]).then(function (w) {\n"
                + "    document.getElementById('result').textContent = [\n"
                + "      'sheets=' + document.styleSheets.length,\n"
                + "      'bodyColor=' + getComputedStyle(document.body).color,\n"
                + "      'importColor=' + getComputedStyle(document.querySelector('p.print')).color,\n"
                + "      'logo=' + document.getElementById('logo').naturalWidth,\n"
                + "      'abs=' + document.getElementById('abs').naturalWidth,\n"
                + "      'banner=' + w[0] + ' ' + banner.slice(0, 13),\n"
                + "      'sheetImage=' + w[1] + ' ' + sheet.slice(0, 13),\n"
                + "      'next=' + document.getElementById('next').href\n"
                + "    ].join(';');\n"
                + "  });\n"
                + "});\n"
                + "</script></body></html>";
    }

    @Test
    void convertedMirrorLoadsInHeadlessChromiumWithNoRequestLeavingIt() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path out = tmp.resolve("mirror");
        int port;
        try (LoopbackSite site = LoopbackSite.builder()
                .page("/site/css/site.css", "text/css", ("@import \"print.css\";\n"
                        + "body { color: rgb(1, 2, 3); background: url(../img/tile.png) repeat-x; }\n")
                        .getBytes(StandardCharsets.UTF_8))
                .page("/site/css/print.css", "text/css", "p.print { color: rgb(4, 5, 6) }\n".getBytes(StandardCharsets.UTF_8))
                .page("/site/img/logo.png", "image/png", png(7, 5, Color.RED))
                .page("/site/img/wide.png", "image/png", png(33, 3, Color.BLUE))
                .page("/site/img/banner.png", "image/png", png(11, 20, Color.GREEN))
                .page("/site/img/tile.png", "image/png", png(13, 2, Color.ORANGE))
                .html("/site/page.html", "<p>second page</p><a href=\"./\">home</a>")
                .protect("/site/", "Handbook", "alice", PASSWORD).start()) {
            site.update("/site/", index(site.port()));
            port = site.port();
            Path passwordFile = tmp.resolve("pass");
            Files.writeString(passwordFile, PASSWORD + "\n");
            CrawlProcess crawl = CrawlProcess.start(tmp.resolve("logs"), List.of("crawl", site.url("/site/").toString(),
                    "--user", "alice", "--password-file", passwordFile.toString(), "-o", out.toString(),
                    "--convert-links"));
            assertEquals(0, crawl.exitCode(Duration.ofMinutes(2)), crawl.output());
        }
        Path index = out.resolve("127.0.0.1_" + port + "/site/index.html");
        Path target = Files.createDirectories(Path.of("target"));
        HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(target.resolve("chromium-it")));

        HeadlessChromium.Run run = chromium.dumpDom(index);
        String result = result(run.stdout());
        assertTrue(result.contains("sheets=1;"), result);
        assertTrue(result.contains("bodyColor=rgb(1, 2, 3);"), "site.css applied: " + result);
        assertTrue(result.contains("importColor=rgb(4, 5, 6);"), "print.css, @import-ed by site.css, applied: " + result);
        assertTrue(result.contains("logo=7;"), result);
        assertTrue(result.contains("abs=33;"), "an <img> the site named by absolute URL: " + result);
        assertTrue(result.contains("banner=11 url(\"file:///"), "a style attribute's url(): " + result);
        assertTrue(result.contains("sheetImage=13 url(\"file:///"), "a style sheet's url(): " + result);
        assertTrue(result.contains("next=file:///") && result.endsWith("/site/page.html"), result);
        List<String> requests = HeadlessChromium.pageRequests(run.netLog());
        assertEquals(List.of(), requests, "requests from the mirror's pages");
        String netLog = Files.readString(run.netLog());
        assertFalse(netLog.contains("127.0.0.1:" + port) || netLog.contains("localhost:" + port),
                "the browser never tried the site");

        Path screenshot = target.resolve("offline-mirror.png");
        Files.deleteIfExists(screenshot);
        chromium.screenshot(index, screenshot);
        BufferedImage shot = ImageIO.read(screenshot.toFile());
        assertEquals(1024, shot.getWidth(), "screenshot kept at " + screenshot.toAbsolutePath());
    }

    /** The text of {@code <pre id="result">} in a dumped DOM. */
    private static String result(String dom) {
        Matcher m = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        if (!m.find() || m.group(1).equals("pending")) {
            throw new AssertionError("the page's script did not report; DOM:\n" + dom);
        }
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }

}
