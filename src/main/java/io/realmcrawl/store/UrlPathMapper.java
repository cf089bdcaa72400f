package io.realmcrawl.store;

import io.realmcrawl.scope.Origin;
import java.net.URI;
import java.nio.file.Path;

/**
 * Maps a normalised http(s) URL to its file in the mirror: {@code [https_]host[_port]/path}.
 *
 * <p>The rules, which make the mapping injective and keep every file inside the output folder
 * on Linux, macOS and Windows:
 * <ol>
 * <li>The first folder names the origin: the host, {@code _PORT} when the port is not the
 *     scheme's default, and an {@code https_} prefix for https. {@code http://h/a} and
 *     {@code https://h/a} are different origins and land in {@code h/a} and {@code https_h/a};
 *     {@code http://127.0.0.1:8080/} lands in {@code 127.0.0.1_8080/}. A {@code _} in a host is
 *     written {@code %5F}, so the prefix and the port can be told apart from the host; the host
 *     also follows rules 2-4 ({@code http://aux.example.org/} → {@code %61ux.example.org/}).
 * <li>Each path segment is percent-decoded (UTF-8) into a readable name; then every character
 *     unsafe in a file name is written {@code %XX} (its UTF-8 bytes): control characters,
 *     {@code " * / : < > ? \ |}, {@code %} itself (which makes the mapping injective), and
 *     {@code @ ~}, which this layout reserves. Bytes that are not UTF-8 stay {@code %XX}.
 * <li>Trailing dots and spaces are encoded, so {@code .} and {@code ..} (also from
 *     {@code %2e%2e}) become {@code %2E} and {@code %2E%2E}: nothing can climb out of the output.
 * <li>Windows device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, also COM¹²³ and LPT¹²³, any case,
 *     with or without an extension) get their first letter encoded: {@code aux.txt} → {@code %61ux.txt}.
 * <li>A name that ends in {@code .headers} (any case) gets that dot encoded
 *     ({@code x%2Eheaders}): only header files end in {@code .headers}.
 * <li>A URL ending in {@code /} is saved as {@code index.html} in that folder. An empty segment
 *     ({@code /a//b}) becomes a folder named {@code @}.
 * <li>A query goes into the file name as {@code @} + the query, before the extension so the file
 *     still opens by type: {@code /list.html?page=2} → {@code list@page=2.html},
 *     {@code /search?q=x} → {@code search@q=x}, {@code /dir/?sort=a} → {@code dir/index@sort=a.html}.
 *     The query follows the segment rules, except that escapes of reserved characters are kept
 *     ({@code q=R%26D} → {@code q=R%2526D}, as it differs from {@code q=R&D}), and a query that ends
 *     like an extension has that dot encoded ({@code ?f=a.pdf} → {@code @f=a%2Epdf}). An extension
 *     is a dot and 1-10 letters or digits.
 * <li>A name over 247 bytes of UTF-8 (255, the file-system limit, less room for {@code .headers})
 *     is shortened to a prefix + {@code ~} + 32 hex digits of the SHA-256 of the whole name +
 *     the extension.
 * </ol>
 * Since {@code @} and {@code ~} are always encoded in names taken from the URL, a query mapping,
 * a shortened name and the mirror's temporary files ({@code .~rc-*.tmp}) never collide with a page.
 *
 * <p>Limits: {@code /a:b} and {@code /a%3Ab} map to the same file (paths are fully decoded, as
 * static web servers decode them), as do {@code /d/} and {@code /d/index.html} (the same page on
 * nearly every server). Names that differ only in letter case, or in Unicode normalisation
 * (macOS), are distinct here but would share a file on a case-insensitive file system; that is a
 * later issue. So are {@code /a} (a file) and {@code /a/b} (which needs a folder {@code a}), and
 * whole paths longer than the platform allows.
 */
public final class UrlPathMapper {
    /** The origin folder last mapped: a crawl maps nearly every page of one origin. */
    private static volatile OriginFolder lastOrigin;

    private UrlPathMapper() {
    }

    /**
     * The relative path of the file for {@code url}, e.g. {@code 127.0.0.1_8080/docs/index.html}.
     *
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL with a host
     */
    public static Path relativePath(URI url) {
        return Path.of(relativeName(url)); // no name is empty or holds a '/', so this splits where it was joined
    }

    /** The same path as text, its names joined by {@code /}: {@code 127.0.0.1_8080/docs/index.html}. */
    public static String relativeName(URI url) {
        String rawPath = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder path = new StringBuilder(rawPath.length() + 32).append(originFolder(Origin.of(url)));
        int start = 1;
        for (int slash = rawPath.indexOf('/', start); slash >= 0; slash = rawPath.indexOf('/', start)) {
            path.append('/').append(FileNames.folder(rawPath.substring(start, slash)));
            start = slash + 1;
        }
        path.append('/').append(FileNames.file(rawPath.substring(start), url.getRawQuery()));
        return path.toString();
    }

    private record OriginFolder(Origin origin, String folder) {
    }

    private static String originFolder(Origin origin) {
        OriginFolder last = lastOrigin;
        if (last != null && last.origin().equals(origin)) {
            return last.folder();
        }
        String folder = originFolderOf(origin);
        lastOrigin = new OriginFolder(origin, folder);
        return folder;
    }

    /** {@code host}, {@code host_8080}, {@code https_host}, {@code https_host_8443}. */
    static String originFolderOf(Origin origin) {
        String host = FileNames.encodeTrailingDotsAndSpaces(Escaper.pathSegment(origin.host()).replace("_", "%5F"));
        String scheme = origin.isHttps() ? "https_" : "";
        String port = origin.isDefaultPort() ? "" : "_" + origin.port();
        return FileNames.guardDeviceName(scheme + host + port);
    }
}
