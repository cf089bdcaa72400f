package io.realmcrawl.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A user name and its password, as found by a {@link CredentialSource}.
 *
 * <p>The password is a {@code char[]} kept in this object alone (the constructor copies it), so
 * {@link #destroy()} can wipe it; {@link #toString()} never shows it. The Basic header value is
 * a String, as HTTP headers are: that copy cannot be wiped. It is built once and kept, as it goes
 * with every request of a realm (building it each time was ~0.4% of a crawl's CPU); destroy()
 * forgets it.
 */
public final class Credentials {

    private final String user;
    private final char[] password;
    private volatile String basic;

    public Credentials(String user, char[] password) {
        this.user = Objects.requireNonNull(user, "user");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name cannot contain ':', got '" + user + "'");
        }
        this.password = Objects.requireNonNull(password, "password").clone();
    }

    /**
     * These credentials for HttpClient's own proxy authentication (a 407, and the CONNECT of an
     * https tunnel), with a copy of the password. Used only for the proxy's login, never an origin's.
     */
    public org.apache.hc.client5.http.auth.UsernamePasswordCredentials forProxy() {
        return new org.apache.hc.client5.http.auth.UsernamePasswordCredentials(user, password.clone());
    }

    public String user() {
        return user;
    }

    /** {@code Basic base64(user:password)}, the bytes in UTF-8 (RFC 7617 §2.1 {@code charset}). */
    public String basicAuthorization() {
        String value = basic;
        if (value == null) {
            value = buildBasicAuthorization();
            basic = value;
        }
        return value;
    }

    private String buildBasicAuthorization() {
        CharBuffer chars = CharBuffer.allocate(user.length() + 1 + password.length);
        chars.put(user).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(raw);
        } finally {
            Arrays.fill(chars.array(), '\0');
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /**
     * {@code H(user:realm:password)} of RFC 7616 §3.4.2, the bytes in UTF-8: the Digest HA1. It is
     * a password equivalent, so callers hash it further and never keep or show it.
     */
    String digestHa1(DigestAlgorithm algorithm, String realm) {
        CharBuffer chars = CharBuffer.allocate(user.length() + realm.length() + 2 + password.length);
        chars.put(user).put(':').put(realm).put(':').put(password).flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        byte[] raw = new byte[bytes.remaining()];
        bytes.get(raw);
        try {
            return algorithm.hash(raw);
        } finally {
            Arrays.fill(chars.array(), '\0');
            Arrays.fill(raw, (byte) 0);
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    /** Zeroes the password; later headers would carry an empty-looking password. */
    public void destroy() {
        Arrays.fill(password, '\0');
        basic = null;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=(redacted)]";
    }
}
