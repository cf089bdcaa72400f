package io.realmcrawl.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;
import org.junit.jupiter.api.Test;

class CrawlCookiesTest {

    @Test
    void answersEmptyUntilACookieIsAddedThenAsHttpClientsStore() {
        CrawlCookies cookies = new CrawlCookies();
        assertEquals(List.of(), cookies.getCookies());
        cookies.getCookies().add(cookie("x")); // a copy, as HttpClient's store gives
        assertEquals(List.of(), cookies.getCookies());

        Cookie session = cookie("s");
        cookies.addCookies(new Cookie[] {session});

        assertEquals(List.of(session), cookies.getCookies());
        cookies.clear();
        assertEquals(List.of(), cookies.getCookies());
    }

    private static Cookie cookie(String name) {
        BasicClientCookie cookie = new BasicClientCookie(name, "1");
        cookie.setDomain("example.org");
        cookie.setPath("/");
        return cookie;
    }
}
