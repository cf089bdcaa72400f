package io.realmcrawl.store;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import io.realmcrawl.fetch.ResponseHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The mirror on disk: saves each page, with a header file beside it, so it appears whole or not at all.
 *
 * <p>The body is streamed into a temporary file {@code .~rc-<random>.tmp} in the page's folder
 * while its size and SHA-256 are computed; then the header file ({@code <page>.headers}, see
 * {@link UrlPathMapper} for names and {@code HeaderFile} for content) is written the same way, and
 * the page's temporary file is renamed over the page ({@code ATOMIC_MOVE}). If the body stream
 * throws (size cap, time limit, truncated body), the temporary file is deleted, the exception
 * propagates, and an earlier copy of the page and its header file stay as they were. A crash
 * between the two renames can leave a new header file beside the old page. No fsync yet, and
 * files get the permissions the process's umask gives.
 *
 * <p>Thread-safety: {@link #save} may be called from many threads, for different URLs.
 */
public final class Mirror {

    static final String HEADERS_SUFFIX = ".headers";
    private static final String TEMP_PREFIX = ".~rc-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    /** A mirror in {@code root}, which is created if missing. */
    public Mirror(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Saves the page for {@code url}: its body (read to the end, not closed) and its response head.
     *
     * @throws FileSystemException when a file stands where the page needs a folder, or the reverse;
     *     the message names the URL and the path
     * @throws IOException when the body cannot be read or the disk refuses a write
     */
    public SavedPage save(URI url, ResponseHead head, InputStream body) throws IOException {
        Path relative = mapped(url);
        Path page = root.resolve(relative);
        Path headers = page.resolveSibling(page.getFileName() + HEADERS_SUFFIX);
        createFolders(url, page);
        if (Files.isDirectory(page, LinkOption.NOFOLLOW_LINKS)) {
            throw clash(url, page, page, "this is a folder (of pages below this URL) where the page's file must go");
        }
        Path temp = newTempFile(page.getParent());
        try {
            BodyDigest written = copy(body, temp);
            writeAtomically(headers, HeaderFile.bytes(head));
            Files.move(temp, page, ATOMIC_MOVE, REPLACE_EXISTING);
            return new SavedPage(url, slashed(relative), slashed(root.relativize(headers)), written.size(),
                    written.sha256());
        } catch (Throwable t) {
            discard(temp, t);
            throw t;
        }
    }

    private record BodyDigest(long size, String sha256) {
    }

    private static Path mapped(URI url) throws IOException {
        try {
            return UrlPathMapper.relativePath(url);
        } catch (InvalidPathException e) {
            throw new IOException("cannot save " + url + ": its file name '" + e.getInput()
                    + "' cannot be written in this system's file-name charset ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LANG=C.UTF-8", e);
        }
    }

    private void createFolders(URI url, Path page) throws IOException {
        try {
            Files.createDirectories(page.getParent());
        } catch (IOException e) {
            Path file = firstFileOnTheWay(page.getParent());
            if (file == null) {
                throw e;
            }
            FileSystemException clash = clash(url, page, file,
                    "this is a file (an earlier page) where the page needs a folder");
            clash.initCause(e);
            throw clash;
        }
    }

    private Path firstFileOnTheWay(Path folder) {
        Path current = root;
        for (Path name : root.relativize(folder)) {
            current = current.resolve(name);
            if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(current)) {
                return current;
            }
        }
        return null;
    }

    private FileSystemException clash(URI url, Path page, Path where, String what) {
        return new FileSystemException(where.toString(), null, "cannot save " + url + " as "
                + slashed(root.relativize(page)) + ": " + what + "; the mirror cannot hold both yet");
    }

    private static BodyDigest copy(InputStream body, Path temp) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
            for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        }
        return new BodyDigest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = newTempFile(target.getParent());
        try {
            Files.write(temp, content, StandardOpenOption.WRITE);
            Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (Throwable t) {
            discard(temp, t);
            throw t;
        }
    }

    /** A new empty {@code .~rc-<random>.tmp}; {@code ~} never occurs in a page's name, so it is never a page. */
    private static Path newTempFile(Path folder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(folder.resolve(TEMP_PREFIX + random + TEMP_SUFFIX));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void discard(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path name : relative) {
            out.append(out.length() == 0 ? "" : "/").append(name);
        }
        return out.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
