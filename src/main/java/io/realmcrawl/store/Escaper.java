package io.realmcrawl.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a raw URL path segment or query into readable text that is safe as a file name.
 *
 * <p>Percent escapes are decoded (UTF-8), then every character that is unsafe in a file name on
 * Linux, macOS or Windows is written as {@code %XX} (its UTF-8 bytes): control characters,
 * {@code "*}{@code /:<>?\|}, {@code %} itself, and {@code @ ~}, which the mirror layout reserves.
 * Because a literal {@code %} always becomes {@code %25}, decoding the result gives back the
 * decoded input: the escaping is injective. Bytes that are not valid UTF-8 stay as {@code %XX}.
 *
 * <p>In a query, escapes of reserved characters ({@code &=+;} …) and of {@code %} keep their
 * meaning: {@code a%26b} is not {@code a&b}, so such an escape is kept as text (and its {@code %}
 * escaped: {@code a%2526b}). In a path every escape is decoded, so {@code /a:b} and
 * {@code /a%3Ab} name the same file, as they name the same file on any static web server.
 */
final class Escaper {

    private static final String UNSAFE = "\"*/:<>?\\|%@~";
    private static final String RESERVED = ":/?#[]@!$&'()*+,;=%";

    private Escaper() {
    }

    /** A raw path segment, every escape decoded. */
    static String pathSegment(String raw) {
        return escape(raw, false);
    }

    /** A raw query, escapes of reserved characters kept. */
    static String query(String raw) {
        return escape(raw, true);
    }

    /** {@code %XX} for each UTF-8 byte of the code point (lone surrogates as WTF-8: injective). */
    static String percent(int codePoint) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(codePoint)) {
            appendByte(b, out);
        }
        return out.toString();
    }

    static boolean isUnsafe(int cp) {
        boolean control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        boolean loneSurrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
        return control || loneSurrogate || (cp < 0x80 && UNSAFE.indexOf(cp) >= 0);
    }

    private static String escape(String raw, boolean keepReserved) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        int i = 0;
        while (i < raw.length()) {
            if (isEscape(raw, i)) {
                i = decodeRun(raw, i, keepReserved, out);
            } else {
                int cp = raw.codePointAt(i);
                appendChar(cp, out);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /** Decodes a run of consecutive {@code %XX} escapes starting at {@code start}; returns the index after it. */
    private static int decodeRun(String raw, int start, boolean keepReserved, StringBuilder out) {
        int i = start;
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() / 3 + 1);
        while (isEscape(raw, i)) {
            bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
            i += 3;
        }
        bytes.flip();
        decodeBytes(bytes, keepReserved, out);
        return i;
    }

    private static void decodeBytes(ByteBuffer in, boolean keepReserved, StringBuilder out) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(in.remaining() * 2 + 2);
        CoderResult result = decoder.decode(in, chars, true);
        while (result.isError()) {
            appendDecoded(chars, keepReserved, out);
            for (int n = 0; n < result.length(); n++) {
                appendKeptByte(in.get(), keepReserved, out);
            }
            result = decoder.decode(in, chars, true);
        }
        decoder.flush(chars);
        appendDecoded(chars, keepReserved, out);
    }

    private static void appendDecoded(CharBuffer chars, boolean keepReserved, StringBuilder out) {
        chars.flip();
        String text = chars.toString();
        chars.clear();
        text.codePoints().forEach(cp -> {
            if (keepReserved && cp < 0x80 && RESERVED.indexOf(cp) >= 0) {
                appendKeptByte((byte) cp, true, out);
            } else {
                appendChar(cp, out);
            }
        });
    }

    /** An escape we do not decode: verbatim in a path (only invalid UTF-8 gets here), as text in a query. */
    private static void appendKeptByte(byte b, boolean asText, StringBuilder out) {
        if (asText) {
            out.append("%25");
            out.append(String.format("%02X", b & 0xFF));
        } else {
            appendByte(b, out);
        }
    }

    private static void appendChar(int cp, StringBuilder out) {
        if (isUnsafe(cp)) {
            out.append(percent(cp));
        } else {
            out.appendCodePoint(cp);
        }
    }

    private static void appendByte(byte b, StringBuilder out) {
        out.append('%').append(String.format("%02X", b & 0xFF));
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] utf8(int cp) {
        if (cp < 0x80) {
            return new byte[] {(byte) cp};
        } else if (cp < 0x800) {
            return new byte[] {(byte) (0xC0 | cp >> 6), (byte) (0x80 | cp & 0x3F)};
        } else if (cp < 0x10000) {
            return new byte[] {(byte) (0xE0 | cp >> 12), (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
        }
        return new byte[] {(byte) (0xF0 | cp >> 18), (byte) (0x80 | cp >> 12 & 0x3F),
            (byte) (0x80 | cp >> 6 & 0x3F), (byte) (0x80 | cp & 0x3F)};
    }
}
