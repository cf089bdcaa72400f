package io.realmcrawl.extract;

import io.realmcrawl.scope.UrlNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the links in an HTML page: hrefs, sources, srcsets, object data and meta refreshes.
 *
 * <p>jsoup parses the page as a browser would, so links in comments, script bodies and CDATA
 * are not links, and broken markup never throws. Each URL is resolved against the document's
 * base URL (the first {@code <base href>}, itself resolved against the page; else the page),
 * by {@link UrlNormalizer#resolve}, which is lenient with the spaces and stray characters real
 * hrefs hold. That includes fragment-only hrefs: {@code #top} is the page itself (or the base,
 * as browsers resolve it, when a {@code <base href>} points elsewhere). What is not http(s)
 * ({@code mailto:}, {@code javascript:}, {@code data:}) is dropped. Links come once each, in
 * document order, with the source where each was first seen.
 *
 * <p>CSS references ({@code url()}, {@code @import}) count as links in {@code style} attributes
 * and {@code <style>} elements, and {@link #extractCss} finds them in style sheets (see
 * {@link CssReferences}). Limits: no links written by scripts. jsoup reads {@code <noscript>} in the body as markup (its links
 * are found) but in the head as text (they are not).
 */
public final class LinkExtractor {
    private static final Logger log = LoggerFactory.getLogger(LinkExtractor.class);

    /** Which attributes of which elements hold a URL ({@code srcset} holds several). */
    private static final Map<String, List<String>> URL_ATTRIBUTES = Map.ofEntries(
            Map.entry("a", List.of("href")),
            Map.entry("area", List.of("href")),
            Map.entry("link", List.of("href")),
            Map.entry("iframe", List.of("src")),
            Map.entry("frame", List.of("src")),
            Map.entry("img", List.of("src", "srcset")),
            Map.entry("script", List.of("src")),
            Map.entry("source", List.of("src", "srcset")),
            Map.entry("video", List.of("src")),
            Map.entry("audio", List.of("src")),
            Map.entry("embed", List.of("src")),
            Map.entry("object", List.of("data")));

    private LinkExtractor() {
    }

    /**
     * The links of the page at {@code pageUrl}, read from {@code html}.
     *
     * @param charset the charset from the Content-Type header if there was one; without it (or
     *     if Java does not know it) jsoup reads the byte-order mark or {@code <meta charset>},
     *     and falls back to UTF-8
     * @throws IOException if reading the stream fails (the stream is not closed here)
     * @throws IllegalArgumentException if {@code pageUrl} is not an absolute http(s) URL
     */
    public static List<Link> extract(InputStream html, Optional<String> charset, URI pageUrl) throws IOException {
        return extract(html, charset, pageUrl, ParseLimits.DEFAULTS);
    }

    /**
     * Same, reading at most {@code limits.maxBytes()} of the page and keeping elements at most
     * {@code limits.maxDepth()} deep: links past the byte cap are not found (logged at debug).
     */
    public static List<Link> extract(InputStream html, Optional<String> charset, URI pageUrl, ParseLimits limits)
            throws IOException {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(charset, "charset");
        URI page = UrlNormalizer.normalize(String.valueOf(pageUrl)).orElseThrow(() -> new IllegalArgumentException(
                "links can only be extracted from a page at an http(s) URL, got '" + pageUrl + "'"));
        CappedInput capped = new CappedInput(html, limits.maxBytes());
        Document doc = Jsoup.parse(capped, charset.map(String::strip).filter(LinkExtractor::isKnownCharset).orElse(null),
                page.toString(), Parser.htmlParser().setMaxDepth(limits.maxDepth()));
        if (capped.capped()) {
            log.debug("{}: only the first {} bytes were searched for links (max-parse-size)", page, limits.maxBytes());
        }
        return links(doc, baseUrl(doc, page));
    }

    /**
     * The links of the style sheet at {@code sheetUrl}: its {@code url()} and {@code @import}
     * references, resolved against the sheet.
     *
     * @param charset the charset from the Content-Type header; UTF-8 without it (CSS's default)
     */
    public static List<Link> extractCss(InputStream css, Optional<String> charset, URI sheetUrl) throws IOException {
        Objects.requireNonNull(css, "css");
        URI sheet = UrlNormalizer.normalize(String.valueOf(sheetUrl)).orElseThrow(() -> new IllegalArgumentException(
                "links can only be extracted from a style sheet at an http(s) URL, got '" + sheetUrl + "'"));
        Charset decoding = charset.map(String::strip).filter(LinkExtractor::isKnownCharset).map(Charset::forName)
                .orElse(java.nio.charset.StandardCharsets.UTF_8);
        Map<URI, Link> found = new LinkedHashMap<>();
        for (CssReferences.Reference r : CssReferences.find(new String(css.readAllBytes(), decoding))) {
            UrlNormalizer.resolve(sheet, r.url().strip()).ifPresent(url -> found.putIfAbsent(url,
                    new Link(url, r.isImport() ? "css[@import]" : "css[url]")));
        }
        return List.copyOf(found.values());
    }

    /** The URLs of a {@code srcset} attribute, as written (see {@link Srcset}). */
    public static List<String> srcsetUrls(String srcset) {
        return Srcset.urls(srcset);
    }

    /** Which attributes of an element hold a URL, by tag ({@code srcset} holds several). */
    public static List<String> urlAttributes(String tag) {
        return URL_ATTRIBUTES.getOrDefault(tag, List.of());
    }

    private static List<Link> links(Document doc, URI base) {
        Map<URI, Link> found = new LinkedHashMap<>();
        for (Element element : doc.getAllElements()) {
            for (RawLink raw : rawLinks(element)) {
                UrlNormalizer.resolve(base, raw.reference())
                        .ifPresent(url -> found.putIfAbsent(url, new Link(url, raw.source())));
            }
        }
        return List.copyOf(found.values());
    }

    /** The unresolved URLs an element holds, with their source. */
    private static List<RawLink> rawLinks(Element element) {
        String tag = element.normalName();
        List<RawLink> raw = new ArrayList<>();
        for (String attribute : URL_ATTRIBUTES.getOrDefault(tag, List.of())) {
            if (!element.hasAttr(attribute)) {
                continue;
            }
            String source = tag + "[" + attribute + "]";
            String value = element.attr(attribute);
            List<String> references = attribute.equals("srcset") ? Srcset.urls(value) : List.of(value.strip());
            references.forEach(reference -> raw.add(new RawLink(reference, source)));
        }
        if (element.hasAttr("style")) {
            CssReferences.urls(element.attr("style")).forEach(url -> raw.add(new RawLink(url.strip(), tag + "[style]")));
        }
        if (tag.equals("style")) {
            CssReferences.urls(element.data()).forEach(url -> raw.add(new RawLink(url.strip(), "style")));
        }
        if (tag.equals("meta") && isRefresh(element)) {
            MetaRefresh.url(element.attr("content")).ifPresent(url -> raw.add(new RawLink(url, "meta[refresh]")));
        }
        return raw;
    }

    private static boolean isRefresh(Element meta) {
        return meta.attr("http-equiv").strip().equalsIgnoreCase("refresh");
    }

    /**
     * The first {@code <base href>} resolved against the page, else the page. A base that
     * cannot be resolved to an http(s) URL is ignored, so links still resolve against the page.
     */
    private static URI baseUrl(Document doc, URI page) {
        Element base = doc.selectFirst("base[href]");
        if (base == null) {
            return page;
        }
        return UrlNormalizer.resolve(page, base.attr("href")).orElse(page);
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException badName) {
            return false;
        }
    }

    /** A URL as written in the page, before resolution. */
    private record RawLink(String reference, String source) {
    }
}
