package io.realmcrawl.config;

import io.realmcrawl.auth.PasswordSource;
import io.realmcrawl.scope.Origin;
import java.util.List;
import java.util.Optional;

/** Binds the {@code proxy:} mapping: {@code url}, and {@code user} with {@code password-file} or {@code password-env}. */
final class ProxyBinder {
    static final List<String> KEYS = List.of("url", "user", "password-file", "password-env");

    private final CredentialsBinder passwords;

    ProxyBinder(ConfigEnvironment env) {
        this.passwords = new CredentialsBinder(env);
    }

    Optional<ProxySettings> bind(Optional<Field> proxy) throws ConfigProblem {
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        Section section = proxy.get().section("'proxy'", KEYS);
        Origin url = url(section.required("url", "http://host:port of the proxy"));
        Optional<Field> user = section.optional("user");
        if (user.isEmpty()) {
            return Optional.of(new ProxySettings(url, Optional.empty(), Optional.empty()));
        }
        PasswordSource password = passwords.passwordSource(section);
        return Optional.of(new ProxySettings(url, Optional.of(CredentialsBinder.user(user.get())), Optional.of(password)));
    }

    private static Origin url(Field field) throws ConfigProblem {
        String text = field.plainText();
        try {
            Origin origin = Origin.parse(text);
            if (origin.isHttps()) {
                throw field.problem("must be an http:// proxy (requests to https sites go through it in a CONNECT"
                        + " tunnel), got " + Field.quoted(text));
            }
            return origin;
        } catch (IllegalArgumentException e) {
            throw field.problem("must be http://host:port, got " + Field.quoted(text));
        }
    }
}
