package io.realmcrawl.extract;

import io.realmcrawl.scope.UrlNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the links in an HTML page: hrefs, sources, srcsets, object data and meta refreshes.
 *
 * <p>Links are what jsoup's parse of the page holds, as a browser would see them: links in
 * comments, script bodies and CDATA are not links, and broken markup never throws. Most pages
 * (UTF-8 or another ASCII-compatible charset) are read by {@link TagScanner}, a tokenizer that
 * finds the same links as jsoup's tree from a bounded buffer at a fraction of the cost (the test
 * {@code LinkScannerTest} holds the two equal); the others by jsoup itself ({@link JsoupReader}).
 *
 * <p>Each URL is resolved against the document's base URL (the first {@code <base href>}, itself
 * resolved against the page; else the page), by {@link UrlNormalizer#resolve}, which is lenient
 * with the spaces and stray characters real hrefs hold. That includes fragment-only hrefs:
 * {@code #top} is the page itself (or the base, as browsers resolve it, when a {@code <base href>}
 * points elsewhere). What is not http(s) ({@code mailto:}, {@code javascript:}, {@code data:}) is
 * dropped. Links come once each, in document order, with the source where each was first seen.
 *
 * <p>CSS references ({@code url()}, {@code @import}) count as links in {@code style} attributes
 * and {@code <style>} elements; style sheets have their own reader ({@link #styleSheetLinks}),
 * and both find references the way {@link CssReferences} does. Limits: no links written by scripts.
 *
 * <p>{@link ParseLimits} bound the work per page: only the first {@code maxBytes} are read for
 * links, and jsoup keeps elements at most {@code maxDepth} deep (the scanner keeps no tree).
 *
 * <p>Thread-safety: an instance may serve many threads; it remembers resolved hrefs
 * ({@link ResolvedUrls}) across pages.
 */
public final class LinkExtractor {
    private static final Logger log = LoggerFactory.getLogger(LinkExtractor.class);
    /** Style sheets are small; only this much of one is read, so memory never grows with a file. */
    static final int MAX_STYLE_SHEET_BYTES = 4 << 20;
    private final ResolvedUrls resolved;

    /** An extractor that remembers resolutions across the pages it reads (bounded). */
    public LinkExtractor() {
        this(new ResolvedUrls(ResolvedUrls.DEFAULT_CAPACITY));
    }

    private LinkExtractor(ResolvedUrls resolved) {
        this.resolved = resolved;
    }

    /**
     * The links of the page at {@code pageUrl}, read from {@code html}, by a one-off extractor.
     *
     * @see #links
     */
    public static List<Link> extract(InputStream html, Optional<String> charset, URI pageUrl) throws IOException {
        return extract(html, charset, pageUrl, ParseLimits.DEFAULTS);
    }

    /** The same within {@code limits}, by a one-off extractor. */
    public static List<Link> extract(InputStream html, Optional<String> charset, URI pageUrl, ParseLimits limits)
            throws IOException {
        return new LinkExtractor(new ResolvedUrls(0)).links(html, charset, pageUrl, limits);
    }

    /** The links of a style sheet, by a one-off extractor (see {@link #styleSheetLinks}). */
    public static List<Link> extractCss(InputStream css, Optional<String> charset, URI sheetUrl) throws IOException {
        return new LinkExtractor(new ResolvedUrls(0)).styleSheetLinks(css, charset, sheetUrl);
    }

    /** The URLs of a {@code srcset} attribute, as written (see {@link Srcset}). */
    public static List<String> srcsetUrls(String srcset) {
        return Srcset.urls(srcset);
    }

    /** Which attributes of an element hold a URL, by tag ({@code srcset} holds several). */
    public static List<String> urlAttributes(String tag) {
        return RawLinks.URL_ATTRIBUTES.getOrDefault(tag, List.of());
    }

    /**
     * The links of the page at {@code pageUrl}, read from {@code html}.
     *
     * @param charset the charset from the Content-Type header if there was one; without it (or
     *     if Java does not know it) the byte-order mark or {@code <meta charset>} decide, and
     *     UTF-8 is the fallback
     * @throws IOException if reading the stream fails (the stream is not closed here)
     * @throws IllegalArgumentException if {@code pageUrl} is not an absolute http(s) URL
     */
    public List<Link> links(InputStream html, Optional<String> charset, URI pageUrl) throws IOException {
        return links(html, charset, pageUrl, ParseLimits.DEFAULTS);
    }

    /**
     * The same, reading at most {@code limits.maxBytes()} of the page: links past the cap are not
     * found (logged at debug).
     */
    public List<Link> links(InputStream html, Optional<String> charset, URI pageUrl, ParseLimits limits)
            throws IOException {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(charset, "charset");
        URI page = page(pageUrl);
        CappedInput capped = new CappedInput(html, limits.maxBytes());
        byte[] start = capped.readNBytes(ScanCharset.SNIFF);
        Optional<Charset> scannable = ScanCharset.of(charset, start, start.length);
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(start), capped);
        RawLinks raw;
        if (scannable.isPresent()) {
            whole.skipNBytes(ScanCharset.bomLength(start, start.length));
            raw = ScannerReader.read(whole, scannable.get());
        } else {
            raw = JsoupReader.read(whole, charset, page.toString(), limits.maxDepth());
        }
        if (capped.capped()) {
            log.debug("{}: only the first {} bytes were searched for links (max-parse-size)", page, limits.maxBytes());
        }
        return resolve(raw, page);
    }

    /**
     * The links of the CSS style sheet at {@code sheetUrl} ({@code url()}, {@code @import}),
     * resolved against the sheet as browsers resolve them.
     */
    public List<Link> styleSheetLinks(InputStream css, Optional<String> charset, URI sheetUrl) throws IOException {
        Objects.requireNonNull(css, "css");
        URI sheet = page(sheetUrl);
        Charset cs = charset.map(String::strip).filter(JsoupReader::isKnownCharset).map(Charset::forName)
                .orElse(java.nio.charset.StandardCharsets.UTF_8);
        RawLinks raw = new RawLinks();
        for (CssReferences.Reference r : CssReferences.find(new String(css.readNBytes(MAX_STYLE_SHEET_BYTES), cs))) {
            raw.addStyleSheetUrl(r.url().strip(), r.isImport());
        }
        return resolve(raw, sheet);
    }

    /** The same, always read by jsoup: the reference the scanner is tested against. */
    static List<Link> withJsoup(InputStream html, Optional<String> charset, URI pageUrl) throws IOException {
        URI page = page(pageUrl);
        return new LinkExtractor(new ResolvedUrls(0)).resolve(JsoupReader.read(html, charset, page.toString(),
                ParseLimits.DEFAULTS.maxDepth()), page);
    }

    private static URI page(URI pageUrl) {
        return UrlNormalizer.normalize(String.valueOf(pageUrl)).orElseThrow(() -> new IllegalArgumentException(
                "links can only be extracted from a page at an http(s) URL, got '" + pageUrl + "'"));
    }

    /**
     * Resolves each href (a repeated one is found in {@link ResolvedUrls}). A base that cannot be
     * resolved to an http(s) URL is ignored, so links still resolve against the page.
     */
    private List<Link> resolve(RawLinks raw, URI page) {
        URI base = raw.baseHref().flatMap(href -> UrlNormalizer.resolve(page, href)).orElse(page);
        ResolvedUrls.Page hrefs = resolved.page(UrlNormalizer.againstNormal(base));
        List<RawLink> links = raw.links();
        Map<URI, Link> found = new LinkedHashMap<>(links.size());
        for (int i = 0; i < links.size(); i++) {
            RawLink link = links.get(i);
            URI url = hrefs.resolve(link.reference());
            if (url != null && !found.containsKey(url)) {
                found.put(url, new Link(url, link.source()));
            }
        }
        return List.copyOf(found.values());
    }
}
