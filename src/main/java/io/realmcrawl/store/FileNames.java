package io.realmcrawl.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file or folder name for one path segment of a URL (see {@link UrlPathMapper} for the rules).
 *
 * <p>Every rule only replaces literal characters by their {@code %XX} escape, so the names stay
 * injective; the exceptions are the three reserved marks: {@code @} (a query, or an empty
 * segment), {@code ~} (a shortened name) and {@code index.html} (a URL ending in {@code /}).
 */
final class FileNames {

    /** 255 bytes, the limit of ext4, APFS and NTFS, less room for the {@code .headers} suffix. */
    static final int MAX_BYTES = 255 - Mirror.HEADERS_SUFFIX.length();
    static final String INDEX = "index.html";
    static final String EMPTY_SEGMENT = "@";

    private static final Pattern EXTENSION = Pattern.compile("(.+)(\\.[A-Za-z0-9]{1,10})");
    private static final Pattern ENDS_LIKE_EXTENSION = Pattern.compile("(.*)(\\.[A-Za-z0-9]{1,10})");
    private static final Pattern DEVICE = Pattern.compile(
            "(CON|PRN|AUX|NUL|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3]) *(\\..*)?",
            Pattern.CASE_INSENSITIVE);
    private static final int HASH_CHARS = 32;

    private FileNames() {
    }

    /** The folder name for a segment that is not the last one. */
    static String folder(String rawSegment) {
        return keptAsIs(rawSegment) ? rawSegment : folderByRules(rawSegment);
    }

    /** The file name for the last segment and the query ({@code null} when the URL has none). */
    static String file(String rawSegment, String rawQuery) {
        return rawQuery == null && keptAsIs(rawSegment) ? rawSegment : fileByRules(rawSegment, rawQuery);
    }

    /**
     * True when every rule leaves the segment as it is: only letters, digits, {@code - _ .}, no
     * trailing dot, no {@code .headers} ending, no device name, not too long. Nearly every segment
     * of a real site is such a name; it is answered with one pass over its characters (the rules
     * build several strings and run a regular expression per name: ~2% of a crawl's CPU).
     */
    static boolean keptAsIs(String rawSegment) {
        int n = rawSegment.length();
        if (n == 0 || n > MAX_BYTES || rawSegment.charAt(n - 1) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = rawSegment.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
            if (!plain) {
                return false;
            }
        }
        return !endsWithHeadersSuffix(rawSegment) && !mayBeDeviceName(rawSegment);
    }

    /** {@link #folder} by the full rules. */
    static String folderByRules(String rawSegment) {
        if (rawSegment.isEmpty()) {
            return EMPTY_SEGMENT;
        }
        return finish(guardHeadersSuffix(Escaper.pathSegment(rawSegment)));
    }

    /** {@link #file} by the full rules. */
    static String fileByRules(String rawSegment, String rawQuery) {
        String name = rawSegment.isEmpty() ? INDEX : guardHeadersSuffix(Escaper.pathSegment(rawSegment));
        if (rawQuery != null) {
            name = withQuery(name, rawQuery);
        }
        return finish(name);
    }

    /** {@code list.html} + {@code page=2} → {@code list@page=2.html}: the file still opens by type. */
    private static String withQuery(String name, String rawQuery) {
        String query = encodeExtensionDot(Escaper.query(rawQuery));
        Matcher m = EXTENSION.matcher(name);
        if (m.matches()) {
            return m.group(1) + "@" + query + m.group(2);
        }
        return name + "@" + query;
    }

    /**
     * Encodes the dot of a query that ends like an extension ({@code ?f=a.pdf} → {@code a%2Epdf}), so
     * {@code /x?a.pdf} and {@code /x.pdf?a} cannot both become {@code x@a.pdf}, nor {@code /x?.pdf}
     * and {@code /x.pdf?} both {@code x@.pdf}.
     */
    private static String encodeExtensionDot(String query) {
        Matcher m = ENDS_LIKE_EXTENSION.matcher(query);
        if (!m.matches()) {
            return query;
        }
        return m.group(1) + "%2E" + m.group(2).substring(1);
    }

    private static String finish(String name) {
        return shorten(guardDeviceName(encodeTrailingDotsAndSpaces(name)));
    }

    /** Windows drops trailing dots and spaces; this also turns {@code .} and {@code ..} into escapes. */
    static String encodeTrailingDotsAndSpaces(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        StringBuilder out = new StringBuilder(name.substring(0, end));
        for (int i = end; i < name.length(); i++) {
            out.append(Escaper.percent(name.charAt(i)));
        }
        return out.toString();
    }

    /** A page or folder never ends in {@code .headers} (any case), so none looks like a header file. */
    static String guardHeadersSuffix(String name) {
        if (endsWithHeadersSuffix(name)) {
            int dot = name.length() - Mirror.HEADERS_SUFFIX.length();
            return name.substring(0, dot) + "%2E" + name.substring(dot + 1);
        }
        return name;
    }

    private static boolean endsWithHeadersSuffix(String name) {
        String suffix = Mirror.HEADERS_SUFFIX;
        return name.length() >= suffix.length()
                && name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** {@code CON}, {@code aux.txt}, {@code lpt9} → {@code %43ON}, {@code %61ux.txt}, {@code %6Cpt9}. */
    static String guardDeviceName(String name) {
        if (mayBeDeviceName(name) && DEVICE.matcher(name).matches()) {
            return Escaper.percent(name.charAt(0)) + name.substring(1);
        }
        return name;
    }

    /**
     * False when {@link #DEVICE} cannot match, answered without it: a device name starts with
     * CON, PRN, AUX or NUL followed by the end, a space or a dot, or with COM or LPT and a digit
     * followed by the same.
     */
    static boolean mayBeDeviceName(String name) {
        int n = name.length();
        if (n < 3) {
            return false;
        }
        String stem = name.substring(0, 3);
        if (stem.equalsIgnoreCase("CON") || stem.equalsIgnoreCase("PRN") || stem.equalsIgnoreCase("AUX")
                || stem.equalsIgnoreCase("NUL")) {
            return n == 3 || endsDeviceStem(name.charAt(3));
        }
        if ((stem.equalsIgnoreCase("COM") || stem.equalsIgnoreCase("LPT")) && n >= 4) {
            char c = name.charAt(3);
            boolean digit = (c >= '0' && c <= '9') || c == '\u00b9' || c == '\u00b2' || c == '\u00b3';
            return digit && (n == 4 || endsDeviceStem(name.charAt(4)));
        }
        return false;
    }

    private static boolean endsDeviceStem(char c) {
        return c == ' ' || c == '.';
    }

    /** A name over {@link #MAX_BYTES} becomes prefix + {@code ~} + hash of the whole name + extension. */
    static String shorten(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        Matcher m = EXTENSION.matcher(name);
        String extension = m.matches() ? m.group(2) : "";
        String hash = sha256(name).substring(0, HASH_CHARS);
        int budget = MAX_BYTES - extension.length() - 1 - HASH_CHARS;
        return prefix(name, budget) + "~" + hash + extension;
    }

    /** The longest start of {@code name} within {@code maxBytes} that splits no character and no escape. */
    private static String prefix(String name, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int unit = name.charAt(i) == '%' ? 3 : Character.charCount(name.codePointAt(i));
            int unitBytes = utf8Length(name.substring(i, i + unit));
            if (bytes + unitBytes > maxBytes) {
                break;
            }
            bytes += unitBytes;
            i += unit;
        }
        return name.substring(0, i);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
