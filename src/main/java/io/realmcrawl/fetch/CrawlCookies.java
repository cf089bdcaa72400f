package io.realmcrawl.fetch;

import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;

/**
 * The crawl's cookie store: HttpClient's, which answers at once, without its lock and copy, while
 * no cookie was ever added. HttpClient asks it for the cookies of every request, and most crawled
 * sites set none (the lock and the copy were ~0.1% of a crawl's CPU).
 */
final class CrawlCookies extends BasicCookieStore {
    private static final long serialVersionUID = 1L;

    /** Set by the first cookie added and never cleared: after that, the store is asked as usual. */
    private volatile boolean everAdded;

    @Override
    public void addCookie(Cookie cookie) {
        everAdded = true;
        super.addCookie(cookie);
    }

    @Override
    public List<Cookie> getCookies() {
        return everAdded ? super.getCookies() : new ArrayList<>(0);
    }
}
