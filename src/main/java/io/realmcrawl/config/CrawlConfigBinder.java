package io.realmcrawl.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Binds a config's top-level mapping to a {@link CrawlConfig}: name, start URLs, scope, user
 * agent and output here; limits, run, credentials and tls in their own binders.
 */
final class CrawlConfigBinder {
    static final List<String> KEYS = List.of("name", "start", "scope", "limits", "login", "run", "user-agent", "output",
            "credentials", "tls", "proxy", "politeness", "archive", "sitemaps");
    static final List<String> SCOPE_KEYS = List.of("include", "exclude");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ConfigEnvironment env;

    CrawlConfigBinder(ConfigEnvironment env) {
        this.env = env;
    }

    /**
     * @param root        the file's top-level value
     * @param defaultName the name to use when the config has none (the file name without .yaml)
     * @param source      the config file, kept in the result for later messages
     */
    CrawlConfig bind(YamlNode root, String defaultName, Path source) throws ConfigProblem {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            throw new ConfigProblem(root.line(), "the top level must be a mapping of keys (name:, start:, ...),"
                    + " got " + root.kind());
        }
        Section top = Section.of("the top level", mapping, KEYS);
        String name = name(top, defaultName);
        List<URI> start = startUrls(top.required("start", "the URL or URLs where the crawl begins"));
        Optional<Section> scope = top.optional("scope").isPresent()
                ? Optional.of(top.optional("scope").get().section("'scope'", SCOPE_KEYS)) : Optional.empty();
        try {
            return new CrawlConfig(name, start, patterns(scope, "include"), patterns(scope, "exclude"),
                    LimitsBinder.bind(top.optional("limits")), userAgent(top), output(top, name),
                    new CredentialsBinder(env).bind(top.optional("credentials")), LoginBinder.bind(top.optional("login")),
                    RunBinder.bind(top.optional("run")), new TlsBinder(env).bind(top.optional("tls")),
                    new ProxyBinder(env).bind(top.optional("proxy")), Optional.of(source),
                    PolitenessBinder.bind(top.optional("politeness")),
                    new ArchiveBinder(env).bind(top.optional("archive"), top.optional("sitemaps")));
        } catch (IllegalArgumentException e) {
            throw new ConfigProblem(top.line(), e.getMessage());
        }
    }

    private static String name(Section top, String defaultName) throws ConfigProblem {
        Optional<Field> field = top.optional("name");
        String name = field.isPresent() ? field.get().text() : defaultName;
        if (NAME.matcher(name).matches()) {
            return name;
        }
        String rule = "must be letters, digits, '.', '_' or '-' (it names the output folder), got ";
        if (field.isPresent()) {
            throw field.get().problem(rule + Field.quoted(name));
        }
        throw new ConfigProblem(0, "the file name does not make a crawl name: add a 'name:' key; a name "
                + rule.substring("must be ".length()) + Field.quoted(name));
    }

    private static List<URI> startUrls(Field start) throws ConfigProblem {
        List<URI> urls = new ArrayList<>();
        for (Field item : start.oneOrMany()) {
            urls.add(startUrl(item));
        }
        if (urls.isEmpty()) {
            throw start.problem("needs at least one URL");
        }
        return urls;
    }

    /** An absolute http(s) URL with a host; normalising it is the engine's job, not this one's. */
    static URI startUrl(Field item) throws ConfigProblem {
        String text = item.plainText().strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw item.problem("must be an absolute http(s) URL, got " + Field.quoted(text) + ": " + e.getReason()
                    + " at index " + e.getIndex());
        }
        if (uri.getRawUserInfo() != null) {
            // Not echoed: the user part may carry a password.
            throw item.problem("must not hold a user or password (user@host); put them under 'credentials'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw item.problem("must be an absolute http(s) URL with a host, e.g. https://intranet.example/docs/,"
                    + " got " + Field.quoted(text));
        }
        return uri;
    }

    private static List<Pattern> patterns(Optional<Section> scope, String key) throws ConfigProblem {
        Optional<Field> field = scope.flatMap(s -> s.optional(key));
        List<Pattern> patterns = new ArrayList<>();
        for (Field item : field.isPresent() ? field.get().oneOrMany() : List.<Field>of()) {
            patterns.add(pattern(item));
        }
        return patterns;
    }

    /** A regex field, compiled; a regex that does not compile is an error on its line. */
    static Pattern pattern(Field item) throws ConfigProblem {
        String regex = item.text();
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw item.problem("holds a regular expression that does not compile: " + e.getDescription()
                    + " at index " + e.getIndex() + " of " + Field.quoted(regex));
        }
    }

    private static String userAgent(Section top) throws ConfigProblem {
        Optional<Field> field = top.optional("user-agent");
        if (field.isEmpty()) {
            return CrawlConfig.DEFAULT_USER_AGENT;
        }
        String agent = field.get().plainText().strip();
        if (agent.isEmpty()) {
            throw field.get().problem("must not be empty");
        }
        return agent;
    }

    private Path output(Section top, String name) throws ConfigProblem {
        Optional<Field> field = top.optional("output");
        return field.isPresent() ? PathFields.resolve(field.get(), env) : env.workingDir().resolve("output").resolve(name);
    }
}
