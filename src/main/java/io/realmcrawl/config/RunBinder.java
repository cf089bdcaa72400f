package io.realmcrawl.config;

import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code run:} mapping to a {@link RunPolicy}: {@code max-duration} (a duration),
 * {@code fsync}, {@code attic}, {@code keep-set-cookie} and {@code require-https-for-auth} (true or false); every key is optional.
 */
final class RunBinder {
    static final List<String> KEYS = List.of("max-duration", "fsync", "attic", "keep-set-cookie",
            "require-https-for-auth");

    private RunBinder() {
    }

    static RunPolicy bind(Optional<Field> run) throws ConfigProblem {
        if (run.isEmpty()) {
            return RunPolicy.DEFAULTS;
        }
        Section section = run.get().section("'run'", KEYS);
        RunPolicy policy = RunPolicy.DEFAULTS;
        Optional<Field> maxDuration = section.optional("max-duration");
        if (maxDuration.isPresent()) {
            policy = policy.withMaxDuration(maxDuration.get().duration());
        }
        Optional<Field> fsync = section.optional("fsync");
        if (fsync.isPresent()) {
            policy = policy.withFsync(fsync.get().bool());
        }
        Optional<Field> keepSetCookie = section.optional("keep-set-cookie");
        if (keepSetCookie.isPresent()) {
            policy = policy.withKeepSetCookie(keepSetCookie.get().bool());
        }
        Optional<Field> requireHttps = section.optional("require-https-for-auth");
        if (requireHttps.isPresent()) {
            policy = policy.withRequireHttpsForAuth(requireHttps.get().bool());
        }
        Optional<Field> attic = section.optional("attic");
        return attic.isPresent() ? policy.withAttic(attic.get().bool()) : policy;
    }
}
