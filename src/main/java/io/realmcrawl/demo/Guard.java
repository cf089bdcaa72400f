package io.realmcrawl.demo;

import java.util.List;
import java.util.Optional;

/**
 * What protects one prefix of a {@link LoopbackSite}: it either lets a request through or names
 * the {@code WWW-Authenticate} values of the 401 to answer instead.
 */
interface Guard {

    /** The paths this guard protects start with it. */
    String prefix();

    /** Empty when the request may pass; otherwise the challenges of the 401, in order. */
    Optional<List<String>> refuse(String method, String requestTarget, Optional<String> authorization);

    /** A Basic realm: the exact {@code Authorization} value passes, anything else gets its challenges. */
    static Guard basic(LoopbackSite.Realm realm) {
        return new Guard() {
            @Override
            public String prefix() {
                return realm.prefix();
            }

            @Override
            public Optional<List<String>> refuse(String method, String requestTarget, Optional<String> authorization) {
                return realm.accepts(authorization) ? Optional.empty() : Optional.of(realm.challenges());
            }
        };
    }
}
