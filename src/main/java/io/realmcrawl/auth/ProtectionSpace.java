package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.util.Objects;

/**
 * A protection space (RFC 7235 §2.2): an origin and a realm that the server named in its challenge.
 * The credential store holds at most one entry per space. Realms are compared exactly, as the RFC
 * says they are case-sensitive.
 */
public record ProtectionSpace(Origin origin, String realm) {
    public ProtectionSpace {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(realm, "realm");
    }

    @Override
    public String toString() {
        return origin + " realm \"" + realm + "\"";
    }
}
