package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** On every page of the Debian doc sets, the scanner finds exactly the links jsoup finds. */
class LinkScannerDocSetsIT {

    @ParameterizedTest
    @ValueSource(strings = {"/usr/share/doc/openjdk-17-jre-headless/api", "/usr/share/doc/python3-doc/html"})
    void scannerFindsJsoupsLinksOnEveryPageOfADocSet(String folder) throws IOException {
        assumeTrue(Files.isDirectory(Path.of(folder)), folder + " is not installed");
        DocSetComparison.Result result = DocSetComparison.compare(Path.of(folder));
        assertTrue(result.files() > 100, "too few HTML files under " + folder + ": " + result.files());
        assertEquals("", String.join("\n", result.differences().stream().limit(10).toList()),
                result.differences().size() + " of " + result.files() + " files differ");
    }
}
