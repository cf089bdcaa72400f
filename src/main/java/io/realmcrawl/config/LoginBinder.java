package io.realmcrawl.config;

import java.util.List;
import java.util.Optional;

/** Binds the {@code login:} mapping to {@link LoginDetection}: {@code url} and {@code page}, both regexes. */
final class LoginBinder {
    static final List<String> KEYS = List.of("url", "page");

    private LoginBinder() {
    }

    static LoginDetection bind(Optional<Field> login) throws ConfigProblem {
        if (login.isEmpty()) {
            return LoginDetection.NONE;
        }
        Section section = login.get().section("'login'", KEYS);
        LoginDetection detection = LoginDetection.NONE;
        Optional<Field> url = section.optional("url");
        if (url.isPresent()) {
            detection = detection.withUrl(CrawlConfigBinder.pattern(url.get()));
        }
        Optional<Field> page = section.optional("page");
        return page.isPresent() ? detection.withPage(CrawlConfigBinder.pattern(page.get())) : detection;
    }
}
