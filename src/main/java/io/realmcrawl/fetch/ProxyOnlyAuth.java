package io.realmcrawl.fetch;

import io.realmcrawl.scope.Origin;
import java.util.List;
import org.apache.hc.client5.http.AuthenticationStrategy;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/**
 * Turns on HttpClient's authentication for the proxy alone: its credentials provider knows only
 * the proxy's login, and its target strategy never chooses a scheme, so a 401 from an origin
 * always comes back to the realm-auth interceptor, which alone answers origins.
 */
final class ProxyOnlyAuth {
    /** Chooses nothing for origins: their challenges are the realm-auth interceptor's. */
    private static final AuthenticationStrategy NO_ORIGIN_AUTH = (type, challenges, context) -> List.of();

    private ProxyOnlyAuth() {
    }

    static HttpHost host(Origin proxy) {
        return new HttpHost(proxy.scheme(), proxy.host(), proxy.port());
    }

    /** Routes through the proxy; with a login, lets HttpClient answer its 407s. Returns whether auth is on. */
    static boolean install(HttpClientBuilder builder, FetchProxy proxy) {
        HttpHost host = host(proxy.proxy());
        builder.setProxy(host);
        if (proxy.credentials().isEmpty()) {
            return false;
        }
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        provider.setCredentials(new AuthScope(host), proxy.credentials().get().forProxy());
        builder.setDefaultCredentialsProvider(provider)
                .setTargetAuthenticationStrategy(NO_ORIGIN_AUTH)
                .setProxyAuthenticationStrategy(DefaultAuthenticationStrategy.INSTANCE)
                .addRequestInterceptorLast(new ProxyLoginOnPlainRequests(proxy.credentials().get()));
        return true;
    }

    /**
     * Sends the proxy's Basic login with every request the proxy forwards in the clear (an http
     * origin), so that HttpClient never has to repeat one after a 407 — its repeat would not keep
     * the origin's {@code Authorization}. Requests inside a CONNECT tunnel never get it: they go
     * to the origin, and the tunnel's own 407 is answered by HttpClient.
     */
    private record ProxyLoginOnPlainRequests(io.realmcrawl.auth.Credentials login)
            implements org.apache.hc.core5.http.HttpRequestInterceptor {
        @Override
        public void process(org.apache.hc.core5.http.HttpRequest request, org.apache.hc.core5.http.EntityDetails entity,
                            org.apache.hc.core5.http.protocol.HttpContext context) {
            org.apache.hc.client5.http.RouteInfo route =
                    org.apache.hc.client5.http.protocol.HttpClientContext.castOrCreate(context).getHttpRoute();
            if (route != null && route.getProxyHost() != null && !route.isTunnelled()) {
                request.setHeader("Proxy-Authorization", login.basicAuthorization());
            }
        }
    }
}
