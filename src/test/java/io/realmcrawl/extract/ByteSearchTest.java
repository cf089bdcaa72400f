package io.realmcrawl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The word-at-a-time search finds what a byte loop finds, wherever the byte lies. */
class ByteSearchTest {

    @Test
    void findsTheByteAtEveryPositionFromEveryStart() {
        for (int length = 0; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] b = new byte[length];
                Arrays.fill(b, (byte) 'x');
                b[at] = '<';
                for (int from = 0; from <= length; from++) {
                    assertEquals(loop(b, (byte) '<', from, length), ByteSearch.indexOf(b, (byte) '<', from, length),
                            "length " + length + ", '<' at " + at + ", from " + from);
                }
            }
        }
    }

    @Test
    void findsTheFirstOfSeveralInOneWord() {
        byte[] b = "xxxxxxxxxx<a<b<<".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals(10, ByteSearch.indexOf(b, (byte) '<', 0, b.length));
        assertEquals(12, ByteSearch.indexOf(b, (byte) '<', 11, b.length));
        assertEquals(14, ByteSearch.indexOf(b, (byte) '<', 13, b.length));
    }

    @Test
    void seesNoByteAtOrPastTheEnd() {
        byte[] b = new byte[64];
        Arrays.fill(b, (byte) '"'); // stale bytes of an earlier page past the end
        Arrays.fill(b, 0, 30, (byte) 'x');
        for (int to = 0; to <= 30; to++) {
            assertEquals(-1, ByteSearch.indexOf(b, (byte) '"', 0, to), "to " + to);
        }
        assertEquals(30, ByteSearch.indexOf(b, (byte) '"', 0, 31));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x26, 0x3C, 0x7F, 0x80, 0xBC, 0xFF})
    void tellsBytesWithTheHighBitFromThoseWithout(int x) {
        // every other byte value, then x: a borrow or a high bit must never look like a match
        byte[] b = new byte[256 + 8];
        int n = 0;
        for (int v = 0; v < 256; v++) {
            if (v != x) {
                b[n++] = (byte) v;
            }
        }
        b[n] = (byte) x;
        assertEquals(n, ByteSearch.indexOf(b, (byte) x, 0, n + 1));
        assertEquals(-1, ByteSearch.indexOf(b, (byte) x, 0, n));
    }

    private static int loop(byte[] b, byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
