package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of bad configs: each is refused with the file name, its line and the reason. */
class BadConfigTest {
    private static final String START = "start: https://intranet.example/docs/\n";
    private static final String CRED = START + "credentials:\n  - server: https://intranet.example\n";

    @TempDir
    Path tempDir;

    /** One row: what is wrong, the YAML, the line the message must name, text it must contain. */
    record Bad(String what, String yaml, int line, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Bad> badConfigs() {
        return Stream.of(
                new Bad("https proxy", START + "proxy:\n  url: https://proxy.example:3128\n", 3,
                        "'url' must be an http:// proxy"),
                new Bad("proxy user without a password", START + "proxy:\n  url: http://proxy.example:3128\n  user: p\n",
                        3, "needs 'password-file'"),
                new Bad("yes for a boolean", START + "run:\n  fsync: yes\n", 3,
                        "'fsync' must be true or false, got \"yes\""),
                new Bad("unknown run key", START + "run:\n  max-durations: 1h\n", 3,
                        "did you mean 'max-duration'?"),
                new Bad("word for a number", START + "limits:\n  max-depth: ten\n", 3,
                        "'max-depth' must be a whole number >= 0, got \"ten\""),
                new Bad("negative number", START + "limits:\n  max-pages: -1\n", 3,
                        "'max-pages' must be a whole number >= 0, got \"-1\""),
                new Bad("fraction", START + "limits:\n  max-redirects: 1.5\n", 3,
                        "'max-redirects' must be a whole number >= 0, got \"1.5\""),
                new Bad("tiny max-url-length", START + "limits:\n  max-url-length: 8\n", 3,
                        "'max-url-length' must be a whole number >= 16, got \"8\""),
                new Bad("negative max-segment-repeats", START + "limits:\n  max-segment-repeats: -2\n", 3,
                        "'max-segment-repeats' must be a whole number >= 0, got \"-2\""),
                new Bad("word for max-parse-size", START + "limits:\n  max-parse-size: lots\n", 3,
                        "max-parse-size"),
                new Bad("zero concurrency", START + "limits:\n  concurrency: 0\n", 3,
                        "'concurrency' must be a whole number >= 1, got \"0\""),
                new Bad("number too large", START + "limits:\n  max-depth: 99999999999\n", 3,
                        "'max-depth' is too large"),
                new Bad("mapping for a number", START + "limits:\n  max-depth:\n    value: 3\n", 3,
                        "'max-depth' must be a single value, got a mapping"),
                new Bad("empty number", START + "limits:\n  max-depth:\n", 3,
                        "'max-depth' must be a single value, got nothing"),
                new Bad("list for a string", START + "user-agent: [a, b]\n", 2,
                        "'user-agent' must be a single value, got a list"),
                new Bad("byte size without known unit", START + "limits:\n  max-page-size: 64 megs\n", 3,
                        "'max-page-size' must be a number of bytes, or a number with a unit (B, KB, KiB, MB, MiB, GB, GiB)"),
                new Bad("zero byte size", START + "limits:\n  max-page-size: 0MiB\n", 3,
                        "'max-page-size' must be at least 1 byte"),
                new Bad("duration in words", START + "limits:\n  connect-timeout: 10 minutes\n", 3,
                        "'connect-timeout' must be a duration (500ms, 10s, 2m, 1h, or a number of seconds)"),
                new Bad("zero duration", START + "limits:\n  page-timeout: 0s\n", 3,
                        "'page-timeout' must be longer than zero, got \"0s\""),
                new Bad("limits as a number", START + "limits: 5\n", 2,
                        "'limits' must be a mapping of keys (key: value), got a single value"),
                new Bad("misspelt top-level key", "starts: https://intranet.example/\n", 1,
                        "unknown key 'starts' in the top level; did you mean 'start'?"),
                new Bad("misspelt scope key", START + "scope:\n  exlcude: ['x']\n", 3,
                        "unknown key 'exlcude' in 'scope'; did you mean 'exclude'?"),
                new Bad("misspelt credential key", CRED + "    usr: alice\n", 4,
                        "unknown key 'usr' in this credential; did you mean 'user'?"),
                new Bad("duplicate key", START + "name: a\nname: b\n", 3,
                        "duplicate key 'name' (first on line 2)"),
                new Bad("no start", "name: docs\n", 1, "the top level needs 'start'"),
                new Bad("empty start list", "start: []\n", 1, "'start' needs at least one URL"),
                new Bad("relative start URL", "start:\n  - https://intranet.example/\n  - /docs/\n", 3,
                        "'start' must be an absolute http(s) URL with a host, e.g. https://intranet.example/docs/, got \"/docs/\""),
                new Bad("ftp start URL", "start: ftp://intranet.example/\n", 1,
                        "must be an absolute http(s) URL with a host"),
                new Bad("start URL with a space", "start: https://intranet.example/my docs/\n", 1,
                        "'start' must be an absolute http(s) URL, got \"https://intranet.example/my docs/\": Illegal character in path at index 27"),
                new Bad("start URL with a user", "start: https://alice@intranet.example/\n", 1,
                        "'start' must not hold a user or password (user@host); put them under 'credentials'"),
                new Bad("regex that does not compile", START + "scope:\n  include:\n    - '^https://ok/'\n    - '[a-'\n", 5,
                        "'include' holds a regular expression that does not compile: Illegal character range at index 3 of \"[a-\""),
                new Bad("scope as a list", START + "scope: ['^https://x/']\n", 2,
                        "'scope' must be a mapping of keys (key: value), got a list"),
                new Bad("server with a path", START + "credentials:\n  - server: https://intranet.example/docs\n"
                        + "    user: a\n    password-env: DOCS_PASSWORD\n", 3,
                        "'server' must be scheme://host[:port] (no path)"),
                new Bad("server without scheme", START + "credentials:\n  - server: intranet.example\n"
                        + "    user: a\n    password-env: DOCS_PASSWORD\n", 3, "'server' must be scheme://host[:port]"),
                new Bad("both password sources", CRED + "    user: a\n    password-file: ~/.docs-pass\n"
                        + "    password-env: DOCS_PASSWORD\n", 6,
                        "'password-env' and 'password-file' are both given; keep exactly one"),
                new Bad("no password source", CRED + "    user: a\n", 3,
                        "this credential needs 'password-file' (a file holding the password) or 'password-env'"),
                new Bad("no user", CRED + "    password-env: DOCS_PASSWORD\n", 3, "this credential needs 'user'"),
                new Bad("user with a colon", CRED + "    user: a:b\n    password-env: DOCS_PASSWORD\n", 4,
                        "'user' must be a non-empty user name without ':'"),
                new Bad("password key", CRED + "    user: a\n    password: x\n", 5,
                        "passwords are never written in a crawl config; use password-file or password-env"),
                new Bad("credentials as a mapping", START + "credentials:\n  server: https://intranet.example\n", 2,
                        "'credentials' must be a list, got a mapping"),
                new Bad("credential as a single value", START + "credentials:\n  - alice\n", 3,
                        "'credentials' must be a mapping of keys (key: value), got a single value"),
                new Bad("top level is a list", "- https://intranet.example/\n", 1,
                        "the top level must be a mapping of keys (name:, start:, ...), got a list"),
                new Bad("top level is a single value", "https://intranet.example/\n", 1,
                        "the top level must be a mapping of keys (name:, start:, ...), got a single value"),
                new Bad("unclosed flow list", "name: x\nstart: [https://intranet.example/\n", 3,
                        "YAML syntax error: expected ',' or ']', but got <stream end> (while parsing a flow sequence)"),
                new Bad("tab indentation", START + "limits:\n\tmax-depth: 3\n", 3, "YAML syntax error:"),
                new Bad("anchor on a list", "start: &s [https://intranet.example/]\n", 1, "YAML anchors (&name) are not supported"),
                new Bad("alias", "name: &n docs\nstart: *n\n", 2, "YAML aliases (*name) are not supported"),
                new Bad("alias alone", START + "output: *out\n", 2, "YAML aliases (*name) are not supported"),
                new Bad("tag", START + "name: !!str 10\n", 2, "YAML tags (!!type) are not supported"),
                new Bad("second document", START + "---\nname: other\n", 3, "a second YAML document starts here"),
                new Bad("name with a slash", START + "name: ../etc\n", 2,
                        "'name' must be letters, digits, '.', '_' or '-' (it names the output folder), got \"../etc\""),
                new Bad("other user's home", START + "output: ~bob/mirror\n", 2,
                        "'output' is not a usable path (~user/ is not expanded, only ~/ (your home folder)), got \"~bob/mirror\""),
                new Bad("line break in user agent", START + "user-agent: \"a\\r\\nX-Evil: 1\"\n", 2,
                        "'user-agent' must not contain control characters"),
                new Bad("empty user agent", START + "user-agent: ''\n", 2, "'user-agent' must not be empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigIsRefusedWithFileLineAndReason(Bad bad) {
        ConfigFixture fx = new ConfigFixture(tempDir);
        Path file = fx.write("bad.yaml", bad.yaml());
        ConfigException e = fx.failure(file);
        assertTrue(e.getMessage().startsWith(file + " line " + bad.line() + ": "), e.getMessage());
        assertTrue(e.problem().contains(bad.expected()), e.getMessage());
        assertEquals(bad.line(), e.line());
    }
}
