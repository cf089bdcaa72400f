package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.realmcrawl.scope.Origin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpaceStoreTest {
    private static final Origin ORIGIN = Origin.parse("http://example.org");
    private static final List<String> PATHS = List.of("/", "/docs/", "/docs/a.html", "/docs/api/x/y.html", "/docsx/a",
            "/a//b/c", "/other/z", "*", "/docs/api/", "/d/e/f/g/h/i/j.html");

    @Test
    void theLongestPrefixCoveringAPathIsFoundWithFewPrefixesAndWithMany() {
        List<String> directories = List.of("/docs/", "/docs/api/", "/a//", "/a/", "/d/e/", "/d/e/f/g/", "/", "/x/",
                "/y/", "/z/", "/d/", "/docs/api/x/", "/q/r/", "/s/");
        for (int count = 1; count <= directories.size(); count++) {
            SpaceStore store = new SpaceStore();
            Map<String, SpaceEntry> byPrefix = new TreeMap<>();
            for (String directory : directories.subList(0, count)) {
                SpaceEntry entry = store.entry(new ProtectionSpace(ORIGIN, "realm of " + directory));
                store.addPrefix(entry, new Target(ORIGIN, directory + "page.html"));
                byPrefix.put(directory, entry);
            }
            store.addPrefix(store.entry(new ProtectionSpace(ORIGIN, "no slash")), new Target(ORIGIN, "*"));
            for (String path : PATHS) {
                Target target = new Target(ORIGIN, path);
                Optional<SpaceEntry> walked = target.directories().stream().map(byPrefix::get)
                        .filter(e -> e != null).findFirst();
                assertEquals(walked, store.covering(target), count + " prefixes, " + path);
            }
        }
    }
}
