package io.realmcrawl.auth;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's entry for one protection space: its credentials, how far they are trusted, and the
 * scheme the server last asked for (Basic, or Digest with its current nonce, see {@link Nonces}).
 *
 * <p>States: NEW (not looked up) → MISSING (lookup found nothing; final) or UNVERIFIED (found,
 * never sent) → VERIFIED (a server accepted them) → REJECTED (a server answered 401 to them;
 * final). UNVERIFIED may also go straight to REJECTED.
 *
 * <p>Thread-safety: the lookup and the first sending of the credentials happen under one lock
 * (the "first turn"), so concurrent requests that meet a new space cause one lookup and one
 * trial of the credentials, and wrong credentials are sent once, not once per worker. After
 * that, reads are lock-free (the state is an atomic reference).
 */
final class SpaceEntry {

    enum State { NEW, MISSING, UNVERIFIED, VERIFIED, REJECTED }

    /** What a request that met this space's challenge may do. */
    sealed interface Admission {
        /** Send these credentials; {@code firstTurn} means the caller must {@link #endTurn()}. */
        record Send(Credentials credentials, boolean firstTurn) implements Admission {
        }

        /** Do not repeat the request; hand back the 401 with this failure. */
        record Refuse(AuthFailure failure) implements Admission {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RealmAuth.class);

    private final ProtectionSpace space;
    private final ReentrantLock turn = new ReentrantLock();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final java.util.concurrent.atomic.AtomicInteger refusedInARow = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Credentials credentials;
    private volatile String missingWhy;
    private final Nonces nonces = new Nonces();
    private volatile boolean digest;

    SpaceEntry(ProtectionSpace space) {
        this.space = space;
    }

    ProtectionSpace space() {
        return space;
    }

    State state() {
        return state.get();
    }

    /** The credentials to send before any challenge: only once a server has accepted them. */
    Optional<Credentials> preemptive() {
        return state.get() == State.VERIFIED ? Optional.of(credentials) : Optional.empty();
    }

    /** Remembers the scheme of the challenge being answered and, for Digest, adopts its nonce. */
    void learn(Offer offer) {
        if (offer instanceof Offer.Digest d) {
            nonces.learn(d.challenge());
            digest = true;
        } else {
            digest = false;
        }
    }

    /**
     * The {@code Authorization} value of one request with these credentials, in the scheme last
     * learnt: for Digest, the current nonce with the next {@code nc}. Never logged.
     */
    String authorization(Credentials sent, String method, String requestTarget) {
        if (!digest) {
            return sent.basicAuthorization();
        }
        Nonces.Use use = nonces.next().orElseThrow(() -> new IllegalStateException("Digest without a nonce for " + space));
        return DigestResponder.authorization(sent, use, method, requestTarget);
    }

    /** Decides, looking the credentials up if nobody has yet, whether a challenged request is repeated. */
    Admission admit(CredentialSource source, Duration waitLimit) throws InterruptedIOException {
        if (state.get() == State.VERIFIED) {
            return new Admission.Send(credentials, false);
        }
        if (!acquireTurn(waitLimit)) {
            return new Admission.Refuse(new AuthFailure.NoCredentials(space,
                    "gave up after " + waitLimit.toSeconds() + " s waiting for another request to try the credentials"));
        }
        boolean keepTurn = false;
        try {
            if (state.get() == State.NEW) {
                lookUp(source);
            }
            keepTurn = state.get() == State.UNVERIFIED;
            return admissionNow(keepTurn);
        } finally {
            if (!keepTurn) {
                turn.unlock();
            }
        }
    }

    private Admission admissionNow(boolean firstTurn) {
        switch (state.get()) {
            case MISSING:
                return new Admission.Refuse(new AuthFailure.NoCredentials(space, missingWhy));
            case REJECTED:
                return new Admission.Refuse(new AuthFailure.Rejected(space));
            default:
                return new Admission.Send(credentials, firstTurn);
        }
    }

    private void lookUp(CredentialSource source) {
        CredentialSource.Lookup found = source.lookup(space);
        if (found instanceof CredentialSource.Lookup.Found f) {
            credentials = f.credentials();
            state.set(State.UNVERIFIED);
        } else {
            missingWhy = ((CredentialSource.Lookup.Missing) found).why();
            state.set(State.MISSING);
            LOG.debug("no credentials for {}: {}", space, missingWhy);
        }
    }

    /** A request that carried the credentials preemptively was answered: the run of refusals ends. */
    void succeeded() {
        if (refusedInARow.get() != 0) {
            refusedInARow.set(0);
        }
    }

    /** A request that carried verified credentials was refused; returns how many in a row now. */
    int refused() {
        return refusedInARow.incrementAndGet();
    }

    /** Records that a server accepted the credentials; true the first time. */
    boolean accept() {
        return state.compareAndSet(State.UNVERIFIED, State.VERIFIED);
    }

    /** Marks the space rejected for good; true when this call did it. */
    boolean reject() {
        State before = state.getAndSet(State.REJECTED);
        return before != State.REJECTED;
    }

    /** Ends the first turn that {@link #admit} granted. */
    void endTurn() {
        turn.unlock();
    }

    private boolean acquireTurn(Duration waitLimit) throws InterruptedIOException {
        try {
            return turn.tryLock(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the credentials of " + space);
        }
    }
}
