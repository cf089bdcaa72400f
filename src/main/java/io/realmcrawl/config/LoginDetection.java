package io.realmcrawl.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to recognise a "soft" authentication failure: a site that answers a lapsed session or wrong
 * credentials not with a 401 but with a redirect to its login form, or with the form itself as a
 * 200 page. Such answers are auth failures (exit 6), never saved as content.
 *
 * @param url  a URL matching this (found anywhere in the URL) is the login page: a redirect to it
 *             is an auth failure, and it is never crawled itself
 * @param page an HTML page whose text matches this is the login form, not the page asked for
 */
public record LoginDetection(Optional<Pattern> url, Optional<Pattern> page) {

    public static final LoginDetection NONE = new LoginDetection(Optional.empty(), Optional.empty());

    public LoginDetection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(page, "page");
    }

    public boolean isLoginUrl(URI candidate) {
        return url.map(p -> p.matcher(candidate.toString()).find()).orElse(false);
    }

    public boolean isLoginPage(CharSequence text) {
        return page.map(p -> p.matcher(text).find()).orElse(false);
    }

    public LoginDetection withUrl(Pattern v) {
        return new LoginDetection(Optional.of(v), page);
    }

    public LoginDetection withPage(Pattern v) {
        return new LoginDetection(url, Optional.of(v));
    }
}
