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
    /** Bytes looked at for a declaration: more than jsoup's 5 KiB, so none it sees is missed. */
    static final int SNIFF = 8 * 1024;
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
        if (!mentions(start, n, "charset") && !mentions(start, n, "encoding")) {
            return Optional.of(StandardCharsets.UTF_8); // most pages: no declaration at all, or one only
        }
        return declaresOnlyUtf8(new String(start, 0, n, StandardCharsets.ISO_8859_1))
                ? Optional.of(StandardCharsets.UTF_8) : Optional.empty();
    }

    /** Whether the bytes hold {@code word} (lower-case ASCII) in any case, without making a string. */
    private static boolean mentions(byte[] bytes, int length, String word) {
        int first = word.charAt(0);
        outer:
        for (int i = 0; i + word.length() <= length; i++) {
            if ((bytes[i] | 0x20) != first) {
                continue;
            }
            for (int j = 1; j < word.length(); j++) {
                if ((bytes[i + j] | 0x20) != word.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Whether every {@code charset=} inside a {@code <meta} tag, and every {@code encoding=} in an
     * XML declaration, names UTF-8 (true when there is none). Found by hand rather than by a
     * regex, which spent more time on a javadoc page's dozens of meta tags than the scan itself.
     */
    static boolean declaresOnlyUtf8(String head) {
        String lower = head.toLowerCase(Locale.ROOT);
        return onlyUtf8After(lower, "charset", "<meta") && onlyUtf8After(lower, "encoding", "<?xml");
    }

    private static boolean onlyUtf8After(String lower, String key, String tagStart) {
        for (int at = lower.indexOf(key); at >= 0; at = lower.indexOf(key, at + key.length())) {
            int lt = lower.lastIndexOf('<', at);
            int gt = lower.indexOf('>', lt + 1);
            if (lt < 0 || !lower.startsWith(tagStart, lt) || (gt >= 0 && gt < at)) {
                continue; // not inside such a tag
            }
            int i = skipSpaces(lower, at + key.length());
            if (i >= lower.length() || lower.charAt(i) != '=') {
                continue;
            }
            i = skipSpaces(lower, i + 1);
            while (i < lower.length() && (lower.charAt(i) == '"' || lower.charAt(i) == '\'')) {
                i = skipSpaces(lower, i + 1);
            }
            if (!lower.startsWith("utf-8", i) && !lower.startsWith("utf8", i)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
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
