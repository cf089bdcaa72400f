package io.realmcrawl.auth;

import io.realmcrawl.scope.Origin;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A credential source for tests: fixed passwords per space, counting lookups, optionally slow. */
final class CountingSource implements CredentialSource {

    private final Map<ProtectionSpace, String[]> users = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Duration delay;

    CountingSource() {
        this(Duration.ZERO);
    }

    CountingSource(Duration delay) {
        this.delay = delay;
    }

    CountingSource with(Origin origin, String realm, String user, String password) {
        users.put(new ProtectionSpace(origin, realm), new String[] {user, password});
        return this;
    }

    int lookups() {
        return lookups.get();
    }

    @Override
    public Lookup lookup(ProtectionSpace space) {
        lookups.incrementAndGet();
        sleep();
        String[] user = users.get(space);
        return user == null ? new Lookup.Missing("test source has nothing for " + space)
                : new Lookup.Found(new Credentials(user[0], user[1].toCharArray()));
    }

    private void sleep() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
