package io.realmcrawl.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The Digest {@code algorithm} values this crawler answers (RFC 7616 §3.3): MD5 and SHA-256, each
 * with its {@code -sess} variant. Other values (SHA-512-256, vendor ones) are not usable, so a
 * challenge naming one is skipped in favour of Basic when the server offers that too.
 */
enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private final String token;
    private final String jcaName;
    private final boolean session;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The algorithm a challenge names; an absent parameter means MD5 (RFC 7616 §3.3). */
    static Optional<DigestAlgorithm> of(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.of(MD5);
        }
        for (DigestAlgorithm a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(token.get().strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The name as it goes into the {@code algorithm} parameter. */
    String token() {
        return token;
    }

    /** True for the {@code -sess} variants, whose HA1 also covers the nonce and the cnonce. */
    boolean session() {
        return session;
    }

    /** True for the SHA-256 family, preferred over MD5 when a server offers both. */
    boolean sha256() {
        return jcaName.equals("SHA-256");
    }

    /** Lower-case hex of the hash of the UTF-8 bytes of {@code text}: RFC 7616's {@code H(data)}. */
    String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the hash of {@code bytes}. */
    String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jcaName).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JVM, which every Java SE must have", e);
        }
    }
}
