package io.realmcrawl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumTest {

    @Test
    void aChecksumIsStoredWithItsAlgorithmAndReadBack() {
        Checksum crc = new Checksum(ChecksumAlgorithm.CRC32C, "0a1b2c3d");
        Checksum sha = new Checksum(ChecksumAlgorithm.SHA256, "ab".repeat(32));

        assertEquals("crc32c:0a1b2c3d", crc.labelled());
        assertEquals("sha256:" + "ab".repeat(32), sha.labelled());
        assertEquals(crc, Checksum.parse(crc.labelled()));
        assertEquals(sha, Checksum.parse(sha.labelled()));
    }

    @ParameterizedTest
    @CsvSource({"crc32c, CRC32C", "sha256, SHA256", "CRC32C, CRC32C", "' sha256 ', SHA256"})
    void algorithmsAreNamedAsInTheSettings(String name, ChecksumAlgorithm expected) {
        assertEquals(Optional.of(expected), ChecksumAlgorithm.named(name));
    }

    @ParameterizedTest
    @CsvSource({"md5", "sha-256", "crc32", "''"})
    void otherNamesAreNoAlgorithm(String name) {
        assertEquals(Optional.empty(), ChecksumAlgorithm.named(name));
    }

    @ParameterizedTest
    @CsvSource({"crc32c:0a1b2c3", "crc32c:0A1B2C3D", "sha256:0a1b2c3d", "md5:0a1b2c3d", "0a1b2c3d"})
    void aMalformedChecksumIsRefusedNamingIt(String labelled) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checksum.parse(labelled));
        assertTrue(e.getMessage().contains(labelled.substring(labelled.indexOf(':') + 1)), e.getMessage());
    }

    @Test
    void theDefaultIsCrc32c() {
        assertEquals(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.DEFAULT);
        assertEquals("crc32c or sha256", ChecksumAlgorithm.choices());
    }
}
