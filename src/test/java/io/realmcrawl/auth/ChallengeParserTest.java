package io.realmcrawl.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class ChallengeParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvFileSource(resources = "/auth/challenges.csv", delimiter = '|', quoteCharacter = '\'', numLinesToSkip = 1)
    void parsesChallengesLeniently(String headers, String expected) {
        List<String> values = headers == null ? List.of() : Arrays.asList(headers.split("¶"));

        assertEquals(expected, render(ChallengeParser.parse(values)));
    }

    @Test
    void nullAndEmptyInputGiveNoChallenges() {
        assertEquals(List.of(), ChallengeParser.parse(null));
        assertEquals(List.of(), ChallengeParser.parse(Arrays.asList(null, "", "   ")));
    }

    @Test
    void realmIsReadFromTheParameters() {
        Challenge basic = ChallengeParser.parse(List.of("BASIC Realm=\"Docs\"")).get(0);

        assertTrue(basic.isBasic());
        assertEquals(Optional.of("Docs"), basic.realm());
    }

    private static String render(List<Challenge> challenges) {
        if (challenges.isEmpty()) {
            return "(none)";
        }
        return challenges.stream().map(ChallengeParserTest::render).collect(Collectors.joining(" ; "));
    }

    private static String render(Challenge c) {
        return c.scheme() + c.token68().map(t -> " " + t).orElse("")
                + (c.params().isEmpty() ? "" : c.params().toString());
    }
}
