package io.realmcrawl.fetch;

import java.io.IOException;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.ProtocolExec;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIAuthority;

/**
 * HttpClient's protocol step ({@code ProtocolExec}) for a client whose own authentication is off:
 * the request URI completed from the route (absolute for a plain proxy), userinfo refused, the
 * response body wired to give its connection back at its end, the connection dropped on a failure.
 *
 * <p>Why not the stock step: with authentication off, most of its work per request is wasted on
 * us. It parses and re-encodes each request's path into a prefix for an auth cache we turned off
 * ({@code RequestSupport.extractPathPrefix}), and creates and consults auth exchanges that can
 * never be challenged. That was ~2% of a crawl's CPU. {@link io.realmcrawl.auth.RealmAuth} answers
 * origins; a proxy login keeps the stock step (see {@link Fetcher}), which answers its 407s.
 *
 * <p>A request with a body goes to the stock step: it alone may mark a streamed body as sent, which
 * HttpClient's retry reads. The fetcher sends none.
 */
final class ProtocolWithoutAuth implements ExecChainHandler {
    private final ExecChainHandler stock = new ProtocolExec(DefaultAuthenticationStrategy.INSTANCE,
            DefaultAuthenticationStrategy.INSTANCE, DefaultSchemePortResolver.INSTANCE, true);

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest userRequest, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (userRequest.getEntity() != null) {
            return stock.execute(userRequest, scope, chain);
        }
        if (Method.CONNECT.isSame(userRequest.getMethod())) {
            throw new ProtocolException("Direct execution of CONNECT is not allowed");
        }
        ExecRuntime runtime = scope.execRuntime;
        try {
            ClassicHttpRequest request = completed(userRequest, scope.route);
            ClassicHttpResponse response = chain.proceed(request, scope);
            ConnectionReleasingEntity.enhance(response, runtime);
            return response;
        } catch (HttpException | IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        }
    }

    /** The request with its scheme and authority, its URI absolute for a proxy that is not a tunnel. */
    private static ClassicHttpRequest completed(ClassicHttpRequest userRequest, HttpRoute route)
            throws ProtocolException {
        HttpHost target = route.getTargetHost();
        ClassicHttpRequest request = userRequest;
        if (route.getProxyHost() != null && !route.isTunnelled()) {
            ClassicRequestBuilder copy = ClassicRequestBuilder.copy(userRequest);
            if (copy.getAuthority() == null) {
                copy.setAuthority(new URIAuthority(target));
            }
            request = copy.setAbsoluteRequestUri(true).build();
        }
        if (request.getScheme() == null) {
            request.setScheme(target.getSchemeName());
        }
        if (request.getAuthority() == null) {
            request.setAuthority(new URIAuthority(target));
        }
        if (request.getAuthority().getUserInfo() != null) {
            throw new ProtocolException("Request URI authority contains deprecated userinfo component");
        }
        return request;
    }
}
