package io.realmcrawl.convert;

import io.realmcrawl.extract.CssReferences;
import io.realmcrawl.extract.LinkExtractor;
import io.realmcrawl.scope.UrlNormalizer;
import io.realmcrawl.store.Mirror;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Points the links of saved HTML pages and style sheets at the local copies, by relative paths, and
 * the links to what was not downloaded at the absolute URL (see {@link LocalLinks}), so the mirror
 * can be browsed from {@code file://}.
 *
 * <p>The original body of each rewritten page is kept under {@link Mirror#ORIGINALS}: the mirror
 * compares a re-fetched body with it (so a converted page never looks changed), link extraction
 * reads it, and conversion always starts from it. A page is rewritten only when the result
 * differs from the file there. Re-runs convert only what needs it: pages that came new or changed
 * (they have no original yet), and every page again only when the set of local copies and
 * redirects (the link targets' download status) differs from the last conversion's.
 *
 * <p>In HTML, the URL attributes the link extractor reads, {@code style} attributes and
 * {@code <style>} elements are rewritten; {@code <base href>} loses its {@code href}, since the
 * local paths are relative to the file. jsoup writes the page back in its charset, without
 * pretty-printing; markup may still be normalised (quotes, implied tags).
 */
public final class LinkConverter {
    static final String TARGETS_FINGERPRINT = ".link-targets.sha256";

    /** What a saved page is, for its links. */
    public enum Kind { HTML, CSS }

    /** A saved page to convert: its URL, file (relative to the mirror root), kind and Content-Type charset. */
    public record Page(URI url, String file, Kind kind, Optional<String> charset) {
    }

    /** How many pages were rewritten, and how many were left as they were. */
    public record Result(int converted, int unchanged) {
    }

    private final Mirror mirror;
    private final LocalLinks links;
    private final String fingerprint;

    /**
     * @param files     every URL with a local copy, and its file relative to the mirror root
     * @param redirects every redirect the crawl saw, URL to target
     */
    public LinkConverter(Mirror mirror, Map<URI, String> files, Map<URI, URI> redirects) {
        this.mirror = mirror;
        this.links = new LocalLinks(files, redirects);
        this.fingerprint = fingerprint(files, redirects);
    }

    public Result convert(List<Page> pages) throws IOException {
        Path fingerprintFile = mirror.root().resolve(Mirror.ORIGINALS).resolve(TARGETS_FINGERPRINT);
        boolean targetsSame = Files.isRegularFile(fingerprintFile)
                && Files.readString(fingerprintFile, StandardCharsets.US_ASCII).strip().equals(fingerprint);
        int converted = 0;
        int unchanged = 0;
        for (Page page : pages) {
            if (convert(page, targetsSame)) {
                converted++;
            } else {
                unchanged++;
            }
        }
        Files.createDirectories(fingerprintFile.getParent());
        replace(fingerprintFile, fingerprint.getBytes(StandardCharsets.US_ASCII));
        return new Result(converted, unchanged);
    }

    private boolean convert(Page page, boolean targetsSame) throws IOException {
        Path file = mirror.root().resolve(page.file());
        Path original = mirror.originalOf(page.file());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        boolean fresh = !Files.isRegularFile(original, LinkOption.NOFOLLOW_LINKS);
        if (!fresh && targetsSame) {
            return false;
        }
        byte[] source = Files.readAllBytes(fresh ? file : original);
        byte[] result = page.kind() == Kind.HTML ? html(source, page) : css(source, page);
        if (Arrays.equals(result, fresh ? source : Files.readAllBytes(file))) {
            return false;
        }
        if (fresh) {
            Files.createDirectories(original.getParent());
            replace(original, source);
        }
        replace(file, result);
        return true;
    }

    private byte[] html(byte[] source, Page page) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(source), page.charset().filter(LinkConverter::known)
                .orElse(null), page.url().toString());
        URI base = baseUrl(doc, page.url());
        for (Element element : doc.getAllElements()) {
            rewriteAttributes(element, base, page.file());
        }
        doc.select("base[href]").removeAttr("href");
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml().getBytes(doc.outputSettings().charset());
    }

    private void rewriteAttributes(Element element, URI base, String file) {
        String tag = element.normalName();
        for (String attribute : LinkExtractor.urlAttributes(tag)) {
            if (element.hasAttr(attribute)) {
                String value = element.attr(attribute);
                element.attr(attribute, attribute.equals("srcset") ? srcset(value, base, file)
                        : links.rewrite(value, base, file));
            }
        }
        if (element.hasAttr("style")) {
            element.attr("style", CssReferences.rewrite(element.attr("style"), ref -> links.rewrite(ref, base, file)));
        }
        if (tag.equals("style")) {
            for (Node child : element.childNodes()) {
                if (child instanceof DataNode data) {
                    data.setWholeData(CssReferences.rewrite(data.getWholeData(), ref -> links.rewrite(ref, base, file)));
                }
            }
        }
    }

    private String srcset(String value, URI base, String file) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (String url : LinkExtractor.srcsetUrls(value)) {
            int start = value.indexOf(url, at);
            out.append(value, at, start).append(links.rewrite(url, base, file));
            at = start + url.length();
        }
        return out.append(value.substring(at)).toString();
    }

    private byte[] css(byte[] source, Page page) {
        Charset charset = page.charset().filter(LinkConverter::known).map(Charset::forName).orElse(StandardCharsets.UTF_8);
        String css = new String(source, charset);
        return CssReferences.rewrite(css, ref -> links.rewrite(ref, page.url(), page.file())).getBytes(charset);
    }

    private static URI baseUrl(Document doc, URI page) {
        Element base = doc.selectFirst("base[href]");
        return base == null ? page : UrlNormalizer.resolve(page, base.attr("href")).orElse(page);
    }

    /**
     * Replaces {@code target} atomically with {@code content}. The temporary file is created with
     * the umask's permissions, as the mirror's pages are ({@code createTempFile} would make it
     * owner-only), and named like the mirror's, so a crash leaves nothing the next run keeps.
     */
    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = Files.createFile(target.resolveSibling(".~rc-"
                + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String fingerprint(Map<URI, String> files, Map<URI, URI> redirects) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        new TreeMap<>(files).forEach((url, file) -> sha256.update((url + "\t" + file + "\n").getBytes(StandardCharsets.UTF_8)));
        new TreeMap<>(redirects).forEach((url, to) -> sha256.update((url + "\t->" + to + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static boolean known(String charset) {
        try {
            return Charset.isSupported(charset.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
