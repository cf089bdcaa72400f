package io.realmcrawl.crawl;

import io.realmcrawl.auth.AuthFailure;
import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.CredentialSource;
import io.realmcrawl.auth.ProtectionSpace;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.config.CrawlConfig;
import io.realmcrawl.config.Limits;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.extract.ParseLimits;
import io.realmcrawl.fetch.FetchException;
import io.realmcrawl.fetch.FetchResponse;
import io.realmcrawl.fetch.FetchSettings;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code crawl --dry-run}: what a crawl would do, without doing it. It prints the scope, the
 * configured credential entries, and for each start URL its scope decision, what the server
 * answered, the links found on it with the scope's decision for each, and which credential entry
 * answered which realm.
 *
 * <p>It fetches only the start URLs, once each (plus the repeat of a request a 401 asks for, with
 * the credentials the crawl would send): that is what it takes to see a realm's challenge and the
 * first links. Redirects are shown, not followed. It saves no page, writes no state, cookies or
 * history, and takes no lock, so it can run next to a crawl of the same folder.
 */
public final class DryRun {
    static final int LINKS_SHOWN = 200;

    private final CrawlConfig config;
    private final CredentialSource credentials;

    public DryRun(CrawlConfig config, CredentialSource credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /** Prints the dry run to {@code out}; returns the exit code a crawl of the start URLs alone would have. */
    public int run(PrintWriter out) throws IOException {
        List<URI> starts = config.startUrls().stream().map(u -> UrlNormalizer.normalize(u.toString())
                .orElseThrow(() -> new IllegalArgumentException("start URL '" + u + "' is not an absolute http(s) URL")))
                .toList();
        Limits limits = config.limits();
        Scope scope = Scope.of(starts, config.include(), config.exclude(), limits.maxDepth());
        out.println("dry run: nothing is saved, no state or lock is written; only the start URLs are fetched");
        out.println("scope: start directories " + scope.prefixes() + ", include " + patterns(config.include())
                + ", exclude " + patterns(config.exclude()) + ", max-depth " + scope.maxDepth());
        out.println("credential entries:" + (config.credentials().isEmpty() ? " none" : ""));
        config.credentials().forEach(e -> out.println("  " + e));
        Answers answers = new Answers(credentials);
        RealmAuth auth = new RealmAuth(answers, config.run().requireHttpsForAuth());
        Set<ErrorKind> errors = EnumSet.noneOf(ErrorKind.class);
        try (Fetcher fetcher = new Fetcher(settings(limits), auth::install)) {
            for (URI start : starts) {
                visit(start, scope, fetcher, out).ifPresent(errors::add);
            }
        }
        out.println("realms met:" + (answers.seen.isEmpty() ? " none" : ""));
        answers.seen.forEach((space, how) -> out.println("  " + space + ": " + how));
        out.flush();
        return ErrorKind.exitCodeFor(errors);
    }

    private Optional<ErrorKind> visit(URI url, Scope scope, Fetcher fetcher, PrintWriter out) {
        out.println("start " + url + ": " + decision(scope, url, 0));
        if (!scope.decideNormalised(url, 0).isAccepted()) {
            return Optional.empty();
        }
        try (FetchResponse response = fetcher.open(url)) {
            ResponseHead head = response.head();
            out.println("  answered: HTTP " + head.status() + (head.reason().isEmpty() ? "" : " " + head.reason()));
            if (Links.isRedirect(head.status())) {
                Optional<URI> target = head.first("Location").flatMap(l -> UrlNormalizer.resolve(url, l));
                out.println("  redirect to " + target.map(t -> t + ": " + decision(scope, t, 0)).orElse("(no usable Location)"));
                return Optional.empty();
            }
            if (head.status() == 401 || head.status() == 407) {
                out.println("  not authenticated: " + RealmAuth.failure(response.context()).map(AuthFailure::message)
                        .orElse("no usable challenge"));
                return Optional.of(ErrorKind.AUTH);
            }
            if (head.status() < 200 || head.status() >= 300) {
                return Optional.of(ErrorKind.SERVER_ERROR);
            }
            TrapLimits traps = config.limits().traps();
            printLinks(Links.ofBody(response.body(), head, url, new ParseLimits(traps.maxParseBytes(), traps.maxHtmlDepth())),
                    scope, out);
            return Optional.empty();
        } catch (FetchException e) {
            Outcome.Failed failed = Failures.of(url, e);
            out.println("  failed: " + failed.message());
            return Optional.of(failed.kind());
        } catch (IOException e) {
            out.println("  failed reading the page: " + e.getMessage());
            return Optional.of(ErrorKind.NETWORK);
        }
    }

    private static void printLinks(List<URI> found, Scope scope, PrintWriter out) {
        Set<URI> links = new LinkedHashSet<>(found);
        long in = links.stream().filter(l -> scope.decideNormalised(l, 1).isAccepted()).count();
        out.println("  links: " + links.size() + " (" + in + " in scope, " + (links.size() - in) + " out)");
        links.stream().limit(LINKS_SHOWN).forEach(l -> out.println("    " + (scope.decideNormalised(l, 1).isAccepted()
                ? "+ " + l : "- " + l + "  (" + decision(scope, l, 1) + ")")));
        if (links.size() > LINKS_SHOWN) {
            out.println("    ... and " + (links.size() - LINKS_SHOWN) + " more");
        }
    }

    private static String decision(Scope scope, URI url, int depth) {
        return scope.decideNormalised(url, depth) instanceof Scope.Decision.Rejected r
                ? "out of scope: " + r.reason() : "in scope";
    }

    private static String patterns(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).collect(Collectors.joining(", ", "[", "]"));
    }

    private FetchSettings settings(Limits limits) {
        return new FetchSettings(config.userAgent(), limits.connectTimeout(), limits.responseTimeout(),
                limits.pageTimeout(), limits.maxPageBytes(), 1, config.tls(), ProxyLogin.of(config.proxy()));
    }

    /** The crawl's credential source, noting which entry answered each realm (never a password). */
    private final class Answers implements CredentialSource {
        private final CredentialSource source;
        private final Map<ProtectionSpace, String> seen = new LinkedHashMap<>();

        Answers(CredentialSource source) {
            this.source = source;
        }

        @Override
        public synchronized Lookup lookup(ProtectionSpace space) {
            Lookup found = source.lookup(space);
            if (found instanceof Lookup.Found f) {
                String user = f.credentials().user();
                seen.put(space, "answered by " + config.credentials().stream()
                        .filter(e -> e.covers(space) && e.user().equals(user)).findFirst().map(CredentialEntry::toString)
                        .orElse(user + " (from netrc or a prompt)"));
            } else {
                seen.put(space, "no credentials: " + ((Lookup.Missing) found).why());
            }
            return found;
        }

        @Override
        public Optional<io.realmcrawl.auth.Credentials> preemptive(io.realmcrawl.scope.Origin origin) {
            return source.preemptive(origin);
        }
    }
}
