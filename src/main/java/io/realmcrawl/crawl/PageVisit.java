package io.realmcrawl.crawl;

import io.realmcrawl.auth.AuthFailure;
import io.realmcrawl.auth.RealmAuth;
import io.realmcrawl.fetch.FetchException;
import io.realmcrawl.fetch.FetchResponse;
import io.realmcrawl.fetch.Fetcher;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.Validators;
import io.realmcrawl.config.LoginDetection;
import io.realmcrawl.robots.Robots;
import io.realmcrawl.config.TrapLimits;
import io.realmcrawl.extract.ParseLimits;
import io.realmcrawl.scope.Origin;
import io.realmcrawl.scope.Trap;
import io.realmcrawl.scope.TrapRules;
import io.realmcrawl.scope.Scope;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.state.Frontier;
import io.realmcrawl.store.BodyRejectedException;
import io.realmcrawl.store.Mirror;
import io.realmcrawl.store.PageFiles;
import io.realmcrawl.store.SavedPage;
import io.realmcrawl.store.StoredPage;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Visits one leased URL: fetches it (conditionally when a copy is stored), follows its redirects
 * hop by hop, saves what comes back and finds its links. Returns one step per URL it touched.
 *
 * <p>Redirects are followed here rather than by HttpClient so that every hop passes the scope
 * and the realm-auth interceptor again: a hop to another origin is a fresh request there, with
 * no credentials unless that origin's own challenge is answered.
 */
final class PageVisit {
    private final Fetcher fetcher;
    private final Mirror mirror;
    private final Scope scope;
    private final Frontier frontier;
    private final int maxRedirects;
    private final UnchangedPageLinks unchangedPageLinks;
    private final LoginDetection login;
    private final Robots robots;
    private final TrapRules traps;
    private final ParseLimits parseLimits;

    /** One URL of a visit, with how it ended; the engine records and completes each. */
    record Step(Frontier.Lease lease, Outcome outcome) {
    }

    /**
     * @param unchangedPageLinks which unchanged pages are read for links again (usually none: their
     *     links are queued already, since the state revisits every URL the last run saw)
     * @param trapLimits the trap rules applied to redirect targets, and the caps on parsing pages for links
     */
    PageVisit(Fetcher fetcher, Mirror mirror, Scope scope, Frontier frontier, int maxRedirects,
              UnchangedPageLinks unchangedPageLinks, LoginDetection login, Robots robots, TrapLimits trapLimits) {
        this.traps = new TrapRules(trapLimits.maxUrlLength(), trapLimits.maxSegmentRepeats());
        this.parseLimits = new ParseLimits(trapLimits.maxParseBytes(), trapLimits.maxHtmlDepth());
        this.fetcher = fetcher;
        this.mirror = mirror;
        this.scope = scope;
        this.frontier = frontier;
        this.maxRedirects = maxRedirects;
        this.unchangedPageLinks = unchangedPageLinks;
        this.login = login;
        this.robots = robots;
    }

    List<Step> visit(Frontier.Lease first) {
        if (scope.decideNormalised(first.url(), first.depth()) instanceof Scope.Decision.Rejected rejected) {
            return List.of(new Step(first, new Outcome.OutOfScope(first.url(), rejected.reason())));
        }
        if (login.isLoginUrl(first.url())) {
            return List.of(new Step(first, new Outcome.OutOfScope(first.url(), "the site's login page (login url)")));
        }
        List<Step> steps = new ArrayList<>();
        Set<URI> chain = new LinkedHashSet<>();
        Frontier.Lease lease = first;
        while (true) {
            chain.add(lease.url());
            Optional<Outcome> disallowed = RobotsCheck.of(robots, lease.url());
            if (disallowed.isPresent()) {
                steps.add(new Step(lease, disallowed.get()));
                return steps;
            }
            if (!turnCame(lease.url())) {
                return steps; // the run stopped while this request waited: its URL stays leased for the next run
            }
            Outcome outcome = fetchGuarded(lease.url());
            if (!(outcome instanceof Outcome.Redirected redirect)) {
                steps.add(new Step(lease, outcome));
                return steps;
            }
            Outcome checked = checkRedirect(redirect, chain, lease.depth());
            steps.add(new Step(lease, checked));
            if (!(checked instanceof Outcome.Redirected followed) || followed.notFollowed().isPresent()) {
                return steps;
            }
            lease = new Frontier.Lease(redirect.target(), lease.depth());
        }
    }

