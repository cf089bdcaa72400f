package io.realmcrawl.warc;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The crawl's WARC output: every request and response that went over the wire (challenge 401s
 * and repeated requests included), a revisit record for each 304, a metadata record of each
 * page's outlinks, in a series of gzipped WARC/1.1 files with a CDXJ index beside each.
 *
 * <p>Credentials never reach the files: see {@link HttpHeads} for what is redacted and how.
 *
 * <p>Thread-safety: one instance serves every worker.
 */
public final class WarcArchive implements Closeable {
    private final WarcSeries series;
    private final Path spoolFolder;
    private final long maxBodyBytes;
    private final boolean keepSetCookie;

    /**
     * @param warc          names the series ({@code DIR/NAME.warc.gz}); see {@link SeriesFiles}
     * @param maxSize       bytes after which the next record goes into a new file
     * @param maxBodyBytes  the most of one body kept in a record (the page-size limit); the rest is
     *                      marked truncated
     * @param keepSetCookie keep {@code Set-Cookie} values in response records, as in header files
     * @param info          the warcinfo fields: software, crawl name, user agent
     */
    public WarcArchive(Path warc, long maxSize, long maxBodyBytes, boolean keepSetCookie, Info info)
            throws IOException {
        SeriesFiles files = SeriesFiles.of(warc);
        Files.createDirectories(files.folder());
        this.spoolFolder = files.folder();
        this.maxBodyBytes = maxBodyBytes;
        this.keepSetCookie = keepSetCookie;
        this.series = new WarcSeries(files, maxSize, WarcSeries.info(info.software(), info.crawlName(),
                info.userAgent()), EarlierCaptures.of(files));
    }

    /** What the warcinfo record of each file says about the crawl. */
    public record Info(String software, String crawlName, String userAgent) {
    }

    /**
     * Puts the recorder just inside HttpClient's protocol handler (after Host, cookies and the
     * realm-auth interceptor's credentials were added; before decompression), so every exchange
     * is seen as it went over the wire.
     */
    public void install(HttpClientBuilder builder) {
        builder.addExecInterceptorAfter(ChainElement.PROTOCOL.name(), "warc-recorder",
                new ExchangeRecorder(series, spoolFolder, maxBodyBytes, keepSetCookie));
        builder.addRequestInterceptorLast(ExchangeRecorder.CAPTURE);
    }

    /** Records the links found in {@code page} (a metadata record). */
    public void outlinks(URI page, List<URI> links) {
        if (!links.isEmpty()) {
            series.writeOutlinks(page, links);
        }
    }

    /** Closes the current file and writes its index; returns every WARC file of this run. */
    public List<Path> finish() throws IOException {
        return series.close();
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
