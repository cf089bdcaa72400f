package io.realmcrawl.fetch;

import io.realmcrawl.config.TlsSettings;
import io.realmcrawl.config.TrustFileException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The crawl's HTTP client: HttpClient 5 with connect, response and whole-page time limits,
 * gzip/deflate, a cookie store kept for the crawl, a cap on body size, and TLS that trusts the
 * JDK's CAs plus the crawl's private ones ({@link TrustMaterial}).
 *
 * <p>Redirects and authentication are not HttpClient's business here: redirects come back to the
 * crawler so that every hop passes the scope again, and the realm-auth interceptor installed by
 * the caller is the only thing that ever adds credentials.
 *
 * <p>Per request, HttpClient does work a crawl does not need, and it is much of the crawl's CPU
 * (C1-compiled code). So some of its steps are replaced by ones that do the same for us with less:
 * {@link ProtocolWithoutAuth} (its protocol step, auth bookkeeping left out while its auth is off),
 * {@link ConnectionReuse} (its keep-alive decision) and {@link StatusLineParser} (its status-line
 * parsing); what goes over the wire is unchanged ({@code FetchWireTest}).
 *
 * <p>Thread-safety: one instance serves every worker.
 */
public final class Fetcher implements Closeable {
    private static final InputStream EMPTY = InputStream.nullInputStream();

    private final FetchSettings settings;
    private final CloseableHttpClient client;
    private final BasicCookieStore cookies = new CrawlCookies();
    private final PageDeadlines deadlines;
    private final TlsSocketStrategy tls;

    /**
     * @param interceptors adds the crawl's exec interceptors (realm auth) to the builder
     */
    public Fetcher(FetchSettings settings, Consumer<HttpClientBuilder> interceptors) {
        this.settings = settings;
        this.deadlines = new PageDeadlines(settings.pageTimeout());
        this.tls = tlsStrategy(settings);
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout(settings.connectTimeout()))
                                .setSocketTimeout(timeout(settings.responseTimeout()))
                                .build())
                        .setMaxConnTotal(settings.maxConnections())
                        .setMaxConnPerRoute(settings.maxConnections())
                        .setTlsSocketStrategy(tls)
                        .setConnectionFactory(WireLimits.connectionFactory())
                        .build())
                .disableRedirectHandling()
                .disableAuthCaching()
                // No per-user connections: there are no client certificates or NTLM logins to
                // keep apart, and the lookup of the user of each connection runs per request.
                .disableConnectionState()
                .setRetryStrategy(new StaleConnectionRetry())
                .setConnectionReuseStrategy(new ConnectionReuse())
                .setUserAgent(settings.userAgent())
                .setDefaultCookieStore(cookies)
                .addExecInterceptorAfter(ChainElement.COMPRESS.name(), "head-recorder", new HeadRecorder());
        boolean proxyAuth = settings.proxy().map(p -> ProxyOnlyAuth.install(builder, p)).orElse(false);
        if (!proxyAuth) {
            // HttpClient's auth is off, so its protocol step's auth bookkeeping is waste; a proxy
            // login keeps the stock step, which answers the proxy's 407s
            builder.replaceExecInterceptor(ChainElement.PROTOCOL.name(), new ProtocolWithoutAuth());
        }
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setResponseTimeout(timeout(settings.responseTimeout()))
                .setAuthenticationEnabled(proxyAuth)
                .setRedirectsEnabled(false)
                .build());
        interceptors.accept(builder);
        this.client = builder.build();
    }

    /**
     * Sends a GET for {@code url} and returns the open response; the body has not been read yet.
     *
     * @throws FetchException when no response arrived (network, TLS, protocol, time limit)
     */
    public FetchResponse open(URI url) throws FetchException {
        return open(url, Validators.NONE);
    }

    /**
     * Same, as a conditional request: the validators of the stored copy go out as
     * {@code If-None-Match} and {@code If-Modified-Since}, so an unchanged page answers 304.
     */
    public FetchResponse open(URI url, Validators validators) throws FetchException {
        HttpGet get = new HttpGet(url);
        // plain ifs and the request itself as the alarm's abort: no lambda to allocate per request
        if (validators.etag().isPresent()) {
            get.setHeader("If-None-Match", validators.etag().get());
        }
        if (validators.lastModified().isPresent()) {
            get.setHeader("If-Modified-Since", validators.lastModified().get());
        }
        long deadline = System.nanoTime() + settings.pageTimeout().toNanos();
        PageDeadlines.Alarm alarm = deadlines.arm(get);
        HttpClientContext context = HttpClientContext.create();
        try {
            ClassicHttpResponse response = client.executeOpen(null, get, context);
            ResponseHead head = (ResponseHead) context.getAttribute(HeadRecorder.ATTRIBUTE);
            HttpEntity entity = response.getEntity();
            InputStream raw = entity == null ? EMPTY : entity.getContent();
            InputStream body = new GuardedBody(raw == null ? EMPTY : raw, url, settings.maxBodyBytes(), deadline);
            return new FetchResponse(url, head, response, context, body, alarm);
        } catch (IOException | RuntimeException e) {
            alarm.cancel();
            if (System.nanoTime() - deadline > 0) {
                throw new FetchException(FetchException.Kind.TIMEOUT, url, "page took longer than the page-timeout", e);
            }
            throw Failures.classify(url, e);
        }
    }

    /**
     * The crawl's cookie store: what every response set, a 401 included, and what a cookies file
     * loaded ({@link CookieJarFile}). HttpClient adds its cookies to every request it matches.
     */
    public BasicCookieStore cookies() {
        return cookies;
    }

    /** Aborts every request in flight (their reads fail at once): the end of a graceful stop. */
    public void abortInFlight() {
        deadlines.abortAll();
    }

    /** Alarms of requests in flight; a closed response leaves none behind. */
    int pendingDeadlines() {
        return deadlines.armed();
    }

    /** Whether a connection has needed TLS yet (with only the JDK's CAs, its set-up waits for one). */
    boolean tlsReady() {
        return !(tls instanceof OnDemandTls onDemand) || onDemand.isBuilt();
    }

    @Override
    public void close() throws IOException {
        deadlines.close();
        client.close();
    }

    /**
     * The TLS strategy. With the JDK's CAs only, it is built by the first https connection; private
     * CAs and --insecure are set up now, so that a CA file that became unusable since the config was
     * read is a bad setting reported at start, and the insecure warning comes first.
     */
    private static TlsSocketStrategy tlsStrategy(FetchSettings settings) {
        TlsSettings tls = settings.tls();
        if (tls.caCerts().isEmpty() && tls.truststore().isEmpty() && !tls.insecure()) {
            return new OnDemandTls(() -> strategy(tls));
        }
        return strategy(tls);
    }

    private static TlsSocketStrategy strategy(TlsSettings tls) {
        try {
            return TrustMaterial.strategy(tls);
        } catch (TrustFileException e) {
            throw new IllegalArgumentException("TLS CA certificate " + e.getMessage(), e);
        }
    }

    private static Timeout timeout(java.time.Duration d) {
        return Timeout.ofMilliseconds(d.toMillis());
    }
}