    /** Waits for the origin's delay since its last request (see {@link Frontier#awaitTurn}); false when stopped. */
    private boolean turnCame(URI url) {
        try {
            return frontier.awaitTurn(Origin.of(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every URL of a visit must end in a step, or its lease would never be completed. */
    private Outcome fetchGuarded(URI url) {
        try {
            return fetchOnce(url);
        } catch (RuntimeException e) {
            return new Outcome.Failed(url, ErrorKind.GENERIC, "unexpected " + e);
        }
    }

    private Outcome fetchOnce(URI url) {
        PageFiles files;
        Optional<StoredPage> stored;
        FetchResponse response;
        try {
            files = mirror.files(url);
            stored = mirror.stored(files);
            response = fetcher.open(url, stored.map(s -> Validators.of(s.head())).orElse(Validators.NONE));
        } catch (FetchException e) {
            return Failures.of(url, e);
        } catch (IOException e) {
            return new Outcome.Failed(url, ErrorKind.FILE_IO, "cannot read the stored copy: " + e.getMessage());
        }
        try (response) {
            return answer(files, response, stored);
        } catch (FetchException e) {
            return Failures.of(url, e);
        } catch (IOException e) {
            return DiskErrors.writeFailed(url, e);
        }
    }

    private Outcome answer(PageFiles files, FetchResponse response, Optional<StoredPage> stored) throws IOException {
        URI url = files.url();
        ResponseHead head = response.head();
        int status = head.status();
        if (Links.isRedirect(status)) {
            return redirect(url, head);
        }
        if (status == 304 && stored.isPresent()) {
            List<URI> links = unchangedPageLinks.needed(stored.get()) ? Links.ofStored(stored.get(), url, parseLimits)
                    : List.of();
            return new Outcome.NotModified(stored.get(), head, links);
        }
        if (status == 407) {
            return new Outcome.AuthFailed(url, "the proxy refused the request (407): give it a login with"
                    + " --proxy-user and --proxy-password-file, or check the one given");
        }
        if (status == 401) {
            String why = RealmAuth.failure(response.context()).map(AuthFailure::message)
                    .orElse("401 Unauthorized with no usable challenge");
            return new Outcome.AuthFailed(url, why);
        }
        if (status >= 200 && status < 300) {
            Mirror.Saved saved;
            try {
                saved = mirror.save(files, head, response.body(), new LoginPageCheck(login, head));
            } catch (BodyRejectedException e) {
                return new Outcome.AuthFailed(url, e.reason());
            }
            SavedPage page = saved.page();
            boolean unchanged = page.write() == SavedPage.Write.KEPT
                    && !(stored.isPresent() && unchangedPageLinks.needed(stored.get()));
            return new Outcome.Saved(page, head, unchanged ? List.of() : Links.ofReceived(saved.body(), head, url, parseLimits));
        }
        return new Outcome.HttpError(url, head, stored);
    }

    private static Outcome redirect(URI url, ResponseHead head) {
        Optional<String> location = head.first("Location");
        if (location.isEmpty()) {
            return new Outcome.Failed(url, ErrorKind.PROTOCOL, head.status() + " redirect without a Location header");
        }
        Optional<URI> target = UrlNormalizer.resolve(url, location.get());
        if (target.isEmpty()) {
            return new Outcome.Failed(url, ErrorKind.PROTOCOL, "redirect to an unusable Location '" + location.get() + "'");
        }
        return new Outcome.Redirected(url, head.status(), target.get(), Optional.empty(), false);
    }

    /** The redirect as followed, or why it is not, or a failure for loops and long chains. */
    private Outcome checkRedirect(Outcome.Redirected r, Set<URI> chain, int depth) {
        if (login.isLoginUrl(r.target())) {
            return new Outcome.AuthFailed(r.url(), "redirected to the login page " + r.target()
                    + " (login url): the credentials or the session were not accepted");
        }
        if (chain.contains(r.target())) {
            return new Outcome.Failed(r.url(), ErrorKind.PROTOCOL,
                    "redirect loop: " + String.join(" -> ", chain.stream().map(URI::toString).toList()) + " -> " + r.target());
        }
        if (chain.size() > maxRedirects) {
            return new Outcome.Failed(r.url(), ErrorKind.PROTOCOL, "more than " + maxRedirects + " redirects (max-redirects)");
        }
        if (scope.decide(r.target(), depth) instanceof Scope.Decision.Rejected rejected) {
            return new Outcome.Redirected(r.url(), r.status(), r.target(), Optional.of("out of scope: " + rejected.reason()), true);
        }
        Optional<Trap> trap = traps.reject(r.target());
        if (trap.isPresent()) {
            return new Outcome.Redirected(r.url(), r.status(), r.target(), Optional.of(trap.get().reason()), true);
        }
        if (!frontier.claim(r.target(), depth)) {
            return new Outcome.Redirected(r.url(), r.status(), r.target(), Optional.of("target already seen"), false);
        }
        return r;
    }
}
