package io.realmcrawl.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrapRulesTest {
    private static final TrapRules RULES = new TrapRules(60, 2);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "http://h/a/b/                                      | -",
        "http://h/a/b/a/b/                                  | -",
        "http://h/a/b/a/b/a/                                | max-segment-repeats",
        "http://h/cal/next/next/next                        | max-segment-repeats",
        "http://h/x/y/z?a/a/a/a                             | -",
        "http://h/1234567890/abcdefghij/klmnopqrst/uvwxyz0123/abcdefg  | -",
        "http://h/1234567890/abcdefghij/klmnopqrst/uvwxyz0123/abcdefgh | max-url-length",
        "http://h/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/| max-url-length",
    })
    void rejectsUrlsByTheFirstRuleThatCatchesThem(String url, String rule) {
        assertEquals(rule, RULES.reject(URI.create(url)).map(Trap::rule).orElse(null));
    }

    @ParameterizedTest
    @CsvSource({"http://h/a/a/a/a/a/a/a/", "http://h/next/next/next/next/next/"})
    void zeroRepeatsMeansNoLimit(String url) {
        assertEquals(java.util.Optional.empty(), new TrapRules(2048, 0).reject(URI.create(url)));
    }
}
