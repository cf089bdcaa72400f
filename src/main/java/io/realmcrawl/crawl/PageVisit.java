package io.realmcrawl.crawl;

import io.realmcrawl.auth.AuthFailure;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.extract.LinkExtractor;
import io.realmcrawl.fetch.FetchException;
import io.realmcrawl.fetch.FetchResponse;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.store.Mirror;
import io.realmcrawl.store.SavedPage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Visits one leased URL: fetches it, follows its redirects hop by hop, saves what comes back and
 * finds its links.
 *
 * <p>Redirects are followed here rather than by HttpClient so that every hop passes the scope
 * and the realm-auth interceptor again: a hop to another origin is a fresh request there, with
 * no credentials unless that origin's own challenge is answered.
 */
final class PageVisit {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final Fetcher fetcher;
    private final Mirror mirror;
    private final Scope scope;
    private final Frontier frontier;
    private final RedirectLog redirects;
    private final int maxRedirects;

    /** Where each redirect hop is written down as it happens. */
    interface RedirectLog {
        void redirected(URI from, int status, URI to) throws IOException;
    }

    PageVisit(Fetcher fetcher, Mirror mirror, Scope scope, Frontier frontier, RedirectLog redirects, int maxRedirects) {
        this.fetcher = fetcher;
        this.mirror = mirror;
        this.scope = scope;
        this.frontier = frontier;
        this.redirects = redirects;
        this.maxRedirects = maxRedirects;
    }

    Outcome visit(Frontier.Lease lease) {
        Set<URI> chain = new LinkedHashSet<>();
        URI current = lease.url();
        chain.add(current);
        while (true) {
            Hop hop = fetchOnce(current);
            if (hop.outcome() != null) {
                return hop.outcome();
            }
            Outcome stop = checkRedirect(current, hop.target(), chain, lease.depth());
            if (stop != null) {
                return stop;
            }
            chain.add(hop.target());
            current = hop.target();
        }
    }

    /** Either a final outcome, or the next URL of a redirect. */
    private record Hop(Outcome outcome, URI target) {
    }

    private Hop fetchOnce(URI url) {
        FetchResponse response;
        try {
            response = fetcher.open(url);
        } catch (FetchException e) {
            return new Hop(failed(url, e), null);
        }
        try {
            return answer(url, response);
        } catch (FetchException e) {
            return new Hop(failed(url, e), null);
        } catch (IOException e) {
            return new Hop(new Outcome.Failed(url, ErrorKind.FILE_IO, "cannot write to the mirror: " + e.getMessage()), null);
        } finally {
            closeQuietly(response);
        }
    }

    private Hop answer(URI url, FetchResponse response) throws IOException {
        ResponseHead head = response.head();
        int status = head.status();
        if (isRedirect(status)) {
            return redirectTarget(url, head);
        }
        if (status == 401) {
            String why = RealmAuth.failure(response.context()).map(AuthFailure::message)
                    .orElse("401 Unauthorized with no usable challenge");
            return new Hop(new Outcome.AuthFailed(url, why), null);
        }
        if (status >= 200 && status < 300) {
            SavedPage page = mirror.save(url, head, response.body());
            return new Hop(new Outcome.Saved(page, head, linksOf(url, head, page)), null);
        }
        return new Hop(new Outcome.HttpError(url, head), null);
    }

    private Hop redirectTarget(URI url, ResponseHead head) throws IOException {
        Optional<String> location = head.first("Location");
        if (location.isEmpty()) {
            return new Hop(new Outcome.Failed(url, ErrorKind.PROTOCOL,
                    head.status() + " redirect without a Location header"), null);
        }
        Optional<URI> target = UrlNormalizer.resolve(url, location.get());
        if (target.isEmpty()) {
            return new Hop(new Outcome.Failed(url, ErrorKind.PROTOCOL,
                    "redirect to an unusable Location '" + location.get() + "'"), null);
        }
        redirects.redirected(url, head.status(), target.get());
        return new Hop(null, target.get());
    }

    /** Null when the crawler may follow {@code target}; otherwise why not, as an outcome. */
    private Outcome checkRedirect(URI from, URI target, Set<URI> chain, int depth) {
        if (chain.contains(target)) {
            String loop = chain.stream().map(URI::toString).collect(Collectors.joining(" -> "));
            return new Outcome.Failed(chain.iterator().next(), ErrorKind.PROTOCOL, "redirect loop: " + loop + " -> " + target);
        }
        if (chain.size() > maxRedirects) {
            return new Outcome.Failed(chain.iterator().next(), ErrorKind.PROTOCOL,
                    "more than " + maxRedirects + " redirects (max-redirects)");
        }
        if (scope.decide(target, depth) instanceof Scope.Decision.Rejected rejected) {
            return new Outcome.RedirectedOutOfScope(from, target, rejected.reason());
        }
        if (!frontier.claim(target, depth)) {
            return new Outcome.RedirectedToSeen(from, target);
        }
        frontier.complete(new Frontier.Lease(target, depth), Crawler.placeholder(target, depth)); // PLACEHOLDER
        return null;
    }

    private List<URI> linksOf(URI url, ResponseHead head, SavedPage page) throws IOException {
        if (!isHtml(url, head)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(mirror.root().resolve(page.file()))) {
            return LinkExtractor.extract(in, charsetOf(head), url).stream().map(io.realmcrawl.extract.Link::url).toList();
        }
    }

    private static boolean isHtml(URI url, ResponseHead head) {
        Optional<String> type = head.mediaType();
        if (type.isPresent()) {
            return HTML_TYPES.contains(type.get());
        }
        String path = url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith("/") || path.endsWith(".html") || path.endsWith(".htm");
    }

    private static Optional<String> charsetOf(ResponseHead head) {
        return head.first("Content-Type").map(CHARSET::matcher).filter(Matcher::find).map(m -> m.group(1));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static Outcome failed(URI url, FetchException e) {
        ErrorKind kind = switch (e.kind()) {
            case NETWORK, TIMEOUT -> ErrorKind.NETWORK;
            case TLS -> ErrorKind.TLS;
            case PROTOCOL -> ErrorKind.PROTOCOL;
            case TOO_LARGE -> ErrorKind.GENERIC;
        };
        String message = e.getMessage().startsWith(url.toString()) ? e.getMessage().substring(url.toString().length() + 2)
                : e.getMessage();
        return new Outcome.Failed(url, kind, message);
    }

    private static void closeQuietly(FetchResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // The page is already saved or already failed; a failing close only loses the connection.
        }
    }

}
