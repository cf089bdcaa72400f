package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tempDir;
    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(tempDir);
    }

    @Test
    void configErrorsNameFileAndLine() {
        Path file = fx.write("docs.yaml", """
                start: https://intranet.example/docs/
                limits:
                  max-depth: ten
                """);
        ConfigException e = fx.failure(file);
        assertEquals(file, e.file());
        assertEquals(3, e.line());
        assertEquals(file + " line 3: 'max-depth' must be a whole number >= 0, got \"ten\"", e.getMessage());
        assertEquals("'max-depth' must be a whole number >= 0, got \"ten\"", e.problem());
    }

    @Test
    void fullConfigBindsEveryKey() throws ConfigException {
        CrawlConfig c = fx.load("""
                name: handbook
                start:
                  - https://intranet.example/docs/
                  - http://intranet.example:8080/more/
                scope:
                  include: ['^https://intranet\\.example/docs-extra/']
                  exclude: ['\\?C=[NMSD];O=[AD]$', '/logout']
                limits:
                  max-depth: 3
                  max-pages: 100
                  max-page-size: 2KiB
                  connect-timeout: 500ms
                  response-timeout: 7
                  page-timeout: 2m
                  max-redirects: 0
                  concurrency: 1
                login:
                  url: '/login\\b'
                  page: '<form[^>]+id="login"'
                run:
                  max-duration: 3h
                  fsync: true
                  attic: false
                user-agent: "realmcrawl-test (+mailto:ops@example.org)"
                output: mirrors/handbook
                credentials:
                  - server: https://intranet.example
                    realm: "Docs"
                    user: alice
                    password-file: ~/.docs-pass
                  - server: https://intranet.example:8443
                    user: bob
                    password-env: DOCS_PASSWORD
                """);
        assertEquals("handbook", c.name());
        assertEquals(List.of(URI.create("https://intranet.example/docs/"), URI.create("http://intranet.example:8080/more/")),
                c.startUrls());
        assertEquals(List.of("^https://intranet\\.example/docs-extra/"), patterns(c.include()));
        assertEquals(List.of("\\?C=[NMSD];O=[AD]$", "/logout"), patterns(c.exclude()));
        assertEquals(new Limits(3, 100, 2048, Duration.ofMillis(500), Duration.ofSeconds(7), Duration.ofMinutes(2), 0, 1),
                c.limits());
        assertEquals(new RunPolicy(Optional.of(Duration.ofHours(3)), true, false), c.run());
        assertEquals("/login\\b", c.login().url().orElseThrow().pattern());
        assertTrue(c.login().isLoginPage("<form method=post id=\"login\">"));
        assertEquals("realmcrawl-test (+mailto:ops@example.org)", c.userAgent());
        assertEquals(fx.work.resolve("mirrors/handbook"), c.output());
        assertEquals(List.of(
                new CredentialEntry(Origin.parse("https://intranet.example"), Optional.of("Docs"), "alice",
                        new PasswordSource.File(fx.home.resolve(".docs-pass"))),
                new CredentialEntry(Origin.parse("https://intranet.example:8443"), Optional.empty(), "bob",
                        new PasswordSource.Env("DOCS_PASSWORD"))), c.credentials());
        assertEquals(Optional.of(fx.work.resolve("crawl-configs/docs.yaml")), c.source());
    }

    @Test
    void leftOutKeysTakeTheirDefaults() throws ConfigException {
        CrawlConfig c = fx.load("start: https://intranet.example/docs/\n");
        assertEquals("docs", c.name());
        assertEquals(Limits.DEFAULTS, c.limits());
        assertEquals(CrawlConfig.DEFAULT_USER_AGENT, c.userAgent());
        assertEquals(fx.work.resolve("output/docs"), c.output());
        assertEquals(List.of(), c.include());
        assertEquals(List.of(), c.exclude());
        assertEquals(List.of(), c.credentials());
    }

    @Test
    void emptySectionsAreTheSameAsLeavingThemOut() throws ConfigException {
        CrawlConfig c = fx.load("start: https://intranet.example/\nscope:\nlimits:\ncredentials:\n");
        assertEquals(Limits.DEFAULTS, c.limits());
        assertEquals(List.of(), c.credentials());
    }

    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                limits:
                  max-dept: 3
                """);
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("unknown key 'max-dept' in 'limits'; did you mean 'max-depth'?"), e.problem());
        assertTrue(e.problem().contains("known keys: max-depth, max-pages, max-page-size"), e.problem());
    }

    @Test
    void unrelatedUnknownKeyListsTheKnownKeysWithoutAGuess() {
        ConfigException e = fx.failure("start: https://intranet.example/\nrobots: ignore\n");
        assertEquals("unknown key 'robots' in the top level; known keys: name, start, scope, limits, login, run, user-agent,"
                + " output, credentials, tls, proxy, politeness, archive, sitemaps", e.problem());
    }

    @Test
    void passwordValueInConfigIsRefused() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - server: https://intranet.example
                    user: alice
                    password: %s
                """.formatted(ConfigFixture.PASSWORD));
        assertEquals(5, e.line());
        assertEquals("'password': passwords are never written in a crawl config; use password-file or password-env",
                e.problem());
        assertFalse(e.getMessage().contains(ConfigFixture.PASSWORD));
    }

    @Test
    void syntaxErrorGivesItsLineButNeverQuotesTheLine() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - server: https://intranet.example
                    user: alice
                    password-file: %s : oops
                """.formatted(ConfigFixture.PASSWORD));
        assertEquals(5, e.line());
        assertTrue(e.problem().startsWith("YAML syntax error: mapping values are not allowed here"), e.problem());
        assertFalse(e.getMessage().contains(ConfigFixture.PASSWORD));
        assertEquals(null, e.getCause());
    }

    @Test
    void missingPasswordFileIsAnErrorWithItsLine() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - server: https://intranet.example
                    user: alice
                    password-file: ~/.no-such-pass
                """);
        assertEquals(5, e.line());
        assertEquals("'password-file' names a password file " + fx.home.resolve(".no-such-pass")
                + " (from \"~/.no-such-pass\") that does not exist", e.problem());
    }

    @Test
    void passwordFileThatIsAFolderIsRefused() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - {server: https://intranet.example, user: alice, password-file: ~/}
                """);
        assertEquals(3, e.line());
        assertTrue(e.problem().endsWith("that is not a regular file"), e.problem());
    }

    @Test
    void relativePasswordFileIsFoundFromTheWorkingDirectory() throws Exception {
        java.nio.file.Files.writeString(fx.work.resolve("pass.txt"), "x\n");
        CrawlConfig c = fx.load("""
                start: https://intranet.example/docs/
                credentials:
                  - {server: https://intranet.example, user: alice, password-file: pass.txt}
                """);
        assertEquals(new PasswordSource.File(fx.work.resolve("pass.txt")), c.credentials().get(0).password());
    }

    @Test
    void unsetOrEmptyPasswordVariableIsAnErrorWithItsLine() {
        String config = """
                start: https://intranet.example/docs/
                credentials:
                  - server: https://intranet.example
                    user: alice
                    password-env: %s
                """;
        ConfigException unset = fx.failure(config.formatted("NOT_SET_VAR"));
        assertEquals(5, unset.line());
        assertEquals("'password-env' names the environment variable NOT_SET_VAR, which is not set;"
                + " export it before the crawl runs", unset.problem());
        assertTrue(fx.failure(config.formatted("EMPTY_VAR")).problem().contains("which is empty"));
    }

    @Test
    void passwordWrittenAsAVariableNameIsNotEchoed() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - {server: https://intranet.example, user: alice, password-env: "s3cr3t!pw"}
                """);
        assertEquals(3, e.line());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void twoCredentialsForOneServerAndRealmNameBothLines() {
        ConfigException e = fx.failure("""
                start: https://intranet.example/docs/
                credentials:
                  - server: https://intranet.example
                    realm: Docs
                    user: alice
                    password-env: DOCS_PASSWORD
                  - server: https://INTRANET.example:443/
                    realm: Docs
                    user: bob
                    password-file: ~/.docs-pass
                """);
        assertEquals(7, e.line());
        assertEquals("a second credential for https://intranet.example realm \"Docs\"; the first is on line 3"
                + " (keep one per server and realm)", e.problem());
    }

    @Test
    void sameServerWithDifferentRealmsIsFine() throws ConfigException {
        CrawlConfig c = fx.load("""
                start: https://intranet.example/docs/
                credentials:
                  - {server: https://intranet.example, realm: Docs, user: alice, password-env: DOCS_PASSWORD}
                  - {server: https://intranet.example, realm: Ops, user: bob, password-env: DOCS_PASSWORD}
                  - {server: https://intranet.example, user: carol, password-env: DOCS_PASSWORD}
                """);
        assertEquals(3, c.credentials().size());
    }

    @Test
    void startUrlIsKeptAsWrittenForTheEngineToNormalise() throws ConfigException {
        CrawlConfig c = fx.load("start: HTTPS://Intranet.Example:443/a/../docs/\n");
        assertEquals(List.of(URI.create("HTTPS://Intranet.Example:443/a/../docs/")), c.startUrls());
    }

    @Test
    void startUrlWithAPasswordIsRefusedWithoutEchoingIt() {
        ConfigException e = fx.failure("start:\n  - https://alice:hunter2@intranet.example/docs/\n");
        assertEquals(2, e.line());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void homeFolderExpandsInOutput() throws ConfigException {
        CrawlConfig c = fx.load("start: https://intranet.example/\noutput: ~/mirrors/docs\n");
        assertEquals(fx.home.resolve("mirrors/docs"), c.output());
    }

    @Test
    void nameDefaultsToTheFileNameWithoutYaml() throws ConfigException {
        Path file = fx.write("team-wiki.yml", "start: https://intranet.example/\n");
        CrawlConfig c = ConfigLoader.load(file, fx.env);
        assertEquals("team-wiki", c.name());
        assertEquals(fx.work.resolve("output/team-wiki"), c.output());
    }

    @Test
    void fileNameThatMakesNoCrawlNameAsksForAName() {
        ConfigException e = fx.failure(fx.write("my docs.yaml", "start: https://intranet.example/\n"));
        assertEquals(0, e.line());
        assertTrue(e.problem().startsWith("the file name does not make a crawl name: add a 'name:' key"), e.problem());
    }

    private static List<String> patterns(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }
}
