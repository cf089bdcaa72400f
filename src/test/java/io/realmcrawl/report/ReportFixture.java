package io.realmcrawl.report;

import io.realmcrawl.cli.Main;
import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A crawl with something in every chart: a realm, open pages, a 404, a redirect, a slow page,
 * and two runs (the second finds one page changed and one removed).
 */
final class ReportFixture implements AutoCloseable {
    final LoopbackSite site;
    final Path output;

    private ReportFixture(LoopbackSite site, Path output) {
        this.site = site;
        this.output = output;
    }

    static ReportFixture crawled(Path tmp) throws Exception {
        LoopbackSite site = LoopbackSite.builder()
                .html("/docs/", "<a href='a.html'>a</a><a href='b.html'>b</a><a href='gone.html'>g</a>"
                        + "<a href='old'>o</a><a href='secret/s.html'>s</a><a href='slow.html'>slow</a>")
                .html("/docs/a.html", "A").html("/docs/b.html", "B").redirect("/docs/old", 301, "/docs/a.html")
                .html("/docs/secret/s.html", "S").protect("/docs/secret/", "Secret", "alice", "report-pw")
                .route("/docs/slow.html", exchange -> {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LoopbackSite.send(exchange, 200, "text/html", "slow");
                })
                .start();
        Path pass = tmp.resolve("pass");
        Files.writeString(pass, "report-pw\n");
        Path output = tmp.resolve("out");
        ReportFixture f = new ReportFixture(site, output);
        f.crawl(pass);
        site.update("/docs/b.html", "B2");
        site.remove("/docs/a.html");
        f.crawl(pass);
        return f;
    }

    private void crawl(Path pass) {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(err, true), "crawl", site.url("/docs/").toString(), "-o", output.toString(),
                "--user", "alice", "--password-file", pass.toString(), "-q");
        if (code != 0 && code != 8) {
            throw new AssertionError("crawl failed with " + code + ": " + err);
        }
    }

    /** Writes the report and returns its file. */
    Path report(Path file) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "report", output.toString(), "-o",
                file.toString());
        if (code != 0) {
            throw new AssertionError("report failed with " + code + ": " + err);
        }
        return file;
    }

    @Override
    public void close() {
        site.close();
    }

    static Duration slowPage() {
        return Duration.ofMillis(300);
    }
}
