package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --warc, --warc-max-size, --convert-links, --sitemap and --checksum on the command line. */
class ArchiveCliTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(err, true), args);
    }

    @Test
    void archiveFlagsWriteTheWarcSeriesConvertLinksAndFeedTheSitemap() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>")
                .html("/docs/a.html", "A").html("/docs/b.html", "B").start()) {
            site.route("/sitemap.xml", ex -> LoopbackSite.send(ex, 200, "application/xml",
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + site.url("/docs/b.html")
                            + "</loc></url></urlset>"));
            Path out = tmp.resolve("out");
            int code = run("crawl", site.url("/docs/").toString(), "-o", out.toString(), "--warc",
                    tmp.resolve("w/site.warc.gz").toString(), "--warc-max-size", "1KB", "--convert-links",
                    "--sitemap", site.url("/sitemap.xml").toString());
            assertEquals(0, code, err.toString());
            assertTrue(Files.exists(tmp.resolve("w/site-00000.warc.gz")));
            assertTrue(Files.exists(tmp.resolve("w/site-00000.cdxj")));
            assertTrue(Files.exists(tmp.resolve("w/site-00001.warc.gz")), "rolled over past 1KB");
            String index = Files.readString(out.resolve("127.0.0.1_" + site.port() + "/docs/index.html"));
            assertTrue(index.contains("href=\"a.html\""), index);
            assertEquals(1, site.okCount("/docs/b.html"), "from the sitemap");
        }
    }

    @Test
    void checksumFlagPutsSha256InTheManifestAndCrc32cIsTheDefault() throws Exception {
        try (LoopbackSite site = LoopbackSite.builder().html("/docs/", "D").start()) {
            Path sha = tmp.resolve("sha");
            Path crc = tmp.resolve("crc");

            assertEquals(0, run("crawl", site.url("/docs/").toString(), "-o", sha.toString(), "--checksum", "sha256"),
                    err.toString());
            assertEquals(0, run("crawl", site.url("/docs/").toString(), "-o", crc.toString()), err.toString());

            String withSha = Files.readString(sha.resolve("manifest.jsonl"));
            assertTrue(withSha.matches("(?s).*\"sha256\":\"[0-9a-f]{64}\".*") && !withSha.contains("crc32c"), withSha);
            String byDefault = Files.readString(crc.resolve("manifest.jsonl"));
            assertTrue(byDefault.matches("(?s).*\"crc32c\":\"[0-9a-f]{8}\".*") && !byDefault.contains("sha256"),
                    byDefault);
        }
    }

    @Test
    void checksumHelpSaysWhatSha256CostsAndFormatsCleanly() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        String usage;
        try {
            System.setErr(new java.io.PrintStream(warnings, true));
            usage = Main.commandLine().getSubcommands().get("crawl").getUsageMessage();
        } finally {
            System.setErr(stderr);
        }
        assertTrue(usage.contains("~13% more CPU"), usage);
        assertEquals("", warnings.toString(), "picocli formats help lines: a bare % makes it warn");
    }

    @Test
    void anUnknownChecksumIsRefusedNamingTheSetting() throws Exception {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/docs/", "--checksum", "md5"));
        assertTrue(err.toString().contains("--checksum"), err.toString());
        assertTrue(err.toString().contains("'md5' is not a checksum: use crc32c or sha256"), err.toString());

        Path config = Files.writeString(tmp.resolve("c.yaml"), """
                start: http://127.0.0.1:9/docs/
                archive:
                  checksum: sha1
                """);
        assertEquals(2, run("crawl", config.toString()));
        assertTrue(err.toString().contains("line 3: 'checksum' must be crc32c or sha256"), err.toString());
        assertTrue(err.toString().contains("got \"sha1\""), err.toString());
    }

    @Test
    void badArchiveFlagValuesAreUsageErrors() {
        assertEquals(2, run("crawl", "http://127.0.0.1:9/docs/", "--warc-max-size", "huge"));
        assertTrue(err.toString().contains("'huge' is not a size"), err.toString());
        assertEquals(2, run("crawl", "http://127.0.0.1:9/docs/", "--sitemap", "ftp://x/sitemap.xml"));
        assertTrue(err.toString().contains("--sitemap 'ftp://x/sitemap.xml' is not an absolute http(s) URL"),
                err.toString());
    }
}
