package io.realmcrawl.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether {@link TagScanner} can read a page byte-wise, and in which charset it then
 * decodes attribute values: the same charset jsoup would pick, when that one is ASCII-compatible.
 *
 * <p>jsoup takes a byte-order mark first, then the header's charset, then a {@code <meta>} charset
 * in the first 5 KiB, then UTF-8. Here a UTF-8 mark, a known ASCII-compatible header charset, or
 * no declaration other than UTF-8 in the first {@link #SNIFF} bytes means the scanner; anything
 * else (UTF-16, Shift_JIS, a latin-1 {@code <meta>}) is left to jsoup, which is never wrong, only
 * slower.
 */
final class ScanCharset {
    /** Bytes looked at for a declaration: a little more than jsoup's 5,120, so none it sees is missed. */
    static final int SNIFF = 5120 + 256;
    private static final Pattern ASCII_COMPATIBLE = Pattern.compile(
            "utf-8|us-ascii|iso-8859-([1-9]|1[0-5])|windows-125[0-8]");

    private ScanCharset() {
    }

    /**
     * The charset to scan {@code start} (the first bytes of the page) with, or empty when jsoup
     * must read the page; {@code bomLength} bytes of a UTF-8 byte-order mark are to be skipped.
     */
    static Optional<Charset> of(Optional<String> header, byte[] start, int length) {
        if (bomLength(start, length) > 0) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
            return Optional.empty(); // UTF-16 or UTF-32
        }
        Optional<Charset> fromHeader = header.map(String::strip).filter(JsoupReader::isKnownCharset).map(Charset::forName);
        if (fromHeader.isPresent()) {
            return fromHeader.filter(ScanCharset::isAsciiCompatible);
        }
        if (length >= 4 && start[0] == 0 && start[1] == 0 && start[2] == (byte) 0xFE && start[3] == (byte) 0xFF) {
            return Optional.empty();
        }
        int n = Math.min(length, SNIFF);
        return declaresOnlyUtf8(start, n) ? Optional.of(StandardCharsets.UTF_8) : Optional.empty();
    }

    /** The same test on a string of ASCII-compatible text, for tests. */
    static boolean declaresOnlyUtf8(String head) {
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return declaresOnlyUtf8(bytes, bytes.length);
    }

    /**
     * Whether every {@code charset=} inside a {@code <meta} tag, and every {@code encoding=} in an
     * XML declaration, names UTF-8 (true when there is none). Done on the bytes by hand: a regex,
     * or even a lower-cased copy, cost more on a javadoc page's dozens of meta tags than the scan.
     * Each {@code <} is found by {@link ByteSearch} and the byte after it tested before any name
     * is compared: this loop reads 5 KiB of every page, and most of its {@code <}s open other tags.
     */
    static boolean declaresOnlyUtf8(byte[] b, int n) {
        for (int i = 0; i < n - 1; i++) {
            i = ByteSearch.indexOf(b, (byte) '<', i, n - 1);
            if (i < 0) {
                break;
            }
            int next = b[i + 1] | 0x20;
            if (next != 'm' && next != '?') {
                continue;
            }
            String key = regionIs(b, n, i + 1, "meta") ? "charset" : regionIs(b, n, i + 1, "?xml") ? "encoding" : null;
            if (key == null) {
                continue;
            }
            int end = ByteSearch.indexOf(b, (byte) '>', i, n);
            if (end < 0) {
                end = n;
            }
            for (int at = indexOf(b, end, key, i); at >= 0; at = indexOf(b, end, key, at + key.length())) {
                if (!utf8OrNoValue(b, end, at + key.length())) {
                    return false;
                }
            }
            i = end;
        }
        return true;
    }

    /** After a {@code charset} or {@code encoding}: true unless {@code =} follows with a value other than UTF-8. */
    private static boolean utf8OrNoValue(byte[] b, int n, int i) {
        i = skipSpaces(b, n, i);
        if (i >= n || b[i] != '=') {
            return true;
        }
        i = skipSpaces(b, n, i + 1);
        while (i < n && (b[i] == '"' || b[i] == '\'')) {
            i = skipSpaces(b, n, i + 1);
        }
        return regionIs(b, n, i, "utf-8") || regionIs(b, n, i, "utf8");
    }

    /** The first {@code word} (lower-case ASCII) at or after {@code from}, in any case; -1 if none. */
    private static int indexOf(byte[] b, int n, String word, int from) {
        int first = word.charAt(0);
        for (int i = from; i + word.length() <= n; i++) {
            if ((b[i] | 0x20) == first && regionIs(b, n, i, word)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code word} (lower-case ASCII) is at {@code at}, in any case. */
    private static boolean regionIs(byte[] b, int n, int at, String word) {
        if (at + word.length() > n) {
            return false;
        }
        for (int j = 0; j < word.length(); j++) {
            int c = word.charAt(j);
            int x = b[at + j];
            if (x != c && !(c >= 'a' && c <= 'z' && (x | 0x20) == c)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(byte[] b, int n, int i) {
        while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f')) {
            i++;
        }
        return i;
    }

    /** 3 when the bytes start with a UTF-8 byte-order mark, else 0. */
    static int bomLength(byte[] start, int length) {
        return length >= 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF ? 3 : 0;
    }

    private static boolean isAsciiCompatible(Charset charset) {
        return ASCII_COMPATIBLE.matcher(charset.name().toLowerCase(Locale.ROOT)).matches();
    }
}
