package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RealServerContract} against nginx ({@code target/nginx-it/}); skipped when nginx is not installed. */
class NginxIT extends RealServerContract {
    private static NginxServer nginx;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeTrue(NginxServer.installed(), NginxServer.INSTALL_HINT);
        nginx = (NginxServer) site(NginxServer.in(CrawlProcess.JAR.toAbsolutePath().getParent()
                .resolve("nginx-it").resolve("server"))).start();
        System.out.println("NginxIT: nginx on " + nginx.url("/") + " and " + nginx.secondUrl("/") + ", its folder "
                + nginx.root());
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Override
    RealServer server() {
        return nginx;
    }
}
