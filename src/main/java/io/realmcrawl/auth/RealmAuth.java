package io.realmcrawl.auth;

import java.util.Map;
import io.realmcrawl.scope.Origin;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers HTTP Basic and Digest challenges for the whole crawl: the one exec-chain interceptor every request
 * of every worker passes through, and the store of protection spaces it has met.
 *
 * <p>Nothing is sent before a server asks. A 401 with {@code Basic realm="R"} from origin O makes
 * it look up credentials for (O, R) once and repeat the request once (GET and HEAD only). When
 * that succeeds, the request's directory becomes a prefix of the space and later requests under
 * it carry the credentials preemptively (longest prefix wins); a 401 with a known realm elsewhere
 * on O reuses the entry without a new lookup. A 401 to sent credentials rejects the space for good.
 * Unanswered 401s are handed back unchanged, with an {@link AuthFailure} in the context.
 *
 * <p>When a 401 offers Digest (RFC 7616) and Basic, Digest is answered (see {@link Offer}); the
 * space's entry remembers the scheme, and preemptive Digest requests reuse the last nonce with the
 * next {@code nc}. A Digest 401 with {@code stale=true} is not a rejection: the request is repeated
 * once with the new nonce.
 *
 * <p>Credentials go only to the exact origin of their space, and any {@code Authorization} header
 * on an incoming request is removed: this class alone decides. Header values are never logged.
 *
 * <p>Thread-safety: one instance is shared by all workers. The spaces live in concurrent maps;
 * per space, the lookup and the first trial of the credentials run under a lock, so concurrent
 * requests cause one lookup (one prompt) and wrong credentials are tried once. The first request
 * into a directory no known prefix covers goes alone, before other requests into that directory
 * or below it (see {@link DirectoryGate}).
 * Waits are bounded by {@link #DEFAULT_WAIT}; a request that gives up gets its 401 back.
 */
public final class RealmAuth implements ExecChainHandler {

    /** The context attribute holding the {@link AuthFailure} of the last exchange. */
    static final String FAILURE = "io.realmcrawl.auth.failure";
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);
    /** Refusals in a row of credentials that worked before, after which their space is stopped. */
    static final int BREAKER_LIMIT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(RealmAuth.class);

    private final CredentialSource source;
    private final CredentialSource configured;
    private final Map<Origin, Optional<Credentials>> forced = new ConcurrentHashMap<>();
    private final Duration waitLimit;
    private final SpaceStore store = new SpaceStore();
    private final DirectoryGate gate = new DirectoryGate();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final boolean requireHttps;
    private final Set<ProtectionSpace> warnedCleartext = ConcurrentHashMap.newKeySet();

    public RealmAuth(CredentialSource source) {
        this(source, false);
    }

    /**
     * @param requireHttps never send Basic credentials over plain http: such a realm is an auth
     *     failure; without it, Basic over http is sent with one warning per realm
     */
    public RealmAuth(CredentialSource source, boolean requireHttps) {
        this(source, DEFAULT_WAIT, requireHttps);
    }

    RealmAuth(CredentialSource source, Duration waitLimit) {
        this(source, waitLimit, false);
    }

    private RealmAuth(CredentialSource source, Duration waitLimit, boolean requireHttps) {
        Objects.requireNonNull(source, "source");
        this.configured = source;
        this.source = space -> {
            lookups.incrementAndGet();
            return source.lookup(space);
        };
        this.waitLimit = waitLimit;
        this.requireHttps = requireHttps;
    }

    /**
     * Puts this interceptor just before HttpClient's protocol handler and turns off its auth
     * cache. The caller also sets {@code RequestConfig.setAuthenticationEnabled(false)} and
     * {@code disableRedirectHandling()}, so that no other mechanism sends credentials.
     */
    public void install(HttpClientBuilder builder) {
        builder.addExecInterceptorBefore(ChainElement.PROTOCOL.name(), "realm-auth", this).disableAuthCaching();
    }

    /** Why the last exchange run with {@code ctx} ended in an unanswered 401, if it did. */
    public static Optional<AuthFailure> failure(HttpContext ctx) {
        Object value = ctx.getAttribute(FAILURE);
        return value instanceof AuthFailure f ? Optional.of(f) : Optional.empty();
    }

    /** How many 401s were answered by repeating the request with credentials. */
    public int challengesAnswered() {
        return answered.get();
    }

    /** The spaces whose credentials a server refused. */
    public Set<ProtectionSpace> rejectedSpaces() {
        return store.rejected();
    }

    /**
     * The protection space whose prefix covers {@code url}, once a challenge met on the way there
     * was answered or refused: the realm a page belongs to, for the progress line and the report.
     */
    public Optional<ProtectionSpace> spaceOf(java.net.URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        try {
            return store.covering(new Target(Origin.of(url), path)).map(SpaceEntry::space);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** How many times the credential source was asked. */
    public int lookups() {
        return lookups.get();
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        scope.clientContext.removeAttribute(FAILURE);
        // Never sent itself (each send is a copy), so without an Authorization header to remove the
        // request serves as it is: one copy less per request.
        ClassicHttpRequest clean = request.containsHeader(HttpHeaders.AUTHORIZATION)
                ? ClassicRequestBuilder.copy(request).removeHeaders(HttpHeaders.AUTHORIZATION).build() : request;
        Optional<Target> target = Target.of(clean, scope.route);
        if (target.isEmpty()) {
            return chain.proceed(clean, scope);
        }
        // a directory visited before needs neither the gate nor marking again (most requests)
        boolean visited = store.isVisited(target.get());
        try (DirectoryGate.Pass pass = visited ? DirectoryGate.OPEN : enterDirectory(target.get())) {
            ClassicHttpResponse response = new Exchange(clean, target.get(), scope, chain).run();
            if (!visited) {
                store.markVisited(target.get());
            }
            return response;
        }
    }

    /**
     * Credentials configured as preemptive for this origin (Basic, from the first request on), read
     * once per origin; none over plain http when https is required, a warning otherwise.
     */
    private Optional<Credentials> forcedFor(Target target) {
        Optional<Credentials> credentials = forced.computeIfAbsent(target.origin(), configured::preemptive);
        if (credentials.isEmpty() || target.origin().isHttps()) {
            return credentials;
        }
        if (requireHttps) {
            return Optional.empty();
        }
        if (warnedCleartext.add(new ProtectionSpace(target.origin(), "(preemptive)"))) {
            LOG.warn("{}: preemptive Basic credentials go over plain http, readable on the way", target.origin());
        }
        return credentials;
    }

    /** Waits, if need be, until this request may go without costing a needless 401. */
    private DirectoryGate.Pass enterDirectory(Target target) throws IOException {
        if (!store.isFirstIntoDirectory(target)) {
            return DirectoryGate.OPEN;
        }
        DirectoryGate.Pass pass = gate.enter(target, waitLimit);
        if (pass != DirectoryGate.OPEN && !store.isFirstIntoDirectory(target)) {
            pass.close(); // what went before covers this directory now: let the next one in
            return DirectoryGate.OPEN;
        }
        return pass;
    }

    /** One request through the interceptor: at most two sends, the second only after a 401. */
    private final class Exchange {
        private final ClassicHttpRequest clean;
        private final Target target;
        private final ExecChain.Scope scope;
        private final ExecChain chain;

        Exchange(ClassicHttpRequest clean, Target target, ExecChain.Scope scope, ExecChain chain) {
            this.clean = clean;
            this.target = target;
            this.scope = scope;
            this.chain = chain;
        }

        ClassicHttpResponse run() throws IOException, HttpException {
            // plain ifs, no lambdas: this runs per request, and C1 code allocates each capture slowly
            Optional<SpaceEntry> known = store.covering(target);
            Optional<Credentials> preemptive = known.isPresent() ? known.get().preemptive() : Optional.empty();
            if (preemptive.isPresent() && LOG.isDebugEnabled()) {
                LOG.debug("sending credentials of {} preemptively to {}", known.get().space(), target.path());
            }
            Optional<Credentials> configuredFirst = known.isEmpty() ? forcedFor(target) : Optional.empty();
            String header = preemptive.isPresent() ? authorization(known.get(), preemptive.get())
                    : configuredFirst.isPresent() ? configuredFirst.get().basicAuthorization() : null;
            ClassicHttpResponse response = send(Optional.ofNullable(header));
            if (response.getCode() != HttpStatus.SC_UNAUTHORIZED) {
                if (preemptive.isPresent()) {
                    known.get().succeeded();
                }
                return response;
            }
            List<Challenge> challenges = challenges(response);
            Optional<Offer> offer = Offer.choose(challenges);
            if (offer.isEmpty()) {
                return fail(response, unanswerable(challenges));
            }
            SpaceEntry entry = store.entry(new ProtectionSpace(target.origin(), offer.get().realm()));
            if (configuredFirst.isPresent()) {
                forced.put(target.origin(), Optional.empty());
                return fail(response, rejected(entry, "preemptive credentials sent to " + target.path()));
            }
            boolean resent = preemptive.isPresent() && known.get() == entry;
            if (resent && !offer.get().stale()) {
                return fail(response, refused(entry));
            }
            return answer(entry, response, offer.get(), resent ? 0 : 1);
        }

        /** Repeats the request with credentials; {@code staleRetries} more may follow a stale nonce. */
        private ClassicHttpResponse answer(SpaceEntry entry, ClassicHttpResponse challenge, Offer offer,
                                           int staleRetries) throws IOException, HttpException {
            if (!isRepeatable()) {
                return fail(challenge, new AuthFailure.NoCredentials(entry.space(),
                        "only GET and HEAD are repeated with credentials, not " + clean.getMethod()));
            }
            if (offer instanceof Offer.Basic && !target.origin().isHttps()) {
                if (requireHttps) {
                    return fail(challenge, new AuthFailure.NoCredentials(entry.space(),
                            "Basic credentials are not sent over plain http (require-https-for-auth)"));
                }
                if (warnedCleartext.add(entry.space())) {
                    LOG.warn("{}: Basic credentials go over plain http, readable on the way; use https, or"
                            + " --require-https-for-auth to refuse", entry.space());
                }
            }
            entry.learn(offer);
            SpaceEntry.Admission admission = entry.admit(source, waitLimit);
            if (admission instanceof SpaceEntry.Admission.Refuse refuse) {
                return fail(challenge, refuse.failure());
            }
            SpaceEntry.Admission.Send send = (SpaceEntry.Admission.Send) admission;
            try {
                discard(challenge);
                answered.incrementAndGet();
                Credentials sent = send.credentials();
                return judge(entry, sent, send(Optional.of(authorization(entry, sent))), staleRetries);
            } finally {
                if (send.firstTurn()) {
                    entry.endTurn();
                }
            }
        }

        /**
         * Any 401 to sent credentials rejects them: wrong, locked or expired, they must not be
         * resent. Except a Digest {@code stale=true} of the same realm: only the nonce expired, so
         * the request is repeated with the new one, within {@code staleRetries}.
         */
        private ClassicHttpResponse judge(SpaceEntry entry, Credentials sent, ClassicHttpResponse response,
                                          int staleRetries) throws IOException, HttpException {
            if (response.getCode() == HttpStatus.SC_UNAUTHORIZED) {
                Optional<Offer> fresh = Offer.choose(challenges(response))
                        .filter(o -> o.stale() && o.realm().equals(entry.space().realm()));
                if (fresh.isEmpty() || staleRetries == 0) {
                    return fail(response, rejected(entry, "one retry to " + target.path() + " answered 401 again"));
                }
                LOG.debug("{}: nonce stale at {}, repeating with the new one", entry.space(), target.path());
                entry.learn(fresh.get());
                discard(response);
                return judge(entry, sent, send(Optional.of(authorization(entry, sent))), staleRetries - 1);
            }
            if (entry.accept()) {
                LOG.info("answered challenge for {} as {}", entry.space(), sent.user());
            }
            store.addPrefix(entry, target);
            return response;
        }

        private String authorization(SpaceEntry entry, Credentials credentials) {
            return entry.authorization(credentials, clean.getMethod(), clean.getRequestUri());
        }

        /** Why a 401 without a usable challenge is not answered, naming the space when there is one. */
        private AuthFailure unanswerable(List<Challenge> challenges) {
            return challenges.stream().filter(c -> c.scheme().equals("digest") && c.realm().isPresent()).findFirst()
                    .<AuthFailure>map(c -> new AuthFailure.Unsupported(new ProtectionSpace(target.origin(),
                            c.realm().get()), DigestChallenge.whyUnusable(c).orElse("unreadable Digest challenge")))
                    .orElseGet(() -> new AuthFailure.NoChallenge(target.url()));
        }

        /**
         * The circuit breaker: credentials that worked before may be refused once or twice
         * (a server hiccup, a replica behind), but {@value #BREAKER_LIMIT} refusals in a row mean
         * they expired or were locked, and the realm is stopped rather than hammered.
         */
        private AuthFailure refused(SpaceEntry entry) {
            int inARow = entry.refused();
            if (inARow < BREAKER_LIMIT) {
                LOG.warn("{}: credentials that worked before were refused at {} ({} of {} in a row)", entry.space(),
                        target.path(), inARow, BREAKER_LIMIT);
                return new AuthFailure.Refused(entry.space(), inARow, BREAKER_LIMIT);
            }
            if (entry.reject()) {
                LOG.error("{}: credentials refused {} times in a row; this realm is stopped for the run",
                        entry.space(), inARow);
            }
            return new AuthFailure.Stopped(entry.space(), BREAKER_LIMIT);
        }

        private AuthFailure rejected(SpaceEntry entry, String how) {
            if (entry.reject()) {
                LOG.warn("{}: credentials rejected ({}); they will not be sent again", entry.space(), how);
            }
            return new AuthFailure.Rejected(entry.space());
        }

        private ClassicHttpResponse send(Optional<String> authorization) throws IOException, HttpException {
            ClassicRequestBuilder copy = ClassicRequestBuilder.copy(clean);
            if (authorization.isPresent()) {
                copy.setHeader(HttpHeaders.AUTHORIZATION, authorization.get());
            }
            return chain.proceed(copy.build(), scope);
        }

        private boolean isRepeatable() {
            boolean idempotent = Method.GET.isSame(clean.getMethod()) || Method.HEAD.isSame(clean.getMethod());
            return idempotent && (clean.getEntity() == null || clean.getEntity().isRepeatable());
        }

        private ClassicHttpResponse fail(ClassicHttpResponse response, AuthFailure failure) {
            scope.clientContext.setAttribute(FAILURE, failure);
            return response;
        }
    }

    /** The challenges of all the 401's {@code WWW-Authenticate} headers. */
    static List<Challenge> challenges(ClassicHttpResponse response) {
        return ChallengeParser.parse(Arrays.stream(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE))
                .map(h -> h.getValue()).toList());
    }

    /** Reads the 401's body to the end so the connection can be reused, then closes it. */
    private static void discard(ClassicHttpResponse response) {
        try (response) {
            EntityUtils.consume(response.getEntity());
        } catch (IOException e) {
            LOG.debug("could not read the body of a 401 to the end; its connection is dropped", e);
        }
    }
}
