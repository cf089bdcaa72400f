package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attribute values are decoded once per distinct bytes, and always as jsoup decodes them. */
class AttributeValuesTest {

    @Test
    void aRepeatedValueComesBackAsTheSameStringWhereverItsBytesLie() {
        byte[] first = "<a href=\"../../java/lang/Object.html#equals(java.lang.Object)\">".getBytes(StandardCharsets.UTF_8);
        byte[] second = ("xyz" + new String(first, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        int length = first.length - 11;
        String one = AttributeValues.of(first, 9, length, StandardCharsets.UTF_8);
        assertEquals("../../java/lang/Object.html#equals(java.lang.Object)", one);
        assertSame(one, AttributeValues.of(second, 12, length, StandardCharsets.UTF_8));
    }

    @Test
    void theSameBytesInAnotherCharsetAreDecodedInIt() {
        byte[] cafe = "caf\u00e9.html".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9.html", AttributeValues.of(cafe, 0, cafe.length, StandardCharsets.ISO_8859_1));
        assertEquals("caf\uFFFD.html", AttributeValues.of(cafe, 0, cafe.length, StandardCharsets.UTF_8));
        assertEquals("caf\u00e9.html", AttributeValues.of(cafe, 0, cafe.length, Charset.forName("windows-1252")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a?x=1&amp;y=2", "&lt;b&gt;", "&notit;", "&", "x\u0000y", "&amp;\u0000", "plain.html", "",
        "1234567", "12345678", "123456789", "0123456789abcdef", "0123456789abcdefg"})
    void decodesReferencesAndNulAsJsoupDoes(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        String jsoup = Parser.unescapeEntities(raw, true).replace('\0', '\uFFFD');
        assertEquals(jsoup, AttributeValues.of(bytes, 0, bytes.length, StandardCharsets.UTF_8), raw);
        assertEquals(jsoup, AttributeValues.of(bytes, 0, bytes.length, StandardCharsets.UTF_8), raw + ", again");
    }

    @Test
    void valuesDifferingInOneByteAreToldApart() {
        String base = "../../java.base/java/util/HashMap.html#put(K,V)";
        for (int i = 0; i < base.length(); i++) {
            byte[] changed = base.getBytes(StandardCharsets.UTF_8);
            changed[i] = (byte) (changed[i] == 'z' ? 'y' : 'z');
            AttributeValues.of(base.getBytes(StandardCharsets.UTF_8), 0, base.length(), StandardCharsets.UTF_8);
            assertEquals(new String(changed, StandardCharsets.UTF_8),
                    AttributeValues.of(changed, 0, changed.length, StandardCharsets.UTF_8), "byte " + i);
        }
    }

    @Test
    void aValueLongerThanWhatIsKeptIsStillDecoded() {
        String longValue = "data:image/png;base64," + "A".repeat(AttributeValues.MAX_LENGTH) + "&amp;";
        byte[] bytes = longValue.getBytes(StandardCharsets.UTF_8);
        assertEquals(longValue.replace("&amp;", "&"), AttributeValues.of(bytes, 0, bytes.length, StandardCharsets.UTF_8));
    }

    @Test
    void theHashOfBytesDoesNotDependOnWhereTheyLie() {
        byte[] value = "../lang/String.html#valueOf(char[])".getBytes(StandardCharsets.UTF_8);
        int hash = AttributeValues.hash(value, 0, value.length);
        for (int offset = 1; offset < 9; offset++) {
            byte[] shifted = new byte[offset + value.length + 3];
            System.arraycopy(value, 0, shifted, offset, value.length);
            assertEquals(hash, AttributeValues.hash(shifted, offset, value.length), "offset " + offset);
        }
        assertNotEquals(hash, AttributeValues.hash(value, 0, value.length - 1));
    }
}
