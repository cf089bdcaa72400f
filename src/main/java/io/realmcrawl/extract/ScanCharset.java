package io.realmcrawl.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
    private static final Pattern DECLARED = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([^\\s\"'/>;]*)|<\\?xml[^>]*?encoding\\s*=\\s*[\"']?([^\\s\"'?>]*)",
            Pattern.CASE_INSENSITIVE);
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
        Matcher m = DECLARED.matcher(new String(start, 0, Math.min(length, SNIFF), StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String declared = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            if (!declared.equals("utf-8") && !declared.equals("utf8")) {
                return Optional.empty();
            }
        }
        return Optional.of(StandardCharsets.UTF_8);
    }

    /** 3 when the bytes start with a UTF-8 byte-order mark, else 0. */
    static int bomLength(byte[] start, int length) {
        return length >= 3 && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF ? 3 : 0;
    }

    private static boolean isAsciiCompatible(Charset charset) {
        return ASCII_COMPATIBLE.matcher(charset.name().toLowerCase(Locale.ROOT)).matches();
    }
}
