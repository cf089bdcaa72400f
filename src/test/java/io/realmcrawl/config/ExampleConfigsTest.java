package io.realmcrawl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.realmcrawl.auth.PasswordSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commented examples in the repository's {@code crawl-configs/} folder stay loadable. */
class ExampleConfigsTest {
    private static final Path EXAMPLES = Path.of("crawl-configs");
    private static final Pattern HOME_FILE = Pattern.compile("password-file: *~/(\\S+)");
    private static final Pattern VARIABLE = Pattern.compile("password-env: *(\\w+)");

    @TempDir
    Path home;
    ConfigEnvironment env;

    /** A fake home holding every ~/ password file the examples name, and every variable they name. */
    @BeforeEach
    void setUp() throws IOException {
        Map<String, String> variables = new HashMap<>();
        for (Path example : examples()) {
            String text = Files.readString(example);
            for (Matcher m = HOME_FILE.matcher(text); m.find(); ) {
                Files.writeString(home.resolve(m.group(1)), "not-a-real-password\n");
            }
            for (Matcher m = VARIABLE.matcher(text); m.find(); ) {
                variables.put(m.group(1), "not-a-real-password");
            }
        }
        env = ConfigEnvironment.of(home, variables, Path.of("").toAbsolutePath());
    }

    @Test
    void everyExampleConfigLoads() throws Exception {
        List<Path> examples = examples();
        assertTrue(examples.size() >= 2, "examples: " + examples);
        for (Path example : examples) {
            CrawlConfig c = ConfigLoader.load(example, env);
            assertFalse(c.credentials().isEmpty(), example + " shows how to log in");
        }
    }

    @Test
    void docsExampleLogsInAsAliceFromAPasswordFile() throws Exception {
        CrawlConfig c = ConfigLoader.load(EXAMPLES.resolve("docs.yaml"), env);
        assertEquals("docs", c.name());
        assertEquals(List.of(URI.create("https://intranet.example/docs/")), c.startUrls());
        assertEquals(env.workingDir().resolve("output/docs"), c.output());
        assertEquals("alice", c.credentials().get(0).user());
        assertEquals(new PasswordSource.File(home.resolve(".docs-pass")), c.credentials().get(0).password());
    }

    @Test
    void twoRealmsExampleHasOneCredentialPerRealm() throws Exception {
        CrawlConfig c = ConfigLoader.load(EXAMPLES.resolve("intranet-two-realms.yaml"), env);
        assertEquals(List.of(Optional.of("Handbook"), Optional.of("Ops")),
                c.credentials().stream().map(e -> e.realm()).toList());
        assertEquals(List.of(PasswordSource.File.class, PasswordSource.Env.class),
                c.credentials().stream().map(e -> e.password().getClass()).toList());
        assertFalse(c.include().isEmpty());
        assertFalse(c.exclude().isEmpty());
        assertTrue(c.exclude().get(0).matcher("https://intranet.example/handbook/?C=M;O=D").find());
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
