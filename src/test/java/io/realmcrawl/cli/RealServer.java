package io.realmcrawl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A real web server started by an integration test on a free loopback port ({@link ApacheServer},
 * {@link NginxServer}), with two origins on that port ({@code 127.0.0.1} and {@code 127.0.0.2})
 * and one access log per origin in {@link ApacheServer.Hit}'s format.
 */
interface RealServer extends AutoCloseable {
    int port();

    String url(String path);

    String secondUrl(String path);

    Path root();

    List<ApacheServer.Hit> hits() throws IOException, InterruptedException;

    List<ApacheServer.Hit> secondHits() throws IOException, InterruptedException;

    String errorLog();

    @Override
    void close() throws InterruptedException;

    /** The same site for either server. */
    interface Builder {
        Builder page(String path, String html);

        Builder file(String path, byte[] content);

        Builder secondPage(String path, String html);

        Builder basic(String dir, String realm, String user, String password);

        Builder redirect(String path, String target);

        Builder gzip();

        RealServer start() throws IOException, InterruptedException;
    }
}
