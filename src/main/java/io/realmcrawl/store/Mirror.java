package io.realmcrawl.store;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import io.realmcrawl.fetch.ResponseHead;
import io.realmcrawl.fetch.Validators;
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
import java.util.Objects;
import java.util.Optional;

/**
 * The mirror on disk: saves each page, with a header file beside it, so it appears whole or not at all.
 *
 * <p>The body is streamed into a temporary file {@code .~rc-<random>.tmp} in the page's folder
 * while its size and checksum ({@link ChecksumAlgorithm}) are computed and its bytes compared with
 * the copy on disk ({@link BodyCopy}: a body of up to 256 KiB is gathered in memory, written at
 * once, and handed back so that its links are found without reading the file); then the header
 * file ({@code <page>.headers}, see {@link UrlPathMapper} for names and {@code HeaderFile} for
 * content) is written the same way, and
 * the page's temporary file is renamed over the page ({@code ATOMIC_MOVE}). If the body stream
 * throws (size cap, time limit, truncated body), the temporary file is deleted, the exception
 * propagates, and an earlier copy of the page and its header file stay as they were. A body
 * identical, byte for byte, to the copy on disk leaves the page untouched (a re-run rewrites
 * nothing that did not change). A crash between the two renames can leave a new header file
 * beside the old page. Files get the permissions the process's umask gives; {@link #force} makes
 * a page durable.
 *
 * <p>Thread-safety: {@link #save} may be called from many threads, for different URLs.
 */
public final class Mirror {

    static final String HEADERS_SUFFIX = ".headers";
    /**
     * Where link conversion keeps the body of each page it rewrote, as received, at the page's
     * own relative path: {@code _} never starts a host folder, so no page lands there.
     */
    public static final String ORIGINALS = "_originals";

    private final Path root;
    private final boolean keepSetCookie;
    private final ChecksumAlgorithm checksum;
    /**
     * False while no page of this mirror has an original kept (no {@code _originals} folder when
     * opened, none handed out since): then each save and look-up skips the stat for one.
     */
    private volatile boolean originalsMayExist;

    /** A mirror in {@code root}, which is created if missing, with CRC32C checksums. */
    public Mirror(Path root) throws IOException {
        this(root, false, ChecksumAlgorithm.DEFAULT);
    }

