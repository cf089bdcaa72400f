package io.realmcrawl.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netscape {@code cookies.txt} file, as curl ({@code -b}/{@code -c}) and wget
 * ({@code --load-cookies}/{@code --save-cookies}) write it, loaded into and saved from the crawl's
 * cookie store.
 *
 * <p>Each cookie is one line of seven tab-separated fields: domain, include-subdomains
 * ({@code TRUE}/{@code FALSE}), path, secure ({@code TRUE}/{@code FALSE}), expiry in Unix seconds
 * ({@code 0} for a session cookie), name, value. A domain prefixed {@code #HttpOnly_} is an
 * HttpOnly cookie; any other line starting with {@code #}, and blank lines, are comments. A line
 * that is not a cookie is skipped with a warning naming its number (never its value): the file is
 * input from elsewhere, and a bad line must not stop a crawl.
 *
 * <p>Saving replaces the file atomically, and the new file is readable by its owner only (0600):
 * cookies are often session keys. Cookie values are never logged.
 */
public final class CookieJarFile {
    private static final Logger log = LoggerFactory.getLogger(CookieJarFile.class);
    private static final String HEADER = "# Netscape HTTP Cookie File\n"
            + "# Written by realmcrawl. Cookies are credentials: keep this file private (mode 0600).\n\n";

    private CookieJarFile() {
    }

    /**
     * Adds the cookies of {@code file} to {@code store}, unexpired ones only; a missing file adds
     * nothing (the first run of a crawl creates it).
     *
     * @return how many cookies were loaded
     * @throws IOException when the file exists but cannot be read
     */
    public static int load(Path file, BasicCookieStore store) throws IOException {
        if (!Files.exists(file)) {
            log.info("cookies file {} does not exist yet: starting without cookies", file);
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Instant now = Instant.now();
        int loaded = 0;
        for (int i = 0; i < lines.size(); i++) {
            Optional<Cookie> cookie = CookieLine.parse(lines.get(i));
            if (cookie.isEmpty() && !CookieLine.isComment(lines.get(i))) {
                log.warn("{} line {}: not a cookie (7 tab-separated fields expected); skipped", file, i + 1);
            } else if (cookie.isPresent() && !cookie.get().isExpired(now)) {
                store.addCookie(cookie.get());
                loaded++;
            }
        }
        return loaded;
    }

    /** Writes the unexpired cookies of {@code store} to {@code file}, atomically, mode 0600. */
    public static void save(BasicCookieStore store, Path file) throws IOException {
        Instant now = Instant.now();
        StringBuilder text = new StringBuilder(HEADER);
        for (Cookie cookie : store.getCookies()) {
            if (!cookie.isExpired(now)) {
                text.append(CookieLine.format(cookie)).append('\n');
            }
        }
        writeAtomically(file, text.toString());
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", ownerOnly());
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
