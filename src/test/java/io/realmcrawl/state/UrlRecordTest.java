package io.realmcrawl.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRecordTest {
    /** The rule as the record's documentation states it. */
    private static final Pattern LABELLED = Pattern.compile("[a-z0-9]+:[0-9a-f]+");

    @ParameterizedTest
    @CsvSource({
            "crc32c:1a2b3c4d, true",
            "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, true",
            "a:0, true",
            "9z:f, true",
            "crc32c:1A2B3C4D, false",
            "CRC32C:1a2b3c4d, false",
            "crc32c:1a2b3c4g, false",
            "crc32c:, false",
            ":1a2b, false",
            "crc32c, false",
            "crc32c:1a:2b, false",
            "crc-32:1a, false",
            "crc32c: 1a, false",
            "'', false"
    })
    void aChecksumMustBeALowerCaseAlgorithmAndHexDigits(String checksum, boolean accepted) {
        assertEquals(accepted, LABELLED.matcher(checksum).matches(), "the table itself");
        if (accepted) {
            assertEquals(Optional.of(checksum), record(checksum).checksum());
        } else {
            assertThrows(IllegalArgumentException.class, () -> record(checksum));
        }
    }

    private static UrlRecord record(String checksum) {
        return new UrlRecord(URI.create("http://h.test/a"), 0, 200, Optional.of("a.html"), 1, Optional.empty(),
                Optional.of(checksum), Optional.empty(), Optional.empty(), Instant.EPOCH, Change.NEW, Optional.empty());
    }
}
