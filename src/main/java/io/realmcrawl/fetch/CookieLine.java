package io.realmcrawl.fetch;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;

/**
 * One line of a Netscape cookies file to and from an HttpClient cookie.
 *
 * <p>Include-subdomains {@code TRUE} is what a {@code Domain} attribute means to HttpClient (the
 * cookie goes to subdomains too), so it is mapped to and from {@link Cookie#DOMAIN_ATTR}; a
 * host-only cookie has no such attribute and matches its host alone.
 */
final class CookieLine {
    private static final String HTTP_ONLY = "#HttpOnly_";

    private CookieLine() {
    }

    static boolean isComment(String line) {
        return line.isBlank() || (line.startsWith("#") && !line.startsWith(HTTP_ONLY));
    }

    /** The cookie on {@code line}; empty for a comment or a line that is not seven fields. */
    static Optional<Cookie> parse(String line) {
        if (isComment(line)) {
            return Optional.empty();
        }
        String[] f = line.stripTrailing().split("\t", -1);
        boolean httpOnly = f[0].startsWith(HTTP_ONLY);
        String domain = httpOnly ? f[0].substring(HTTP_ONLY.length()) : f[0];
        if (f.length != 7 || domain.isEmpty() || f[5].isEmpty() || !f[4].matches("-?\\d{1,19}")) {
            return Optional.empty();
        }
        return Optional.of(cookie(domain, bool(f[1]), f[2], bool(f[3]), Long.parseLong(f[4]), f[5], f[6], httpOnly));
    }

    private static Cookie cookie(String domain, boolean subdomains, String path, boolean secure, long expiry,
                                 String name, String value, boolean httpOnly) {
        BasicClientCookie c = new BasicClientCookie(name, value);
        String host = (domain.startsWith(".") ? domain.substring(1) : domain).toLowerCase(Locale.ROOT);
        c.setDomain(host);
        if (subdomains) {
            c.setAttribute(Cookie.DOMAIN_ATTR, host);
        }
        c.setPath(path.isEmpty() ? "/" : path);
        c.setAttribute(Cookie.PATH_ATTR, c.getPath());
        c.setSecure(secure);
        c.setHttpOnly(httpOnly);
        if (expiry > 0) {
            c.setExpiryDate(Instant.ofEpochSecond(expiry));
        }
        c.setCreationDate(Instant.now());
        return c;
    }

    static String format(Cookie c) {
        boolean subdomains = c.containsAttribute(Cookie.DOMAIN_ATTR);
        String domain = (c.isHttpOnly() ? HTTP_ONLY : "") + (subdomains ? "." : "") + c.getDomain();
        Instant expiry = c.getExpiryInstant();
        return String.join("\t", domain, subdomains ? "TRUE" : "FALSE", c.getPath() == null ? "/" : c.getPath(),
                c.isSecure() ? "TRUE" : "FALSE", expiry == null ? "0" : Long.toString(expiry.getEpochSecond()),
                c.getName(), c.getValue() == null ? "" : c.getValue());
    }

    private static boolean bool(String field) {
        return field.equalsIgnoreCase("TRUE");
    }
}
