package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

    private static final int MAX_DEPTH = 3;

    /**
     * The scope rules table. Start URLs are separated by spaces; include and exclude hold one
     * pattern or nothing; max-depth is 3. Expected is "in" or the rejection reason.
     */
    @ParameterizedTest(name = "{6}: {3} at depth {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // start                                | include      | exclude    | url                                    | depth | expected | rule
        "http://h/docs/index.html               |              |            | http://h/docs/guide/a.html             | 1 | in | under the start directory",
        "http://h/docs/index.html               |              |            | http://h/docs/                         | 1 | in | the start directory itself",
        "http://h/docs/index.html               |              |            | http://h/docs/index.html               | 0 | in | the start URL itself",
        "http://h/docs/index.html               |              |            | http://h/other/a.html                  | 1 | outside http://h/docs/ (the start directories) | beside the start directory",
        "http://h/docs/index.html               |              |            | http://h/                              | 1 | outside http://h/docs/ (the start directories) | above the start directory (-np)",
        "http://h/docs/index.html               |              |            | http://h/docs-old/a.html               | 1 | outside http://h/docs/ (the start directories) | sibling with the same prefix text",
        "http://h/docs/index.html               |              |            | http://h/docs                          | 1 | outside http://h/docs/ (the start directories) | directory name without its slash",
        "http://h/docs                          |              |            | http://h/docs-old/a.html               | 1 | in | no trailing slash: directory is /",
        "http://h/docs/                         |              |            | http://h/docs/../secret/x              | 1 | outside http://h/docs/ (the start directories) | dot segments cannot climb out",
        "http://h/docs/                         |              |            | http://h/docs/%2e%2e/secret/x          | 1 | outside http://h/docs/ (the start directories) | encoded dot segments cannot climb out",
        "http://h/docs/                         |              |            | HTTP://H:80/docs/a#top                 | 1 | in | URL is normalised before deciding",
        "http://localhost:8080/docs/            |              |            | http://127.0.0.1:8080/docs/x           | 1 | outside http://localhost:8080/docs/ (the start directories) | other origin by host",
        "http://localhost:8080/docs/            |              |            | http://localhost:8081/docs/x           | 1 | outside http://localhost:8080/docs/ (the start directories) | other origin by port",
        "http://localhost:8080/docs/            |              |            | https://localhost:8080/docs/x          | 1 | outside http://localhost:8080/docs/ (the start directories) | other origin by scheme",
        "http://h/docs/                         |              |            | https://h/docs/x                       | 1 | outside http://h/docs/ (the start directories) | https is not http",
        "https://h:443/docs/                    |              |            | https://h/docs/x                       | 1 | in | default port is the same origin",
        "http://h/docs/ http://h/api/v2/        |              |            | http://h/api/v2/x                      | 1 | in | second start directory",
        "http://h/docs/ http://h/api/v2/        |              |            | http://h/api/v1/x                      | 1 | outside http://h/docs/, http://h/api/v2/ (the start directories) | outside all start directories",
        "http://h/docs/                         | /static/     |            | http://h/static/site.css               | 1 | in | include widens beyond the prefix",
        "http://h/docs/                         | ^https?://cdn\\.example/ |  | https://cdn.example/lib.js           | 1 | in | include widens to another origin",
        "http://h/docs/                         | /static/     |            | http://h/images/logo.png               | 1 | outside http://h/docs/ (the start directories) | include that does not match",
        "http://h/docs/                         |              | \\.pdf$    | http://h/docs/manual.pdf               | 1 | excluded by '\\.pdf$' | exclude narrows",
        "http://h/docs/                         |              | \\.pdf$    | http://h/docs/manual.pdf?download=1    | 1 | in | exclude anchored at the end",
        "http://h/docs/                         |              | [?&]sort=  | http://h/docs/list?page=2&sort=name    | 1 | excluded by '[?&]sort=' | exclude sees the query",
        "http://h/docs/                         | /static/     | /static/   | http://h/static/a.css                  | 1 | excluded by '/static/' | exclude beats include",
        "http://h/docs/                         |              | ^http://h/docs/$ | http://h/docs/                   | 0 | excluded by '^http://h/docs/$' | exclude sees the normalised URL",
        "http://h/docs/                         |              |            | http://h/docs/deep.html                | 3 | in | depth equal to max-depth",
        "http://h/docs/                         |              |            | http://h/docs/deeper.html              | 4 | depth 4 is over max-depth 3 | depth over max-depth",
        "http://h/docs/                         | /static/     |            | http://h/static/deep.css               | 4 | depth 4 is over max-depth 3 | depth limits includes too",
        "http://h/docs/                         |              | \\.pdf$    | http://h/docs/deep.pdf                 | 9 | excluded by '\\.pdf$' | exclude is named before depth",
        "http://h/docs/                         |              |            | mailto:a@h                             | 1 | not an http(s) URL with a host: mailto:a@h | not http",
    })
    void decidesByTheScopeRules(String starts, String include, String exclude, String url, int depth, String expected,
            String rule) {
        Scope scope = Scope.of(uris(starts), patterns(include), patterns(exclude), MAX_DEPTH);

        Scope.Decision decision = scope.decide(URI.create(url), depth);

        Scope.Decision want = expected.equals("in") ? new Scope.Decision.Accepted() : new Scope.Decision.Rejected(expected);
        assertEquals(want, decision, rule);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://h/docs/index.html           | http://h/docs/",
        "http://h/docs                      | http://h/",
        "http://h                           | http://h/",
        "HTTP://U:P@H:80/a/./b/c.html?x#y   | http://h/a/b/",
        "http://h/a/b/                      | http://h/a/b/",
        "https://h:8443/x/y?q=/z/           | https://h:8443/x/",
    })
    void prefixIsTheStartUrlsNormalisedDirectory(String start, String prefix) {
        assertEquals(List.of(URI.create(prefix)), Scope.of(uris(start), List.of(), List.of(), 0).prefixes());
    }

    @Test
    void prefixesKeepStartOrderWithoutDuplicates() {
        Scope scope = Scope.of(uris("http://h/b/1 http://h/a/ http://h/b/2"), List.of(), List.of(), 0);
        assertEquals(uris("http://h/b/ http://h/a/"), scope.prefixes());
    }

    @Test
    void decisionSaysWhetherAccepted() {
        Scope scope = Scope.of(uris("http://h/docs/"), List.of(), List.of(), 0);
        assertTrue(scope.decide(URI.create("http://h/docs/a"), 0).isAccepted());
        assertFalse(scope.decide(URI.create("http://h/a"), 0).isAccepted());
    }

    @Test
    void refusesStartUrlThatIsNotHttp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scope.of(uris("ftp://h/docs/"), List.of(), List.of(), 1));
        assertTrue(e.getMessage().contains("'ftp://h/docs/'"), e.getMessage());
    }

    @Test
    void refusesNoStartUrls() {
        assertThrows(IllegalArgumentException.class, () -> Scope.of(List.of(), List.of(), List.of(), 1));
    }

    @Test
    void refusesNegativeMaxDepth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scope.of(uris("http://h/"), List.of(), List.of(), -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    private static List<URI> uris(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.strip().split("\\s+")).map(URI::create).collect(Collectors.toList());
    }

    private static List<Pattern> patterns(String pattern) {
        return pattern == null ? List.of() : List.of(Pattern.compile(pattern));
    }
}