    /**
     * @param keepSetCookie write {@code Set-Cookie} values into header files instead of {@code <redacted>}
     * @param checksum      the checksum computed of each body saved
     */
    public Mirror(Path root, boolean keepSetCookie, ChecksumAlgorithm checksum) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
        this.keepSetCookie = keepSetCookie;
        this.checksum = Objects.requireNonNull(checksum, "checksum");
        this.originalsMayExist = Files.exists(this.root.resolve(ORIGINALS), LinkOption.NOFOLLOW_LINKS);
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
        return save(url, head, body, BodyCheck.ACCEPT_ALL);
    }

    /**
     * Same, with a last look at the downloaded body before it is put in place.
     *
     * @throws BodyRejectedException when {@code check} refuses the body; nothing was written
     */
    public SavedPage save(URI url, ResponseHead head, InputStream body, BodyCheck check) throws IOException {
        return save(files(url), head, body, check).page();
    }

    /** A saved page, and its body as received, to be read again for links (from memory when it was held). */
    public record Saved(SavedPage page, ReceivedBody body) {
    }

    /**
     * Same, for files already {@linkplain #files mapped}; also returns the body as received.
     *
     * @throws BodyRejectedException when {@code check} refuses the body; nothing was written
     */
    public Saved save(PageFiles files, ResponseHead head, InputStream body, BodyCheck check) throws IOException {
        Path page = files.page();
        Earlier earlier = earlier(files);
        if (!earlier.existed() && OnDisk.isFolder(page)) {
            throw clash(files.url(), page, page, "this is a folder (of pages below this URL) where the page's file must go");
        }
        AtomicFiles.OpenTemp temp = newTempFileBeside(files.url(), page);
        try {
            BodyCopy.Copied copied;
            try (OutputStream out = temp.out()) {
                copied = BodyCopy.copy(body, out, checksum, earlier.body(), announcedSize(head));
            }
            Optional<String> rejected = check.reject(temp.path());
            if (rejected.isPresent()) {
                throw new BodyRejectedException(files.url(), rejected.get());
            }
            SavedPage.Write write = place(temp.path(), copied, earlier, files, head);
            SavedPage saved = new SavedPage(files.url(), files.file(), files.headersFile(), copied.size(),
                    copied.checksum(), write);
            return new Saved(saved, copied.held().orElseGet(() -> ReceivedBody.inFile(body(page))));
        } catch (Throwable t) {
            AtomicFiles.discard(temp.path(), t);
            throw t;
        }
    }

    /** The Content-Length, as a hint for the body's buffer; -1 when absent or not a number. */
    private static long announcedSize(ResponseHead head) {
        Optional<String> length = head.first("Content-Length");
        if (length.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(length.get().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The page on disk before a save: whether it exists, and the original kept when its links were
     * converted. A new body is compared with the original, so that conversion never makes an
     * unchanged page look changed.
     */
    private record Earlier(Path page, boolean existed, Optional<Path> original) {
        /** The earlier body as received, if any. */
        Optional<Path> body() {
            return existed ? Optional.of(original.orElse(page)) : Optional.empty();
        }
    }

    /**
     * The page's earlier state; when the visit looked the page up and found no file, that answer is
     * used (a stat of a missing file, the common case of a first crawl, is ~0.7% of its CPU). A
     * page another URL wrote in between (two URLs of one file fetched at the same time) is then
     * written as new: the same outcome as when the other had saved a moment later.
     */
    private Earlier earlier(PageFiles files) {
        Path page = files.page();
        boolean existed = !files.missingAtLookup() && OnDisk.isFile(page);
        return new Earlier(page, existed, original(page));
    }

    /** The original kept of a converted page, when there is one. */
    private Optional<Path> original(Path page) {
        if (!originalsMayExist) {
            return Optional.empty();
        }
        Path original = originalOf(page);
        return OnDisk.isFile(original) ? Optional.of(original) : Optional.empty();
    }

    /**
     * A temporary file in the page's folder, which is made first when missing. The folder is not
     * looked at beforehand: it nearly always exists, and opening the file tells when it does not.
     */
    private AtomicFiles.OpenTemp newTempFileBeside(URI url, Path page) throws IOException {
        try {
            return AtomicFiles.newTempFile(page.getParent());
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (FileSystemException e) { // no such folder, or a file where one must be
            createFolders(url, page);
            return AtomicFiles.newTempFile(page.getParent());
        }
    }

    /**
     * A body equal to the earlier one keeps the page; a new body replaces it and drops the original.
     *
     * <p>The order of the two renames decides what a crash between them leaves. A new page gets
     * its header file first: a header file without its page only costs the page's fetch again,
     * and a page that is there always has its header file, so a resumed run never fetches a saved
     * page whole again. A replaced page gets its body first: the new body under the old validators
     * makes the next run's conditional request fetch it again (200), where new validators over the
     * old body would have had it answered 304 and kept the old body for good.
     */
    private SavedPage.Write place(Path temp, BodyCopy.Copied copied, Earlier earlier, PageFiles files, ResponseHead head)
            throws IOException {
        Path headers = files.headers();
        if (copied.sameAsStored()) {
            Files.delete(temp);
            if (!Validators.of(head).equals(storedValidators(headers))) {
                AtomicFiles.writeAtomically(headers, HeaderFile.bytes(head, keepSetCookie));
            }
            return SavedPage.Write.KEPT;
        }
        if (earlier.existed()) {
            Files.move(temp, files.page(), ATOMIC_MOVE, REPLACE_EXISTING);
            AtomicFiles.writeAtomically(headers, HeaderFile.bytes(head, keepSetCookie));
        } else {
            AtomicFiles.writeAtomically(headers, HeaderFile.bytes(head, keepSetCookie));
            Files.move(temp, files.page(), ATOMIC_MOVE, REPLACE_EXISTING);
        }
        if (earlier.original().isPresent()) {
            Files.deleteIfExists(earlier.original().get());
        }
        return earlier.existed() ? SavedPage.Write.REPLACED : SavedPage.Write.CREATED;
    }

    private static Validators storedValidators(Path headers) throws IOException {
        if (!OnDisk.isFileOrLinkToOne(headers)) {
            return Validators.NONE;
        }
        return HeaderFile.parse(Files.readAllBytes(headers)).map(Validators::of).orElse(Validators.NONE);
    }

    /**
     * The copy of {@code url} already in the mirror, with the head saved beside it; empty when
     * there is none, or its header file is missing or unreadable as one.
     */
    public Optional<StoredPage> stored(URI url) throws IOException {
        return stored(files(url));
    }

    /** Same, for files already {@linkplain #files mapped}. */
    public Optional<StoredPage> stored(PageFiles files) throws IOException {
        Path page = files.page();
        Path headers = files.headers();
        boolean isFile = OnDisk.isFile(page);
        files.lookedUp(isFile);
        if (!isFile || !OnDisk.isFileOrLinkToOne(headers)) {
            return Optional.empty();
        }
        Path body = body(page);
        return HeaderFile.parse(Files.readAllBytes(headers))
                .map(head -> new StoredPage(files.url(), files.file(), body, head));
    }

    /**
     * Where the page of {@code url} and its header file go: map once per visit, then pass to
     * {@link #stored(PageFiles)} and {@link #save(PageFiles, ResponseHead, InputStream, BodyCheck)}.
     *
     * @throws IOException when the URL's file name cannot be written in this system's file-name charset
     */
    public PageFiles files(URI url) throws IOException {
        try {
            String file = UrlPathMapper.relativeName(url);
            return new PageFiles(url, file, root.resolve(file));
        } catch (InvalidPathException e) {
            throw new IOException("cannot save " + url + ": its file name '" + e.getInput()
                    + "' cannot be written in this system's file-name charset ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale, e.g. LANG=C.UTF-8", e);
        }
    }

    /**
     * The body of the page in {@code file} (relative to the root) as it was received: the page
     * itself, or the original kept when its links were converted.
     */
    public Path body(String file) {
        return body(root.resolve(file));
    }

    private Path body(Path page) {
        return original(page).orElse(page);
    }

    /** Where the original body of a converted page is kept (to be written there). */
    public Path originalOf(String file) {
        originalsMayExist = true;
        return originalOf(root.resolve(file));
    }

    private Path originalOf(Path page) {
        return root.resolve(ORIGINALS).resolve(root.relativize(page));
    }

    /**
     * Forces a page ({@code file} relative to the root), its header file and its folder to the
     * disk (power-loss safety); a page no longer there is skipped.
     */
    public void force(String file) throws IOException {
        Path page = root.resolve(file);
        if (!OnDisk.isFile(page)) {
            return;
        }
        AtomicFiles.force(page);
        Path headers = headersOf(page);
        if (OnDisk.isFileOrLinkToOne(headers)) {
            AtomicFiles.force(headers);
        }
        AtomicFiles.force(page.getParent());
    }

    /**
     * Moves a page and its header file to {@code atticFolder/<same relative path>} (kept, out of
     * the browsable tree); does nothing when the page is not there.
     */
    public void moveToAttic(String file, String atticFolder) throws IOException {
        Path page = root.resolve(file);
        if (!OnDisk.isFile(page)) {
            return;
        }
        Path target = root.resolve(atticFolder).resolve(file);
        Files.createDirectories(target.getParent());
        Files.move(page, target, REPLACE_EXISTING);
        Path headers = headersOf(page);
        if (Files.exists(headers)) {
            Files.move(headers, headersOf(target), REPLACE_EXISTING);
        }
        Files.deleteIfExists(originalOf(page));
    }

    /** Deletes the temporary files a crashed run left anywhere in the mirror; returns how many. */
    public int removeLeftoverTempFiles() throws IOException {
        return AtomicFiles.removeLeftovers(root);
    }

    static Path headersOf(Path page) {
        return page.resolveSibling(page.getFileName() + HEADERS_SUFFIX);
    }


    private void createFolders(URI url, Path page) throws IOException {
        if (OnDisk.isFolder(page.getParent())) {
            return; // the common case, answered without the exception createDirectories throws and catches
        }
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

    static String slashed(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path name : relative) {
            out.append(out.length() == 0 ? "" : "/").append(name);
        }
        return out.toString();
    }
}
