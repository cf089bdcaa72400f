package io.realmcrawl.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * A real HttpClient 5 classic client wired as the fetcher will be: {@link RealmAuth} installed,
 * HttpClient's own authentication and redirects off.
 */
final class AuthClient implements AutoCloseable {

    /** What one GET returned. */
    record Result(int status, String body, Optional<AuthFailure> failure) {
    }

    final RealmAuth auth;
    private final CloseableHttpClient client;

    AuthClient(CredentialSource source) {
        this.auth = new RealmAuth(source);
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(32).setMaxConnTotal(64).build())
                .setDefaultRequestConfig(RequestConfig.custom().setAuthenticationEnabled(false).build())
                .disableRedirectHandling();
        auth.install(builder);
        this.client = builder.build();
    }

    Result get(URI url, String... headerNamesAndValues) {
        HttpGet get = new HttpGet(url);
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            get.addHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        HttpClientContext context = HttpClientContext.create();
        try {
            return client.execute(get, context, response -> new Result(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity()),
                    RealmAuth.failure(context)));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
