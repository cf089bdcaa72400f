package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run: keep-set-cookie}: off unless a crawl config turns it on; not a boolean is an error. */
class KeepSetCookieTest {
    @TempDir
    Path tmp;

    @Test
    void setCookieIsRedactedUnlessTheConfigKeepsIt() throws Exception {
        ConfigFixture fx = new ConfigFixture(tmp);
        assertFalse(fx.load("start: https://h/docs/\n").run().keepSetCookie());
        assertTrue(fx.load("start: https://h/docs/\nrun:\n  keep-set-cookie: true\n").run().keepSetCookie());
    }

    @Test
    void aValueThatIsNotABooleanNamesTheLine() {
        ConfigException e = new ConfigFixture(tmp).failure("start: https://h/docs/\nrun:\n  keep-set-cookie: maybe\n");
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
