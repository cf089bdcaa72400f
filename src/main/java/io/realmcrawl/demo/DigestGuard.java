package io.realmcrawl.demo;

import io.realmcrawl.auth.Challenge;
import io.realmcrawl.auth.ChallengeParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of a {@link DigestRealm}: issues nonces, and lets a request through only when
 * its Digest response is right for this user, password, method and request-target, with a nonce
 * this site issued and, with qop, an {@code nc} not used before with that nonce (no replays).
 *
 * <p>It computes the expected response on its own (not with the crawler's code), so a test that
 * passes shows the crawler agrees with RFC 7616, not merely with itself. A right response with a
 * worn-out nonce ({@link DigestRealm#nonceUses}) gets a new nonce and {@code stale=true}.
 *
 * <p>Thread-safety: nonces live in a concurrent map; each counts its uses atomically.
 */
final class DigestGuard implements Guard {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A nonce this site issued: how often it was accepted, and the nc values it came with. */
    private record Issued(AtomicInteger uses, Set<String> counts) {
    }

    private final DigestRealm realm;
    private final String opaque = random(12);
    private final Map<String, Issued> nonces = new ConcurrentHashMap<>();

    DigestGuard(DigestRealm realm) {
        this.realm = realm;
    }

    @Override
    public String prefix() {
        return realm.prefix();
    }

    @Override
    public Optional<List<String>> refuse(String method, String requestTarget, Optional<String> authorization) {
        if (authorization.isPresent() && realm.alsoBasic() && basic().equals(authorization.get())) {
            return Optional.empty();
        }
        Optional<Map<String, String>> params = authorization.flatMap(DigestGuard::digestParams);
        if (params.isEmpty() || !valid(params.get(), method, requestTarget)) {
            return Optional.of(challenges(false));
        }
        Issued issued = nonces.get(params.get().get("nonce"));
        if (realm.nonceUses() > 0 && issued.uses().incrementAndGet() > realm.nonceUses()) {
            return Optional.of(challenges(true));
        }
        return Optional.empty();
    }

    private boolean valid(Map<String, String> p, String method, String requestTarget) {
        Issued issued = nonces.get(p.getOrDefault("nonce", ""));
        boolean matches = issued != null && realm.user().equals(p.get("username"))
                && realm.realm().equals(p.get("realm")) && requestTarget.equals(p.get("uri"))
                && realm.algorithm().equalsIgnoreCase(p.getOrDefault("algorithm", "MD5"))
                && opaque.equals(p.get("opaque")) && qopFits(p);
        return matches && expected(p, method).equals(p.get("response"))
                && (!realm.qop() || issued.counts().add(p.get("nc")));
    }

    private boolean qopFits(Map<String, String> p) {
        if (!realm.qop()) {
            return !p.containsKey("qop");
        }
        return "auth".equals(p.get("qop")) && p.getOrDefault("nc", "").matches("[0-9a-f]{8}")
                && p.containsKey("cnonce");
    }

    /** The response RFC 7616 §3.4.1 expects for these parameters. */
    private String expected(Map<String, String> p, String method) {
        String nonce = p.get("nonce");
        String cnonce = p.getOrDefault("cnonce", "");
        String ha1 = h(realm.user() + ":" + realm.realm() + ":" + realm.password());
        if (realm.algorithm().toLowerCase(java.util.Locale.ROOT).endsWith("-sess")) {
            ha1 = h(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = h(method + ":" + p.get("uri"));
        String data = realm.qop() ? nonce + ":" + p.get("nc") + ":" + cnonce + ":auth:" + ha2 : nonce + ":" + ha2;
        return h(ha1 + ":" + data);
    }

    private List<String> challenges(boolean stale) {
        String nonce = random(24);
        nonces.put(nonce, new Issued(new AtomicInteger(), ConcurrentHashMap.newKeySet()));
        String digest = "Digest realm=\"" + realm.realm() + "\"" + (realm.qop() ? ", qop=\"auth\"" : "")
                + ", algorithm=" + realm.algorithm() + ", nonce=\"" + nonce + "\", opaque=\"" + opaque + "\""
                + (stale ? ", stale=true" : "");
        List<String> out = new ArrayList<>();
        if (realm.alsoBasic()) {
            out.add("Basic realm=\"" + realm.realm() + "\"");
        }
        out.add(digest);
        return out;
    }

    private static Optional<Map<String, String>> digestParams(String authorization) {
        List<Challenge> parsed = ChallengeParser.parse(List.of(authorization));
        return parsed.size() == 1 && parsed.get(0).scheme().equals("digest")
                ? Optional.of(parsed.get(0).params()) : Optional.empty();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (realm.user() + ":" + realm.password()).getBytes(StandardCharsets.UTF_8));
    }

    private String h(String text) {
        String name = realm.algorithm().toUpperCase(java.util.Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JVM", e);
        }
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
