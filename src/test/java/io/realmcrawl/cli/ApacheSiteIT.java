package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link RealServerContract} against Apache httpd ({@code target/apache-it/ApacheSiteIT/}): two Basic
 * realms, a redirect to 127.0.0.2, a large file, mod_deflate, re-runs; skipped when Apache is not
 * installed. {@link ApacheAuthIT} covers Digest and wrong passwords.
 */
class ApacheSiteIT extends RealServerContract {
    private static ApacheServer apache;

    @BeforeAll
    static void startApache() throws Exception {
        assumeTrue(ApacheServer.installed(), ApacheServer.INSTALL_HINT);
        apache = (ApacheServer) site(ApacheServer.in(CrawlProcess.JAR.toAbsolutePath().getParent()
                .resolve("apache-it").resolve("ApacheSiteIT").resolve("server"))).start();
        System.out.println("ApacheSiteIT: apache2 on " + apache.url("/") + " and " + apache.secondUrl("/"));
    }

    @AfterAll
    static void stopApache() throws InterruptedException {
        if (apache != null) {
            apache.close();
        }
    }

    @Override
    RealServer server() {
        return apache;
    }
}
