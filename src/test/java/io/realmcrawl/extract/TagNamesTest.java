package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner tells tag and attribute names from their bytes, as the strings would. */
class TagNamesTest {

    @Test
    void everyKnownTagIsToldFromItsBytes() {
        for (TagName tag : TagName.values()) {
            if (tag != TagName.OTHER) {
                byte[] name = tag.text.getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(tag, TagName.of(name, name.length), tag.text);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "ab", "div2", "blockquotes", "imgs", "scrip", "h7", "other", "noscripts", "custom-element",
        "a\u0000", "\u0000a", "b\u0000\u0000", "sixteen-letters!", "blockquote\u0000"})
    void otherNamesAreOther(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(TagName.OTHER, TagName.of(bytes, bytes.length), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "blockquote", "abcdefgh", "abcdefghi", "sixteen-letters!", "\u00fclo", "x\u0000y"})
    void aPackedNameHoldsItsBytes(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        long low = PackedName.low(bytes, bytes.length);
        long high = PackedName.high(bytes, bytes.length);
        byte[] back = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            back[i] = PackedName.byteAt(low, high, i);
        }
        assertEquals(name, new String(back, StandardCharsets.ISO_8859_1));
    }

    @Test
    void everyKnownTagIsToldFromItsPackedName() {
        for (TagName tag : TagName.values()) {
            if (tag != TagName.OTHER) {
                byte[] name = tag.text.getBytes(StandardCharsets.ISO_8859_1);
                assertEquals(tag, TagName.of(PackedName.low(name, name.length), PackedName.high(name, name.length), name.length));
                // one byte shorter or longer, with zeros where the name was: never the tag
                assertEquals(TagName.OTHER, TagName.of(PackedName.low(name, name.length), PackedName.high(name, name.length),
                        name.length + 1), tag.text + " and a NUL");
            }
        }
    }

    @Test
    void eachTagKeepsTheAttributesRawLinksReadsOfIt() {
        assertEquals(List.of("href", "style"), kept(TagName.A));
        assertEquals(List.of("src", "srcset", "style"), kept(TagName.IMG));
        assertEquals(List.of("src", "srcset", "style"), kept(TagName.IMAGE)); // it becomes an img
        assertEquals(List.of("data", "style"), kept(TagName.OBJECT));
        assertEquals(List.of("http-equiv", "content", "style"), kept(TagName.META));
        assertEquals(List.of("href", "style"), kept(TagName.BASE));
        assertEquals(List.of("style"), kept(TagName.DIV));
        assertEquals(List.of("style"), kept(TagName.OTHER));
        assertTrue(TagName.A.holdsLinks());
        assertFalse(TagName.DIV.holdsLinks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"href", "src", "srcset", "data", "http-equiv", "content", "style"})
    void attributeNamesAreToldFromTheirBytes(String name) {
        TagAttributes attributes = new TagAttributes();
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        attributes.add(TagAttributes.numberOf(bytes, bytes.length), "v");
        assertEquals("v", attributes.value(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "class", "id", "hre", "hrefx", "srd", "stile", "date", "contents", "http-equiw", "title"})
    void otherAttributeNamesAreNoneOfThem(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, TagAttributes.numberOf(bytes, bytes.length), name);
    }

    private static List<String> kept(TagName tag) {
        List<String> kept = new ArrayList<>();
        for (String name : List.of("href", "src", "srcset", "data", "http-equiv", "content", "style")) {
            byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
            if ((tag.attributes & TagAttributes.bit(TagAttributes.numberOf(bytes, bytes.length))) != 0) {
                kept.add(name);
            }
        }
        return kept;
    }
}
