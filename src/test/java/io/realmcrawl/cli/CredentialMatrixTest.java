package io.realmcrawl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.demo.LoopbackSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * wget2's matrix of wrong or missing credentials: every combination that reaches the server
 * without the right user and password for the right (origin, realm) is an auth failure, exit 6,
 * with at most one request carrying credentials and no page saved.
 */
class CredentialMatrixTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret-Pw";

    @TempDir
    Path tmp;

    private LoopbackSite site;

    @BeforeEach
    void start() {
        site = LoopbackSite.builder().html("/docs/", "<a href='a.html'>a</a>").html("/docs/a.html", "A")
                .protect("/docs/", "Docs", USER, PASSWORD).start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no credentials at all         | -          | -          | -    | 127.0.0.1",
        "wrong user                    | bob        | s3cret-Pw  | Docs | 127.0.0.1",
        "wrong password                | alice      | s3cret-pw  | Docs | 127.0.0.1",
        "wrong user and password       | bob        | nope       | Docs | 127.0.0.1",
        "empty password file           | alice      | ''         | Docs | 127.0.0.1",
        "password with a trailing space| alice      | 's3cret-Pw '| Docs | 127.0.0.1",
        "credentials for another realm | alice      | s3cret-Pw  | Ops  | 127.0.0.1",
        "credentials for another origin| alice      | s3cret-Pw  | Docs | localhost",
    })
    void wrongOrMissingCredentialsExit6(String combination, String user, String password, String realm, String host)
            throws Exception {
        Path config = config(user, password, realm, host);
        StringWriter err = new StringWriter();

        int code = Main.run(new PrintWriter(err, true), "crawl", config.toString(), "-q");

        assertEquals(6, code, combination + ":\n" + err);
        long withCredentials = site.requests().stream().filter(r -> r.authorization().isPresent()).count();
        assertTrue(withCredentials <= 1, combination + ": " + withCredentials + " requests carried credentials");
        assertFalse(Files.exists(tmp.resolve("out/127.0.0.1_" + site.port() + "/docs/index.html")), combination);
    }

    private Path config(String user, String password, String realm, String host) throws Exception {
        StringBuilder yaml = new StringBuilder("name: matrix\nstart: " + site.url("/docs/") + "\noutput: '"
                + tmp.resolve("out") + "'\n");
        if (!user.equals("-")) {
            Path file = tmp.resolve("pass");
            Files.writeString(file, password.isEmpty() ? "\n" : password + "\n");
            yaml.append("credentials:\n  - server: http://").append(host).append(':').append(site.port())
                    .append("\n    realm: ").append(realm).append("\n    user: ").append(user)
                    .append("\n    password-file: '").append(file).append("'\n");
        }
        Path config = tmp.resolve("matrix.yaml");
        Files.writeString(config, yaml);
        return config;
    }
}
