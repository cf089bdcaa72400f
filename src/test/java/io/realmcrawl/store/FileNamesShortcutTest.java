package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcut that leaves a plain segment as it is ({@link FileNames#keptAsIs}) and the one that
 * skips the device-name pattern ({@link FileNames#mayBeDeviceName}) give what the full rules give,
 * for segments built from the pieces where the rules change a name.
 */
class FileNamesShortcutTest {

    /** The pattern of the rules, kept here as the oracle. */
    private static final Pattern DEVICE = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]) *(\\..*)?", Pattern.CASE_INSENSITIVE);
    private static final List<String> PIECES = List.of("a", "Z", "0", "9", "-", "_", ".", " ", "%", "%41", "%2e",
            ":", "~", "@", "\u00e9", "\u00b9", "con", "AUX", "nul", "Com", "lpt", "prn", ".headers", ".HEADERS",
            "index", ".html", "package-summary", "String", "x".repeat(120));

    @Property(tries = 5000)
    void aFolderNameIsWhatTheFullRulesMakeOfItsSegment(@ForAll("segments") String segment) {
        assertEquals(FileNames.folderByRules(segment), FileNames.folder(segment), segment);
    }

    @Property(tries = 5000)
    void aFileNameIsWhatTheFullRulesMakeOfItsSegmentAndQuery(@ForAll("segments") String segment,
                                                            @ForAll("queries") String query) {
        String rawQuery = query.equals("<none>") ? null : query;
        assertEquals(FileNames.fileByRules(segment, rawQuery), FileNames.file(segment, rawQuery), segment + "?" + query);
    }

    @Property(tries = 5000)
    void everyDeviceNameIsSeenByTheQuickCheck(@ForAll("segments") String name) {
        if (DEVICE.matcher(name).matches()) {
            assertTrue(FileNames.mayBeDeviceName(name), name);
        }
    }

    @Example
    void plainNamesOfARealSiteAreKeptAsTheyAre() {
        for (String name : List.of("docs", "api", "java.base", "java", "lang", "String.html", "package-summary.html",
                "module_info", "a-b.c.d", "COM10", "LPTX", "CONSOLE.txt", "auxiliary")) {
            assertTrue(FileNames.keptAsIs(name), name);
            assertEquals(name, FileNames.folderByRules(name), name);
        }
    }

    @Example
    void namesTheRulesChangeAreNotKept() {
        for (String name : List.of("", ".", "..", "a.", "CON", "aux.txt", "Com1", "lpt\u00b9.x", "nul .x", "a.headers",
                "b.HEADERS", "a b", "a%41", "a:b", "a~b", "a@b", "\u00e9t\u00e9", "x".repeat(248))) {
            assertFalse(FileNames.keptAsIs(name), name);
        }
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.of(PIECES).list().ofMaxSize(5).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.of("<none>", "", "a=1", "f=a.pdf", "q=R%26D", "x.html");
    }
}
