package io.realmcrawl.crawl;

import io.realmcrawl.config.LoginDetection;
import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.store.BodyCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses an HTML body that is the site's login form (the {@code login page} pattern) rather than
 * the page asked for: a lapsed session answered with a 200. Only the first 256 KiB are looked at:
 * login forms are small, and a whole large page is not worth a regex scan.
 */
final class LoginPageCheck implements BodyCheck {
    private static final int LOOKED_AT = 256 * 1024;
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

    private final LoginDetection login;
    private final ResponseHead head;

    LoginPageCheck(LoginDetection login, ResponseHead head) {
        this.login = login;
        this.head = head;
    }

    @Override
    public Optional<String> reject(Path body) throws IOException {
        if (login.page().isEmpty() || !head.mediaType().map(HTML::contains).orElse(true)) {
            return Optional.empty();
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(body)) {
            start = in.readNBytes(LOOKED_AT);
        }
        // ISO-8859-1 maps every byte to one char: ASCII markers match whatever the page's charset.
        if (login.isLoginPage(new String(start, StandardCharsets.ISO_8859_1))) {
            return Optional.of("the site answered with its login page (login page pattern): the credentials or the"
                    + " session were not accepted; the page was not saved");
        }
        return Optional.empty();
    }
}
