package io.realmcrawl.config;

import io.realmcrawl.auth.CredentialEntry;
import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.scope.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the {@code credentials:} list to {@link CredentialEntry} values, checking now what would
 * otherwise fail at the first 401 hours into a cron run: the password file exists and is
 * readable, the variable is set, and no two entries claim the same (server, realm).
 *
 * <p>Passwords themselves are never read here, and no message shows a variable's value.
 */
final class CredentialsBinder {
    static final List<String> KEYS = List.of("server", "realm", "user", "password-file", "password-env",
            "preemptive");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigEnvironment env;

    CredentialsBinder(ConfigEnvironment env) {
        this.env = env;
    }

    List<CredentialEntry> bind(Optional<Field> credentials) throws ConfigProblem {
        if (credentials.isEmpty()) {
            return List.of();
        }
        List<CredentialEntry> entries = new ArrayList<>();
        Map<SpaceKey, Integer> lines = new HashMap<>();
        for (Field item : credentials.get().items()) {
            CredentialEntry entry = entry(item.section("this credential", KEYS));
            Integer first = lines.putIfAbsent(new SpaceKey(entry.server(), entry.realm()), item.value().line());
            if (first != null) {
                throw new ConfigProblem(item.value().line(), "a second credential for " + describe(entry)
                        + "; the first is on line " + first + " (keep one per server and realm)");
            }
            entries.add(entry);
        }
        return entries;
    }

    private CredentialEntry entry(Section section) throws ConfigProblem {
        Origin server = server(section.required("server", "scheme://host[:port], e.g. https://intranet.example"));
        Optional<String> realm = section.optional("realm").isPresent()
                ? Optional.of(section.optional("realm").get().plainText()) : Optional.empty();
        String user = user(section.required("user", "the user name to log in with"));
        Optional<Field> preemptive = section.optional("preemptive");
        return new CredentialEntry(server, realm, user, passwordSource(section),
                preemptive.isPresent() && preemptive.get().bool());
    }

    private static Origin server(Field field) throws ConfigProblem {
        String text = field.plainText();
        try {
            return Origin.parse(text);
        } catch (IllegalArgumentException e) {
            throw field.problem("must be scheme://host[:port] (no path), e.g. https://intranet.example:8443,"
                    + " got " + Field.quoted(text));
        }
    }

    /** A Basic user-id cannot contain a colon (RFC 7617 section 2), so one is refused here. */
    static String user(Field field) throws ConfigProblem {
        String user = field.plainText();
        if (user.isEmpty() || user.contains(":")) {
            throw field.problem("must be a non-empty user name without ':', got " + Field.quoted(user));
        }
        return user;
    }

    /** The password source of a mapping with 'password-file' or 'password-env' (a credential, the proxy). */
    PasswordSource passwordSource(Section section) throws ConfigProblem {
        Optional<Field> file = section.optional("password-file");
        Optional<Field> variable = section.optional("password-env");
        if (file.isPresent() && variable.isPresent()) {
            throw variable.get().problem("and 'password-file' are both given; keep exactly one");
        }
        if (file.isPresent()) {
            return new PasswordSource.File(passwordFile(file.get()));
        }
        if (variable.isPresent()) {
            return new PasswordSource.Env(passwordVariable(variable.get()));
        }
        throw new ConfigProblem(section.line(), "this credential needs 'password-file' (a file holding the"
                + " password) or 'password-env' (an environment variable holding it)");
    }

    private Path passwordFile(Field field) throws ConfigProblem {
        String text = field.plainText();
        Path path = PathFields.resolve(field, env);
        String shown = "password file " + path + (text.equals(path.toString()) ? "" : " (from " + Field.quoted(text) + ")");
        if (!Files.exists(path)) {
            throw field.problem("names a " + shown + " that does not exist");
        }
        if (!Files.isRegularFile(path)) {
            throw field.problem("names a " + shown + " that is not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw field.problem("names a " + shown + " that cannot be read (check its owner and mode)");
        }
        return path;
    }

    /**
     * The variable's name. A value that is not a variable name is not echoed: someone may have
     * written the password itself there.
     */
    private String passwordVariable(Field field) throws ConfigProblem {
        String name = field.text();
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw field.problem("must be the name of an environment variable (letters, digits, _),"
                    + " not the password itself");
        }
        Optional<String> value = env.env().apply(name);
        if (value.isEmpty() || value.get().isEmpty()) {
            throw field.problem("names the environment variable " + name + ", which is "
                    + (value.isEmpty() ? "not set" : "empty") + "; export it before the crawl runs");
        }
        return name;
    }

    private static String describe(CredentialEntry entry) {
        return entry.server() + entry.realm().map(r -> " realm \"" + r + "\"").orElse(" (any realm)");
    }

    /** A credential's protection space as configured: an empty realm means any realm. */
    private record SpaceKey(Origin server, Optional<String> realm) {
    }
}
