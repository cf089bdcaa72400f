package io.realmcrawl.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code tls:} mapping to {@link TlsSettings}: {@code ca-certs} (a path or a list of
 * paths), {@code truststore}, {@code truststore-password-file} and {@code insecure}.
 *
 * <p>The files are read here, so that an unreadable PEM, a file without a certificate or a wrong
 * truststore password is reported on its own line before the crawl starts.
 */
final class TlsBinder {
    static final List<String> KEYS = List.of("ca-certs", "truststore", "truststore-password-file", "insecure");

    private final ConfigEnvironment env;

    TlsBinder(ConfigEnvironment env) {
        this.env = env;
    }

    TlsSettings bind(Optional<Field> tls) throws ConfigProblem {
        if (tls.isEmpty()) {
            return TlsSettings.DEFAULTS;
        }
        Section section = tls.get().section("'tls'", KEYS);
        Optional<Field> insecure = section.optional("insecure");
        return new TlsSettings(caCerts(section), truststore(section), passwordFile(section),
                insecure.isPresent() && insecure.get().bool());
    }

    private List<Path> caCerts(Section section) throws ConfigProblem {
        Optional<Field> field = section.optional("ca-certs");
        List<Path> paths = new ArrayList<>();
        for (Field item : field.isPresent() ? field.get().oneOrMany() : List.<Field>of()) {
            Path pem = PathFields.resolve(item, env);
            try {
                TrustFiles.pem(pem);
            } catch (TrustFileException e) {
                throw item.problem(pem + " " + e.problem());
            }
            paths.add(pem);
        }
        return paths;
    }

    private Optional<Path> truststore(Section section) throws ConfigProblem {
        Optional<Field> field = section.optional("truststore");
        if (field.isEmpty()) {
            return Optional.empty();
        }
        Path store = PathFields.resolve(field.get(), env);
        try {
            TrustFiles.truststore(store, passwordFile(section));
        } catch (TrustFileException e) {
            Optional<Field> password = section.optional("truststore-password-file");
            Field blamed = e.file().equals(store) || password.isEmpty() ? field.get() : password.get();
            throw blamed.problem(e.getMessage());
        }
        return Optional.of(store);
    }

    private Optional<Path> passwordFile(Section section) throws ConfigProblem {
        Optional<Field> field = section.optional("truststore-password-file");
        if (field.isPresent() && section.optional("truststore").isEmpty()) {
            throw field.get().problem("needs a 'truststore' next to it");
        }
        return field.isPresent() ? Optional.of(PathFields.resolve(field.get(), env)) : Optional.empty();
    }
}
